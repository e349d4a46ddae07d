import { ReservationContext, expireDueHolds } from '@stockflow/reservations';
import { Job } from './job';

/** Gives the stock of expired cart holds back (moves to the compaction service once it runs jobs). */
export class HoldExpiryJob implements Job {
  readonly name = 'hold-expiry';

  constructor(
    private readonly reservations: ReservationContext,
    readonly intervalMs: number,
  ) {}

  runOnce(): Promise<number> {
    return expireDueHolds(this.reservations, new Date());
  }
}
