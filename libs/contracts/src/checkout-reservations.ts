import { InventoryEvent } from './events/event-types';

/**
 * Reservation ids issued by checkout (the orders service's Redis counters):
 * `ord:<orderId>:<line>` for order lines and `hold:<cartId>:<suffix>` for cart
 * holds. Their StockReserved / ReservationReleased are applied in Redis before
 * the ledger sees them; any other reservation (a channel posting StockReserved
 * through /v1/events) is news to the counters like a receipt or a sale is.
 */
export const ORDER_RESERVATION_PREFIX = 'ord:';
export const HOLD_RESERVATION_PREFIX = 'hold:';

export function isCheckoutReservation(reservationId: string | undefined): boolean {
  return (
    reservationId !== undefined &&
    (reservationId.startsWith(ORDER_RESERVATION_PREFIX) ||
      reservationId.startsWith(HOLD_RESERVATION_PREFIX))
  );
}

/**
 * True for the events checkout applied to its Redis counters itself before
 * producing them: its own reservations, and the releases of its cart holds
 * (cart cancel, expiry, or a hold an order did not use). Checkout never releases
 * an order's reservation: such a release (an `order_cancel`) comes from a channel
 * through POST /v1/events, so the counters must learn it from the ledger like a
 * receipt.
 */
export function isAppliedByCheckout(event: InventoryEvent): boolean {
  if (event.type === 'StockReserved') return isCheckoutReservation(event.reservationId);
  if (event.type === 'ReservationReleased')
    return event.reservationId.startsWith(HOLD_RESERVATION_PREFIX);
  return false;
}
