import { IsInt, IsString, Max, Min } from 'class-validator';
import { DEFAULT_LEDGER_GROUP_ID, HttpEnv, WithDatabase, WithKafka } from '@stockflow/config';
import { EVENT_PARTITIONS } from '@stockflow/kafka';

export class LedgerConfig extends WithDatabase(WithKafka(HttpEnv)) {
  override PORT = 3001;

  /** Consumer group of the ledger; prefixed with KAFKA_TOPIC_PREFIX. */
  @IsString()
  LEDGER_GROUP_ID = DEFAULT_LEDGER_GROUP_ID;

  /**
   * Partition batches of a fetch handed to the ledger at once; they are folded
   * in one transaction (BatchApplier). The default covers every partition of
   * inventory.events, so a fetch costs one transaction however its events spread.
   */
  @IsInt()
  @Min(1)
  @Max(32)
  LEDGER_PARTITIONS_CONCURRENCY = EVENT_PARTITIONS;

  /** Upper bound of one fetch per partition; about 3,000 events of ~350 bytes per MiB. */
  @IsInt()
  @Min(16_384)
  @Max(64 * 1024 * 1024)
  LEDGER_MAX_BYTES_PER_PARTITION = 2 * 1024 * 1024;

  /**
   * A fetch returns once this much is there (or after LEDGER_FETCH_MAX_WAIT_MS): below
   * saturation the ledger folds tens of events per transaction instead of a trickle each.
   */
  @IsInt()
  @Min(1)
  @Max(1024 * 1024)
  LEDGER_FETCH_MIN_BYTES = 16 * 1024;

  /** Longest a fetch waits for LEDGER_FETCH_MIN_BYTES: what it may add to an event's way to its projection. */
  @IsInt()
  @Min(1)
  @Max(1_000)
  LEDGER_FETCH_MAX_WAIT_MS = 50;
}
