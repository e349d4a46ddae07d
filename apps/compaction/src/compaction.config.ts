import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import {
  DEFAULT_LEDGER_GROUP_ID,
  HttpEnv,
  WithDatabase,
  WithKafka,
  WithRedis,
} from '@stockflow/config';

/** Names of the jobs compaction.module.ts registers. */
export const JOB_NAMES = ['reservation-cleanup', 'snapshot', 'hold-expiry', 'reconciliation'];

export class CompactionConfig extends WithRedis(WithDatabase(WithKafka(HttpEnv))) {
  override PORT = 3004;

  /**
   * Which jobs this process runs, comma-separated (default: all of them). Lets a
   * deployment split the work, e.g. snapshots in one replica set, cleanup in another.
   */
  @Matches(new RegExp(`^(${JOB_NAMES.join('|')})(,(${JOB_NAMES.join('|')}))*$`), {
    message: `COMPACTION_JOBS must be a comma-separated list of: ${JOB_NAMES.join(', ')}`,
  })
  COMPACTION_JOBS = JOB_NAMES.join(',');

  /** Pause after a slice that found nothing to do: bounds the polling cost of an idle system. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  COMPACTION_IDLE_DELAY_MS = 1_000;

  /** First pause after a failed slice; doubles per consecutive failure. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  COMPACTION_ERROR_DELAY_MS = 500;

  @IsInt()
  @Min(10)
  @Max(600_000)
  COMPACTION_MAX_ERROR_DELAY_MS = 30_000;

  /**
   * Netted reservations deleted per slice: one short statement whose row locks
   * (all skipped by anyone else, see ReservationRepository.deleteNetted) are held for
   * milliseconds. Larger batches delete faster but hold more locks for longer.
   */
  @IsInt()
  @Min(1)
  @Max(50_000)
  RESERVATION_CLEANUP_BATCH_SIZE = 1_000;

  /**
   * Pace of the cleanup (0: as fast as it goes). Checkout never reads this table
   * by aggregate, so a backlog of netted rows costs only disk: the pace trades
   * cleanup speed for the CPU checkout keeps. The default outruns the fastest
   * netting the ledger can do on a small box (see docs/compaction.md).
   */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RESERVATION_CLEANUP_ROWS_PER_SECOND = 10_000;

  /** How often a snapshot of the projections is taken (none while the ledger has not moved). */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  SNAPSHOT_INTERVAL_SECONDS = 300;

  /** Snapshots kept; older ones are pruned after each new one. */
  @IsInt()
  @Min(1)
  @Max(100)
  SNAPSHOT_KEEP = 3;

  /** Due cart holds released per slice of the hold-expiry job. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  HOLD_EXPIRY_BATCH_SIZE = 500;

  /** Skus compared per slice of the reconciliation job (Redis counter against the ledger). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  RECONCILE_PAGE_SIZE = 200;

  /** Reservation events the ledger has not folded this long after they were issued are published again. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  RECONCILE_REPUBLISH_AFTER_SECONDS = 30;

  /** The ledger's consumer group (as in the ledger's config): snapshots record its offsets. */
  @IsString()
  LEDGER_GROUP_ID = DEFAULT_LEDGER_GROUP_ID;
}
