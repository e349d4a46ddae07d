import { createHash, randomBytes } from 'crypto';
import { HOLD_RESERVATION_PREFIX, ORDER_RESERVATION_PREFIX } from '@stockflow/contracts';

/** What an event does to a reservation; each happens at most once per reservation. */
export type ReservationAction = 'reserved' | 'released';

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

/**
 * Deterministic event id of an action on a reservation: a name-based (SHA-1)
 * UUID, so a retry, a re-processed message or a re-published outbox entry
 * carries the same eventId and the ledger applies it once. Lua computes the
 * same function (lua/common.lua.ts); keep the two in step.
 */
export function reservationEventId(action: ReservationAction, rid: string): string {
  const h = createHash('sha1').update(`stockflow:${action}:${rid}`).digest('hex');
  const variant = ((parseInt(h[16], 16) % 4) + 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
