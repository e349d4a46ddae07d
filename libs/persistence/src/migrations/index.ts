import { LedgerSchema1764000000000 } from './1764000000000-ledger-schema';
import { OrdersSchema1765000000000 } from './1765000000000-orders-schema';
import { Snapshots1766000000000 } from './1766000000000-snapshots';
import { JournalReservationsIndex1766000000001 } from './1766000000001-journal-reservations-index';
import { BulkJobs1764000000001 } from './1764000000001-bulk-jobs';
import { ChannelDeadLetters1767000000000 } from './1767000000000-channel-dead-letters';
import { LocationsAndStates1768000000000 } from './1768000000000-locations-and-states';
import { OffsetsLogBinding1768000000100 } from './1768000000100-offsets-log-binding';
import { OrdersCreatedAtIndex1768000000200 } from './1768000000200-orders-created-at-index';
import { ReservationAllocations1768100000000 } from './1768100000000-reservation-allocations';
import { ChannelPoolResends1769000000000 } from './1769000000000-channel-pool-resends';

/** Every migration, oldest first. A new migration is a new file added at the end of this list. */
export const MIGRATIONS = [
  LedgerSchema1764000000000,
  BulkJobs1764000000001,
  OrdersSchema1765000000000,
  Snapshots1766000000000,
  JournalReservationsIndex1766000000001,
  ChannelDeadLetters1767000000000,
  LocationsAndStates1768000000000,
  OffsetsLogBinding1768000000100,
  OrdersCreatedAtIndex1768000000200,
  ReservationAllocations1768100000000,
  ChannelPoolResends1769000000000,
];
