import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import { randomUUID } from 'crypto';
import { BatchingPublisher } from '@stockflow/kafka';
import { NewOrder, Order, OrderLine, OrderRepository, OrderStatus } from '@stockflow/persistence';
import {
  OrderToReserve,
  RESERVATIONS,
  ReservationContext,
  ReservationDecision,
  channelCartId,
  reserveOrders,
} from '@stockflow/reservations';
import { Coalescer } from '@stockflow/runtime';
import { currentTraceHeaders } from '@stockflow/tracing';
import { OrdersConfig, syncPaymentMethods } from '../orders.config';
import { LogOnlyOrders } from '../orders/log-only-orders';
import { OrderIntake } from '../orders/order-intake';
import { ORDER_TOPICS, OrderTopics } from '../orders/order-topics';
import { ordersMetrics } from '../orders.metrics';
import { QueuedOrder, sameLines } from '../orders/queued-order';
import { PlaceOrderDto } from './order.dto';

export interface OrderView {
  orderId: string;
  status: OrderStatus;
  reason?: string;
  lines: OrderLine[];
}

/** HTTP status of an order's answer: accepted and queued, reserved, or refused. */
const STATUS_CODES: Record<OrderStatus, number> = { received: 202, pending: 201, rejected: 409 };

/**
 * Order placement. Async (AsyncOrder): store as `received`, queue, answer 202;
 * the queue consumer decides. Sync (CHECKOUT_ASYNC=0 or a sync payment method):
 * decide inline, 201 pending or 409 rejected. Either way a resubmitted orderId
 * is the same order: it is answered from its current state and reserved once.
 */
@Injectable()
export class OrderPlacement {
  private readonly logger = new Logger(OrderPlacement.name);
  private readonly syncMethods: Set<string>;
  /** Concurrent sync orders are decided together, in arrival order: one pipeline, one transaction. */
  private readonly decisions: Coalescer<OrderToReserve, ReservationDecision>;
  /** Accepted through the log while Postgres was down: what GET answers for them meanwhile. */
  private readonly logOnly = new LogOnlyOrders();

  constructor(
    private readonly config: OrdersConfig,
    private readonly intake: OrderIntake,
    private readonly orders: OrderRepository,
    private readonly publisher: BatchingPublisher,
    @Inject(ORDER_TOPICS) private readonly topics: OrderTopics,
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
  ) {
    this.syncMethods = syncPaymentMethods(config);
    this.decisions = new Coalescer((orders) =>
      reserveOrders(this.reservations, orders, new Date(), (tx, decided) =>
        this.orders.applyDecisions(tx, decided),
      ),
    );
  }

  async place(dto: PlaceOrderDto, channel: string): Promise<{ code: number; view: OrderView }> {
    const sync = !this.config.CHECKOUT_ASYNC || this.syncMethods.has(dto.payment.method);
    const stop = ordersMetrics.checkoutSeconds.startTimer({ mode: sync ? 'sync' : 'async' });
    try {
      return await this.placeTimed(dto, channel, sync);
    } finally {
      stop();
    }
  }

  private async placeTimed(
    dto: PlaceOrderDto,
    channel: string,
    sync: boolean,
  ): Promise<{ code: number; view: OrderView }> {
    const order: NewOrder = {
      orderId: dto.orderId ?? randomUUID(),
      channel,
      cartId: dto.cartId ?? null,
      paymentMethod: dto.payment.method,
      lines: dto.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    };
    const inserted = await this.intake.insert(order).catch((error: Error) => {
      // Postgres unreachable: an async order can still be made durable in the log alone.
      if (sync) throw unavailable(order.orderId, error);
      return 'no-row' as const;
    });
    if (inserted === 'no-row') return this.enqueueWithoutRow(order);
    if (!inserted) {
      const existing = await this.orders.find(order.orderId);
      // Gone again: a concurrent attempt with this orderId was answered 503 and undone.
      if (!existing)
        throw new ServiceUnavailableException(
          'checkout is unavailable right now; retry with the same orderId',
        );
      if (existing.channel !== channel || !sameLines(existing.lines, order.lines)) {
        throw new ConflictException(
          `orderId ${order.orderId} is already used by a different order`,
        );
      }
      if (existing.status !== 'received') return answer(existing);
    }
    if (!sync) return this.enqueue(order);
    try {
      return await this.decide(order);
    } catch (error) {
      // Answer 503 having changed nothing: the client retries with the same orderId.
      if (inserted) await this.orders.deleteReceived(order.orderId).catch(() => undefined);
      throw unavailable(order.orderId, error as Error);
    }
  }

