import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAdvisoryLock } from '@stockflow/persistence';
import { RESERVATIONS, ReservationContext, reconcilePage } from '@stockflow/reservations';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/** Arbitrary constant, unique among Stockflow's advisory locks: one replica walks the counters at a time. */
export const RECONCILIATION_LOCK = 7_364_011;

/**
 * Redis counters against the ledger, a page of skus per slice: drift is logged
 * with both values, counted (stockflow_reservations_counter_drift_total) and
 * repaired by a rebuild that fails checkout of that sku closed meanwhile; events
 * the ledger still has not folded long after they were issued are re-published.
 * A full pass ends with an idle pause. One replica walks at a time (advisory
 * lock): a second would only repeat the comparisons and report a drift twice.
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
    const page = await withAdvisoryLock(this.db, RECONCILIATION_LOCK, () =>
      reconcilePage(this.reservations, this.cursor, {
        pageSize: this.config.RECONCILE_PAGE_SIZE,
        republishAfterMs: this.config.RECONCILE_REPUBLISH_AFTER_SECONDS * 1000,
      }),
    );
    if (!page.acquired) return 0; // another replica is walking
    this.cursor = page.value.next;
    return page.value.next === '' ? 0 : page.value.outcomes.size;
  }
}
