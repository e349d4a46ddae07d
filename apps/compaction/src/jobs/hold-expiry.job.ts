import { Inject, Injectable } from '@nestjs/common';
import { RESERVATIONS, ReservationContext, expireDueHolds } from '@stockflow/reservations';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/**
 * Gives the stock of expired cart holds back: a page of due holds per slice
 * (Postgres says which are due; a Lua script releases each exactly once, so
 * replicas, a cart cancel or an order converting the hold at the same moment
 * never release twice). An idle system checks every COMPACTION_IDLE_DELAY_MS.
 */
@Injectable()
export class HoldExpiryJob implements CompactionJob {
  readonly name = 'hold-expiry';

  constructor(
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    private readonly config: CompactionConfig,
  ) {}

  runOnce(): Promise<number> {
    return expireDueHolds(this.reservations, new Date(), this.config.HOLD_EXPIRY_BATCH_SIZE);
  }
}
