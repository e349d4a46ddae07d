import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { HttpEnv, WithChannelTokens, WithDatabase, WithKafka, WithRedis } from '@stockflow/config';

export class OrdersConfig extends WithChannelTokens(WithRedis(WithDatabase(WithKafka(HttpEnv)))) {
  override PORT = 3002;

  /** 1: accept orders as `received` (202) and decide them from the queue; 0: decide inline (201/409). */
  @IsBoolean({ message: 'CHECKOUT_ASYNC must be 1 or 0' })
  CHECKOUT_ASYNC = true;

  /** Payment methods that always take the synchronous path, comma-separated (e.g. `pos_cash,gift_card`). */
  @Matches(/^([A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*)?$/, {
    message: 'CHECKOUT_SYNC_PAYMENT_METHODS must be method[,method...] of letters, digits, _ or -',
  })
  CHECKOUT_SYNC_PAYMENT_METHODS = '';

  /** How long a cart hold keeps its stock. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  CART_HOLD_TTL_SECONDS = 900;

  /** Consumer group of the order queue and of the stock-level follower; prefixed with KAFKA_TOPIC_PREFIX. */
  @IsString()
  ORDERS_GROUP_ID = 'stockflow-orders';

  /** Partitions of orders.received: the unit of FIFO order and of consumer scale-out. */
  @IsInt()
  @Min(1)
  @Max(256)
  ORDERS_PARTITIONS = 6;

  /**
   * Longest wait for the broker to acknowledge an accepted order's queue message
   * before answering 202 anyway (the order is durable in Postgres; the send goes on,
   * the requeue job covers its failure). Keeps a stalled broker out of checkout latency.
   */
  @IsInt()
  @Min(10)
  @Max(60_000)
  ORDERS_ENQUEUE_WAIT_MS = 300;

  /** An order still `received` this long after acceptance is queued again (its message may never have reached Kafka). */
  @IsInt()
  @Min(5)
  @Max(3600)
  ORDERS_REQUEUE_AFTER_SECONDS = 60;
}

export function syncPaymentMethods(config: OrdersConfig): Set<string> {
  return new Set(config.CHECKOUT_SYNC_PAYMENT_METHODS.split(',').filter(Boolean));
}
