import { InventoryEvent } from '@stockflow/contracts';
import { makeEvent } from '@stockflow/testing';

/**
 * A deterministic stream of every event type for one channel: receipts, sales
 * (some taking stock negative), adjustments, counts, transfers, reservations
 * that get fulfilled, released (each reason), split or over-drawn (refused), and
 * re-sent copies of earlier events (same eventId: duplicates).
 */
export function mixedWorkload(count: number, skus: number, channel: string, seed = 11): InventoryEvent[] {
  let state = seed;
  const random = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647);
  const pick = (n: number) => Math.floor(random() * n);
  const reasons = ['cart_cancel', 'order_cancel', 'expired', 'rejected'] as const;
  const open = new Map<string, { reservationId: string; quantity: number }[]>();
  const events: InventoryEvent[] = [];
  let sequence = 0;
  while (events.length < count) {
    if (events.length > 10 && random() < 0.02) {
      events.push(events[pick(events.length)]);
      continue;
    }
    const sku = `MIX-${pick(skus)}`;
    const at = { sku, channel } as const;
    const location = `L${pick(3)}`;
    const held = open.get(sku) ?? [];
    const roll = random();
    if (roll < 0.2) events.push(makeEvent('StockReceived', { ...at, locationId: location, quantity: 1 + pick(40) }));
    else if (roll < 0.3) events.push(makeEvent('ItemSold', { ...at, locationId: location, quantity: 1 + pick(6) }));
    else if (roll < 0.35) {
      const delta = pick(2) ? 1 + pick(5) : -1 - pick(5);
      events.push(makeEvent('StockAdjusted', { ...at, locationId: location, delta, reason: 'audit' }));
    } else if (roll < 0.38) events.push(makeEvent('StockCounted', { ...at, locationId: location, countedQuantity: pick(60) }));
    else if (roll < 0.43) {
      events.push(makeEvent('StockTransferred', { ...at, fromLocationId: location, toLocationId: `L${3 + pick(2)}`, quantity: 1 + pick(4) }));
    } else if (roll < 0.7 || held.length === 0) {
      const reservation = { reservationId: `${sku}-r${sequence++}`, quantity: 1 + pick(4) };
      held.push(reservation);
      open.set(sku, held);
      events.push(makeEvent('StockReserved', { ...at, ...reservation, orderId: `o-${sequence}` }));
    } else {
      const { reservationId, quantity } = held.splice(pick(held.length), 1)[0];
      // One draw in ten asks for more than the reservation holds: refused whole.
      const drawn = random() < 0.1 ? quantity + 1 : quantity;
      const kind = random();
      if (kind < 0.4) events.push(makeEvent('ReservationFulfilled', { ...at, reservationId, locationId: location, quantity: drawn }));
      else if (kind < 0.8 || drawn === 1) {
        events.push(makeEvent('ReservationReleased', { ...at, reservationId, quantity: drawn, reason: reasons[pick(4)] }));
      } else {
        events.push(makeEvent('ReservationFulfilled', { ...at, reservationId, locationId: location, quantity: 1 }));
        events.push(makeEvent('ReservationReleased', { ...at, reservationId, quantity: drawn - 1, reason: 'order_cancel' }));
      }
    }
  }
  return events;
}