  /**
   * `channel` undefined (an operator) sees every channel's orders. With Postgres
   * unreachable, an order this process accepted through the log answers
   * `received` (LogOnlyOrders); any other answers 503, which the gateway sends
   * on to the other orders instance, and the client retries.
   */
  async view(orderId: string, channel: string | undefined): Promise<OrderView | undefined> {
    const visible = (order: { channel: string }) =>
      channel === undefined || order.channel === channel;
    const stored = await this.orders.find(orderId).catch((error: Error) => {
      // Postgres unreachable: an order this process accepted through the log is still `received`.
      if (this.logOnly.find(orderId)) return null;
      this.logger.warn(`order ${orderId} not read: ${error.message}`);
      throw new ServiceUnavailableException(
        'order status is unavailable right now (database unreachable); retry',
      );
    });
    if (stored) {
      this.logOnly.forget(orderId);
      return visible(stored) ? answer(stored).view : undefined;
    }
    // Postgres is down, or has no row yet: the queue consumer stores a log-only order's row.
    const accepted = this.logOnly.find(orderId);
    return accepted && visible(accepted) ? received(accepted).view : undefined;
  }

  /**
   * The order is durable in Postgres (`received`): it is accepted whatever the
   * broker does. The queue message is awaited for at most
   * ORDERS_ENQUEUE_WAIT_MS, so a stalled broker delays no answer longer; the
   * send goes on in the background and, should it fail, the requeue job
   * produces the order again (docs/faults.md).
   */
  private async enqueue(order: NewOrder): Promise<{ code: number; view: OrderView }> {
    const sent = this.publishQueued(order, false).then(
      () => true,
      (error: Error) => {
        this.logger.warn(
          `order ${order.orderId} stored, queue message not sent (${error.message}); the requeue job sends it`,
        );
        return true;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), this.config.ORDERS_ENQUEUE_WAIT_MS)),
    );
    if (!(await Promise.race([sent, waited]))) ordersMetrics.enqueuedLate.inc();
    clearTimeout(timer);
    return received(order);
  }

  /**
   * Postgres is unreachable: the order is accepted once the log holds it, marked
   * `withoutRow` so the queue consumer stores its row before deciding it. If the
   * broker does not take it either, nothing was accepted: 503.
   */
  private async enqueueWithoutRow(order: NewOrder): Promise<{ code: number; view: OrderView }> {
    try {
      await this.publishQueued(order, true);
    } catch (error) {
      throw unavailable(order.orderId, error as Error);
    }
    ordersMetrics.acceptedWithoutRow.inc();
    this.logOnly.remember(order);
    return received(order);
  }

  private publishQueued(order: NewOrder, withoutRow: boolean): Promise<void> {
    const queued: QueuedOrder = {
      orderId: order.orderId,
      channel: order.channel,
      cartId: order.cartId,
      lines: order.lines,
      ...(withoutRow && { withoutRow: { paymentMethod: order.paymentMethod } }),
    };
    return this.publisher.publish(this.topics.received, [
      { key: order.orderId, value: JSON.stringify(queued) },
    ]);
  }

  private async decide(order: NewOrder): Promise<{ code: number; view: OrderView }> {
    const cartId = order.cartId ? channelCartId(order.channel, order.cartId) : null;
    // Read now: the coalesced batch runs outside this request's context.
    const decision = await this.decisions.submit({
      ...order,
      cartId,
      trace: currentTraceHeaders(),
    });
    if (decision.status === 'pending') {
      return {
        code: 201,
        view: { orderId: order.orderId, status: 'pending', lines: decision.lines },
      };
    }
    return {
      code: 409,
      view: {
        orderId: order.orderId,
        status: 'rejected',
        reason: decision.reason,
        lines: order.lines,
      },
    };
  }
}

function received(order: NewOrder): { code: number; view: OrderView } {
  return { code: 202, view: { orderId: order.orderId, status: 'received', lines: order.lines } };
}

function unavailable(orderId: string, error: Error): ServiceUnavailableException {
  new Logger(OrderPlacement.name).error(`order ${orderId} not accepted: ${error.message}`);
  return new ServiceUnavailableException(
    'checkout is unavailable right now; retry with the same orderId',
  );
}

function answer(order: Order): { code: number; view: OrderView } {
  const view: OrderView = { orderId: order.orderId, status: order.status, lines: order.lines };
  if (order.reason) view.reason = order.reason;
  return { code: STATUS_CODES[order.status], view };
}
