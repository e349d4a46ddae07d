import { LedgerSchema1764000000000 } from './1764000000000-ledger-schema';
import { OrdersSchema1765000000000 } from './1765000000000-orders-schema';
import { Snapshots1766000000000 } from './1766000000000-snapshots';
import { JournalReservationsIndex1766000000001 } from './1766000000001-journal-reservations-index';

/** Every migration, oldest first. A new migration is a new file added at the end of this list. */
export const MIGRATIONS = [
  LedgerSchema1764000000000,
  OrdersSchema1765000000000,
  Snapshots1766000000000,
  JournalReservationsIndex1766000000001,
];
