import { hostname } from 'os';
import { randomBytes } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TopicNames } from '@stockflow/contracts';
import { BatchingPublisher, TOPICS } from '@stockflow/kafka';
import { RESERVATIONS, ReservationContext, relayOutbox } from '@stockflow/reservations';
import { BackgroundJob } from '@stockflow/service-kit';

/** Produces reservation events from the Redis outbox to inventory.events (one relay process at a time). */
@Injectable()
export class OutboxRelayJob implements BackgroundJob {
  readonly name = 'outbox-relay';
  /** Idle polling: how long a reservation may wait before it heads to the ledger; a busy outbox is drained back to back. */
  readonly idleDelayMs = 100;
  private readonly holder = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    private readonly publisher: BatchingPublisher,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  runOnce(): Promise<number> {
    return relayOutbox(this.reservations.stock, this.publisher, this.topics.events, this.holder);
  }
}
