import { NewOrder } from '@stockflow/persistence';

/** Enough for minutes of a busy checkout's log-only acceptances; the oldest go first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Orders this process accepted through the log alone while Postgres was
 * unreachable (`withoutRow`), so that `GET /v1/orders/:id` can answer them as
 * `received` instead of failing: while Postgres is down no such order can be
 * decided (the queue consumer stores the row before deciding), so `received`
 * is the truth. An entry is dropped once Postgres shows the order's row.
 *
 * In memory, per process: the other orders instance answers 503 for an order
 * it does not hold, and the gateway sends a 503'd read on to the next
 * instance. A restart forgets the entries (the order itself is in the log).
 */
export class LogOnlyOrders {
  private readonly orders = new Map<string, NewOrder>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  remember(order: NewOrder): void {
    this.orders.delete(order.orderId);
    this.orders.set(order.orderId, order);
    if (this.orders.size > this.capacity) {
      this.orders.delete(this.orders.keys().next().value!);
    }
  }

  find(orderId: string): NewOrder | undefined {
    return this.orders.get(orderId);
  }

  /** Postgres holds the order's row now: it answers from there. */
  forget(orderId: string): void {
    this.orders.delete(orderId);
  }
}
