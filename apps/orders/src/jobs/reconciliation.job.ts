import { ReservationContext, reconcilePage } from '@stockflow/reservations';
import { Job } from './job';

/**
 * Walks every sku, a page per run, comparing its Redis counter with the ledger
 * (drift is logged, counted and rebuilt) and re-publishing events the ledger
 * has not folded long after they were issued. Always reports 0 so that pages are
 * spaced by the interval and never compete with checkout for CPU.
 */
export class ReconciliationJob implements Job {
  readonly name = 'reconciliation';
  private cursor = '';

  constructor(
    private readonly reservations: ReservationContext,
    readonly intervalMs: number,
    private readonly republishAfterMs: number,
  ) {}

  async runOnce(): Promise<number> {
    this.cursor = (await reconcilePage(this.reservations, this.cursor, { republishAfterMs: this.republishAfterMs })).next;
    return 0;
  }
}
