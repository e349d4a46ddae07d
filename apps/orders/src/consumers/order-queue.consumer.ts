import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  BatchingPublisher,
  Kafka,
  KafkaBatch,
  KafkaMessage,
  KafkaTransport,
  Message,
  PartitionBatch,
  deadLetter,
  ensureTopics,
} from '@stockflow/kafka';
import { OrderRepository, OrderStatus } from '@stockflow/persistence';
import {
  RESERVATIONS,
  ReservationContext,
  channelCartId,
  reserveOrders,
} from '@stockflow/reservations';
import { TraceCarrier, traceHeadersOf } from '@stockflow/tracing';
import { OrdersConfig } from '../orders.config';
import { ordersMetrics } from '../orders.metrics';
import { ORDER_TOPICS, OrderTopics, orderTopicConfigs } from '../orders/order-topics';
import { QueuedOrder, decodeQueuedOrder, sameLines } from '../orders/queued-order';

/**
 * Decides queued orders: first-in, first-out per partition, a whole partition
 * batch at a time (one Postgres round trip for intents, one Redis pipeline, one
 * transaction for the decisions). Offsets are committed only after the decisions
 * are durable; re-processing after a crash decides nothing twice (orders already
 * decided are skipped, scripts return their stored outcome).
 */
@Controller()
export class OrderQueueConsumer {
  private readonly logger = new Logger('order-queue');

  constructor(
    config: OrdersConfig,
    kafka: Kafka,
    private readonly publisher: BatchingPublisher,
    private readonly orders: OrderRepository,
    @Inject(ORDER_TOPICS) private readonly topics: OrderTopics,
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    transport: KafkaTransport,
  ) {
    transport.define('order-queue', {
      groupId: config.KAFKA_TOPIC_PREFIX + config.ORDERS_GROUP_ID,
      topic: topics.received,
      tuning: {
        // Let the broker gather up to ~200 orders (or wait 100 ms) per fetch: a batch's
        // fixed cost (a few Postgres round trips, one pipeline) is then shared by many.
        minBytes: 32 * 1024,
        maxWaitTimeInMs: 100,
        maxBytesPerPartition: 1024 * 1024,
        // Short: after a crash the partitions move on within seconds, not half a minute.
        sessionTimeout: 15_000,
        heartbeatInterval: 2_000,
      },
      partitionsConsumedConcurrently: 3,
      commit: { mode: 'after-handler', intervalMs: 500 },
      // Redis or Postgres down: orders stay `received`, the batch waits for them.
      retryInPlace: true,
      span: 'orders decide batch',
      prepare: () => ensureTopics(kafka, orderTopicConfigs(topics, config.ORDERS_PARTITIONS)),
    });
  }

  @KafkaBatch('order-queue')
  handle(@Payload() { partition, messages }: PartitionBatch): Promise<void> {
    return this.decide(partition, messages);
  }

  private async decide(partition: number, messages: KafkaMessage[]): Promise<void> {
    const dead: Message[] = [];
    // Each order keeps the trace of the request that queued it (its message's traceparent).
    const queued = new Map<string, QueuedOrder & { trace?: TraceCarrier }>();
    for (const message of messages) {
      const order = decodeQueuedOrder(message.value);
      if (typeof order === 'string') {
        this.logger.warn(
          `dead-lettering ${this.topics.received}[${partition}]@${message.offset}: ${order}`,
        );
        dead.push(deadLetter({ topic: this.topics.received, partition, message }, 'schema', order));
      } else if (
        !queued.has(order.orderId) ||
        (queued.get(order.orderId)!.withoutRow && !order.withoutRow)
      ) {
        // One decision per orderId; a message from the row's own acceptance outranks a log-only copy.
        queued.set(order.orderId, { ...order, trace: traceHeadersOf(message.headers) });
      }
    }
    // Only orders still `received` are decided: a re-delivered or re-queued message
    // of a decided order changes nothing; a missing row was never accepted (503),
    // unless the order was accepted through the log alone (Postgres was down).
    const statuses = await this.orders.statuses([...queued.keys()]);
    const unmatched = await this.storeRowsAcceptedWithoutRow([...queued.values()], statuses);
    const todo = [...queued.values()].filter(
      (o) => statuses.get(o.orderId) === 'received' && !unmatched.has(o.orderId),
    );
    const decisions = await reserveOrders(
      this.reservations,
      todo.map((o) => ({ ...o, cartId: o.cartId ? channelCartId(o.channel, o.cartId) : null })),
      new Date(),
      (tx, d) => this.orders.applyDecisions(tx, d),
    );
    await this.publisher.publish(this.topics.receivedDlq, dead);
    for (const d of decisions) ordersMetrics.decided.inc({ status: d.status, mode: 'async' });
  }

  /**
   * Writes the `received` rows of orders accepted through the log alone, and
   * marks them in `statuses`. Returns the orderIds whose log-only message must
   * not decide the order: a row with other lines or another channel was stored
   * by another acceptance of that orderId, and that row is the order.
   */
  private async storeRowsAcceptedWithoutRow(
    orders: QueuedOrder[],
    statuses: Map<string, OrderStatus>,
  ): Promise<Set<string>> {
    const logOnly = orders.filter((o) => o.withoutRow);
    if (logOnly.length === 0) return new Set();
    const missing = logOnly.filter((o) => !statuses.has(o.orderId));
    const stored = await this.orders.insertReceived(
      missing.map((o) => ({ ...o, paymentMethod: o.withoutRow!.paymentMethod })),
    );
    for (const id of stored) statuses.set(id, 'received');
    const existing = logOnly.filter((o) => !stored.has(o.orderId) && statuses.has(o.orderId));
    const rows = await this.orders.findMany(existing.map((o) => o.orderId));
    return new Set(
      existing
        .filter((o) => {
          const row = rows.get(o.orderId);
          return !row || row.channel !== o.channel || !sameLines(row.lines, o.lines);
        })
        .map((o) => o.orderId),
    );
  }
}
