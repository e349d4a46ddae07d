import { LedgerSchema1764000000000 } from './1764000000000-ledger-schema';
import { BulkJobs1764000000001 } from './1764000000001-bulk-jobs';
import { ChannelDeadLetters1767000000000 } from './1767000000000-channel-dead-letters';

/** Every migration, oldest first. A new migration is a new file added at the end of this list. */
export const MIGRATIONS = [LedgerSchema1764000000000, BulkJobs1764000000001, ChannelDeadLetters1767000000000];
