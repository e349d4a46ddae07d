import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@stockflow/persistence';
import { RESERVATIONS, ReservationContext, reconcilePage } from '@stockflow/reservations';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/** Arbitrary constant, unique among Stockflow's advisory locks: one replica walks the counters at a time. */
export const RECONCILIATION_LOCK = 7_364_011;

/**
 * Walks every SKU, a page per slice, comparing its Redis counter with the
 * ledger's available (drift is logged with both values, counted, and repaired
 * by rebuilding the counter; see reconcileSku). Exclusive through an advisory
 * lock: a second replica would only repeat the same comparisons. Reports 0 so
 * that pages are spaced by COMPACTION_IDLE_DELAY_MS and never crowd checkout.
 */
@Injectable()
export class ReconciliationJob implements CompactionJob {
  readonly name = 'reconciliation';
  private cursor = '';

  constructor(
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    private readonly db: DataSource,
    private readonly config: CompactionConfig,
  ) {}

  async runOnce(): Promise<number> {
    await withAdvisoryLock(this.db, RECONCILIATION_LOCK, async () => {
      const page = await reconcilePage(this.reservations, this.cursor, this.config.RECONCILIATION_PAGE_SIZE);
      this.cursor = page.next;
    });
    return 0;
  }
}
