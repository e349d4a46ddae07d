import { randomBytes } from 'crypto';
import { HOLD_RESERVATION_PREFIX, ORDER_RESERVATION_PREFIX } from '@stockflow/contracts';

/** Orders and carts are named by clients; these bounds keep every derived id within the contract's 128 characters. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Line `index` (0-based) of an order: the same order always reserves under the same ids. */
export function orderLineReservationId(orderId: string, index: number): string {
  return `${ORDER_RESERVATION_PREFIX}${orderId}:${index + 1}`;
}

/**
 * Carts are per channel: one channel can neither see nor release another's holds,
 * whatever cart ids the two choose. This is the cart id the library works with.
 */
export function channelCartId(channel: string, cartId: string): string {
  return `${channel}.${cartId}`;
}

/** A hold is a fresh reservation each time a cart asks (cart = channelCartId); its events derive from this id. */
export function holdReservationId(cartId: string): string {
  return `${HOLD_RESERVATION_PREFIX}${cartId}:${randomBytes(6).toString('hex')}`;
}
