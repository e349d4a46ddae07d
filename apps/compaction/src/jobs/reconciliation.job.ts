import { Inject, Injectable } from '@nestjs/common';
import { RESERVATIONS, ReservationContext, reconcilePage } from '@stockflow/reservations';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/**
 * Redis counters against the ledger, a page of skus per slice: drift is logged
 * with both values, counted (stockflow_reservations_counter_drift_total) and
 * repaired by a rebuild that fails checkout of that sku closed meanwhile; events
 * the ledger still has not folded long after they were issued are re-published.
 * A full pass ends with an idle pause. Replicas only duplicate harmless work.
 */
@Injectable()
export class ReconciliationJob implements CompactionJob {
  readonly name = 'reconciliation';
  private cursor = '';

  constructor(
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    private readonly config: CompactionConfig,
  ) {}

  async runOnce(): Promise<number> {
    const { outcomes, next } = await reconcilePage(this.reservations, this.cursor, {
      pageSize: this.config.RECONCILE_PAGE_SIZE,
      republishAfterMs: this.config.RECONCILE_REPUBLISH_AFTER_SECONDS * 1000,
    });
    this.cursor = next;
    return next === '' ? 0 : outcomes.size;
  }
}
