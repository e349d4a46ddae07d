import { Inject, Injectable } from '@nestjs/common';
import { BatchingPublisher } from '@stockflow/kafka';
import { OrderRepository } from '@stockflow/persistence';
import { OrdersConfig } from '../orders.config';
import { ordersMetrics } from '../orders.metrics';
import { ORDER_TOPICS, OrderTopics } from '../orders/order-topics';
import { BackgroundJob } from '@stockflow/service-kit';

/**
 * Queues again orders still `received` long after acceptance: a crash between
 * the INSERT and the produce would otherwise leave one waiting for ever. The
 * consumer skips decided orders, so a message sent twice decides nothing twice.
 */
@Injectable()
export class RequeueJob implements BackgroundJob {
  readonly name = 'requeue-received';
  readonly idleDelayMs = 5000;
  private readonly lastSent = new Map<string, number>();
  private readonly afterSeconds: number;

  constructor(
    private readonly orders: OrderRepository,
    private readonly publisher: BatchingPublisher,
    @Inject(ORDER_TOPICS) private readonly topics: OrderTopics,
    config: OrdersConfig,
  ) {
    this.afterSeconds = config.ORDERS_REQUEUE_AFTER_SECONDS;
  }

  async runOnce(): Promise<number> {
    const now = Date.now();
    const waitMs = this.afterSeconds * 1000;
    for (const [id, at] of this.lastSent) if (now - at > waitMs) this.lastSent.delete(id);
    const stale = (await this.orders.receivedBefore(new Date(now - waitMs), 500)).filter(
      (o) => !this.lastSent.has(o.orderId),
    );
    await this.publisher.publish(
      this.topics.received,
      stale.map((o) => ({ key: o.orderId, value: JSON.stringify(o) })),
    );
    for (const o of stale) this.lastSent.set(o.orderId, now);
    ordersMetrics.requeued.inc(stale.length);
    return 0;
  }
}
