import { OrderLine } from '@stockflow/persistence';

/** Value of an orders.received message: everything the consumer needs to decide the order. */
export interface QueuedOrder {
  orderId: string;
  channel: string;
  cartId: string | null;
  lines: OrderLine[];
  /**
   * Accepted while Postgres was unreachable: the log is the only copy, and the
   * consumer stores the order's row (with this payment method) before deciding it.
   */
  withoutRow?: { paymentMethod: string };
}

/** Reads a queue message; anything else is a poison message (returned as a reason). */
export function decodeQueuedOrder(value: Buffer | null): QueuedOrder | string {
  let raw: any;
  try {
    raw = JSON.parse(value?.toString('utf8') ?? '');
  } catch (error) {
    return `value is not JSON: ${(error as Error).message}`;
  }
  const valid =
    raw !== null &&
    typeof raw === 'object' &&
    typeof raw.orderId === 'string' &&
    typeof raw.channel === 'string' &&
    (raw.cartId === null || typeof raw.cartId === 'string') &&
    Array.isArray(raw.lines) &&
    raw.lines.length > 0 &&
    raw.lines.every(
      (l: any) => typeof l?.sku === 'string' && Number.isInteger(l?.quantity) && l.quantity > 0,
    );
  if (!valid) return 'not an order';
  const order: QueuedOrder = {
    orderId: raw.orderId,
    channel: raw.channel,
    cartId: raw.cartId,
    lines: raw.lines,
  };
  if (raw.withoutRow !== undefined) {
    if (typeof raw.withoutRow?.paymentMethod !== 'string')
      return 'withoutRow without a paymentMethod';
    order.withoutRow = { paymentMethod: raw.withoutRow.paymentMethod };
  }
  return order;
}

/** Two orders with one orderId are the same order when their lines are (same skus, same quantities, same order). */
export function sameLines(a: OrderLine[], b: OrderLine[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, i) => line.sku === b[i].sku && line.quantity === b[i].quantity)
  );
}
