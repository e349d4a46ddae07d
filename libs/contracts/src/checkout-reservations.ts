/**
 * Reservation ids issued by checkout (the orders service's Redis counters):
 * `ord:<orderId>:<line>` for order lines and `hold:<cartId>:<suffix>` for cart
 * holds. Their StockReserved / ReservationReleased are applied in Redis before
 * the ledger sees them; any other reservation (a channel posting StockReserved
 * through /v1/events) is news to the counters like a receipt or a sale is.
 */
export const CHECKOUT_RESERVATION_PREFIXES = ['ord:', 'hold:'] as const;

export function isCheckoutReservation(reservationId: string | undefined): boolean {
  return reservationId !== undefined && CHECKOUT_RESERVATION_PREFIXES.some((p) => reservationId.startsWith(p));
}
