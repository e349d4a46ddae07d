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
