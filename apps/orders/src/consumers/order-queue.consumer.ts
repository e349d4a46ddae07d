import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, Kafka, KafkaMessage, Message } from 'kafkajs';
import { BatchingPublisher, deadLetter, ensureTopics } from '@stockflow/kafka';
import { RESERVATIONS, ReservationContext, channelCartId, reserveOrders } from '@stockflow/reservations';
import { Readiness } from '@stockflow/service-kit';
import { OrdersConfig } from '../orders.config';
import { ordersMetrics } from '../orders.metrics';
import { OrderStore } from '../orders/order-store';
import { ORDER_TOPICS, OrderTopics, orderTopicConfigs } from '../orders/order-topics';
import { QueuedOrder, decodeQueuedOrder } from '../orders/queued-order';
import { retryBatch } from './retry-batch';

/**
 * Decides queued orders: first-in, first-out per partition, a whole partition
 * batch at a time (one Postgres round trip for intents, one Redis pipeline, one
 * transaction for the decisions). Offsets are committed only after the decisions
 * are durable; re-processing after a crash decides nothing twice (orders already
 * decided are skipped, scripts return their stored outcome).
 */
@Injectable()
export class OrderQueueConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OrderQueueConsumer.name);
  private consumer?: Consumer;

  constructor(
    private readonly config: OrdersConfig,
    private readonly kafka: Kafka,
    private readonly publisher: BatchingPublisher,
    private readonly store: OrderStore,
    @Inject(ORDER_TOPICS) private readonly topics: OrderTopics,
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    readiness: Readiness,
  ) {
    readiness.register('order-queue', () => {
      if (!this.consumer) throw new Error('order queue consumer not started');
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, orderTopicConfigs(this.topics, this.config.ORDERS_PARTITIONS));
    const consumer = this.kafka.consumer({
      groupId: this.config.KAFKA_TOPIC_PREFIX + this.config.ORDERS_GROUP_ID,
      // Let the broker gather up to ~200 orders (or wait 100 ms) per fetch: a batch's
      // fixed cost (a few Postgres round trips, one pipeline) is then shared by many.
      minBytes: 32 * 1024,
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: 1024 * 1024,
      // Short: after a crash the partitions move on within seconds, not half a minute.
      sessionTimeout: 15_000,
      heartbeatInterval: 2_000,
      retry: { retries: 8, restartOnFailure: async () => true },
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.topics.received, fromBeginning: true });
    await consumer.run({
      autoCommitInterval: 500,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const done = await retryBatch('order-queue', { isRunning, isStale, heartbeat }, () =>
          this.decide(batch.partition, batch.messages),
        );
        if (!done) return;
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
        await heartbeat();
      },
    });
    this.consumer = consumer;
  }

  /** SIGTERM: the batch in progress finishes (or is abandoned uncommitted) before the connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async decide(partition: number, messages: KafkaMessage[]): Promise<void> {
    const dead: Message[] = [];
    const queued = new Map<string, QueuedOrder>();
    for (const message of messages) {
      const order = decodeQueuedOrder(message.value);
      if (typeof order === 'string') {
        this.logger.warn(`dead-lettering ${this.topics.received}[${partition}]@${message.offset}: ${order}`);
        dead.push(deadLetter({ topic: this.topics.received, partition, message }, 'schema', order));
      } else if (!queued.has(order.orderId)) {
        queued.set(order.orderId, order);
      }
    }
    // Only orders still `received` are decided: a re-delivered or re-queued message
    // of a decided order changes nothing; a missing row was never accepted (503).
    const statuses = await this.store.statuses([...queued.keys()]);
    const todo = [...queued.values()].filter((o) => statuses.get(o.orderId) === 'received');
    const decisions = await reserveOrders(
      this.reservations,
      todo.map((o) => ({ ...o, cartId: o.cartId ? channelCartId(o.channel, o.cartId) : null })),
      new Date(),
      (tx, d) => this.store.applyDecisions(tx, d),
    );
    await this.publisher.publish(this.topics.receivedDlq, dead);
    for (const d of decisions) ordersMetrics.decided.inc({ status: d.status, mode: 'async' });
  }
}
