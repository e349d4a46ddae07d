import { LedgerSchema1764000000000 } from './1764000000000-ledger-schema';
import { OrdersSchema1765000000000 } from './1765000000000-orders-schema';

/** Every migration, oldest first. A new migration is a new file added at the end of this list. */
export const MIGRATIONS = [LedgerSchema1764000000000, OrdersSchema1765000000000];
