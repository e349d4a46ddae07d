import { Inject, Injectable } from '@nestjs/common';
import { RESERVATIONS, ReservationContext, expireDueHolds } from '@stockflow/reservations';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/**
 * Gives the stock of holds and reservations past their deadline back, with a
 * ReservationReleased (reason expired). Safe in several replicas without a
 * lock: the release script is atomic per hold in Redis, so when two replicas pick
 * the same due hold, one releases it (and appends the one event to the outbox)
 * and the other finds it gone.
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
