import { createHash } from 'crypto';
import { InventoryEvent } from './events/event-types';

/**
 * Reservation ids issued by the reservation counters (the orders service's
 * Redis counters, libs/reservations; "counter reservations" for short):
 * `ord:<orderId>:<line>` for order lines and `hold:<cartId>:<suffix>` for cart
 * holds. Their StockReserved / ReservationReleased are applied in Redis before
 * the ledger sees them; any other reservation (a channel posting StockReserved
 * through /v1/events) is news to the counters like a receipt or a sale is.
 */
export const ORDER_RESERVATION_PREFIX = 'ord:';
export const HOLD_RESERVATION_PREFIX = 'hold:';

export function isCounterReservation(reservationId: string | undefined): boolean {
  return (
    reservationId !== undefined &&
    (reservationId.startsWith(ORDER_RESERVATION_PREFIX) ||
      reservationId.startsWith(HOLD_RESERVATION_PREFIX))
  );
}

/**
 * True for the events the reservation counters applied to themselves before
 * producing them: their own reservations, and the releases of cart holds
 * (cart cancel, expiry, or a hold an order did not use). The counters never release
 * an order's reservation: such a release (an `order_cancel`) comes from a channel
 * through POST /v1/events, so the counters must learn it from the ledger like a
 * receipt.
 */
export function isAppliedByCounters(event: InventoryEvent): boolean {
  if (event.type === 'StockReserved') return isCounterReservation(event.reservationId);
  if (event.type === 'ReservationReleased')
    return event.reservationId.startsWith(HOLD_RESERVATION_PREFIX);
  return false;
}

/** What an event does to a reservation; each happens at most once per reservation. */
export type ReservationAction = 'reserved' | 'released';

/**
 * Deterministic event id of an action on a reservation: a name-based (SHA-1)
 * UUID, so a retry, a re-processed message or a re-published outbox entry
 * carries the same eventId and the ledger applies it once. Lua computes the
 * same function (libs/reservations/src/lua/common.lua.ts); keep the two in step.
 */
export function reservationEventId(action: ReservationAction, rid: string): string {
  const h = createHash('sha1').update(`stockflow:${action}:${rid}`).digest('hex');
  const variant = ((parseInt(h[16], 16) % 4) + 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
