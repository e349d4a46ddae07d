import { OrderLine } from '@stockflow/persistence';

/** Value of an orders.received message: everything the consumer needs to decide the order. */
export interface QueuedOrder {
  orderId: string;
  channel: string;
  cartId: string | null;
  lines: OrderLine[];
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
  return valid
    ? { orderId: raw.orderId, channel: raw.channel, cartId: raw.cartId, lines: raw.lines }
    : 'not an order';
}
