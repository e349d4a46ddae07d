import { hostname } from 'os';
import { randomBytes } from 'crypto';
import { TopicNames } from '@stockflow/contracts';
import { BatchingPublisher } from '@stockflow/kafka';
import { ReservationContext, relayOutbox } from '@stockflow/reservations';
import { BackgroundJob } from '@stockflow/service-kit';

/** Produces reservation events from the Redis outbox to inventory.events (one relay process at a time). */
export class OutboxRelayJob implements BackgroundJob {
  readonly name = 'outbox-relay';
  /** Idle polling: how long a reservation may wait before it heads to the ledger; a busy outbox is drained back to back. */
  readonly idleDelayMs = 100;
  private readonly holder = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(
    private readonly reservations: ReservationContext,
    private readonly publisher: BatchingPublisher,
    private readonly topics: TopicNames,
  ) {}

  runOnce(): Promise<number> {
    return relayOutbox(this.reservations.stock, this.publisher, this.topics.events, this.holder);
  }
}
