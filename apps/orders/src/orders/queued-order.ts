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
  let raw: unknown;
  try {
    raw = JSON.parse(value?.toString('utf8') ?? '');
  } catch (error) {
    return `value is not JSON: ${(error as Error).message}`;
  }
  if (!isObject(raw)) return 'not an order';
  const { orderId, channel, cartId, lines, withoutRow } = raw;
  const valid =
    typeof orderId === 'string' &&
    typeof channel === 'string' &&
    (cartId === null || typeof cartId === 'string') &&
    Array.isArray(lines) &&
    lines.length > 0 &&
    lines.every(
      (l: unknown) =>
        isObject(l) &&
        typeof l.sku === 'string' &&
        Number.isInteger(l.quantity) &&
        (l.quantity as number) > 0,
    );
  if (!valid) return 'not an order';
  const order: QueuedOrder = { orderId, channel, cartId, lines: lines as QueuedOrder['lines'] };
  if (withoutRow !== undefined) {
    if (!isObject(withoutRow) || typeof withoutRow.paymentMethod !== 'string')
      return 'withoutRow without a paymentMethod';
    order.withoutRow = { paymentMethod: withoutRow.paymentMethod };
  }
  return order;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** Two orders with one orderId are the same order when their lines are (same skus, same quantities, same order). */
export function sameLines(a: OrderLine[], b: OrderLine[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, i) => line.sku === b[i].sku && line.quantity === b[i].quantity)
  );
}
