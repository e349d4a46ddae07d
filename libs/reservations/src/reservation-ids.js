"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLIENT_ID_PATTERN = void 0;
exports.orderLineReservationId = orderLineReservationId;
exports.channelCartId = channelCartId;
exports.holdReservationId = holdReservationId;
exports.reservationEventId = reservationEventId;
var crypto_1 = require("crypto");
var contracts_1 = require("@stockflow/contracts");
/** Orders and carts are named by clients; these bounds keep every derived id within the contract's 128 characters. */
exports.CLIENT_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Line `index` (0-based) of an order: the same order always reserves under the same ids. */
function orderLineReservationId(orderId, index) {
    return "".concat(contracts_1.ORDER_RESERVATION_PREFIX).concat(orderId, ":").concat(index + 1);
}
/**
 * Carts are per channel: one channel can neither see nor release another's holds,
 * whatever cart ids the two choose. This is the cart id the library works with.
 */
function channelCartId(channel, cartId) {
    return "".concat(channel, ".").concat(cartId);
}
/** A hold is a fresh reservation each time a cart asks (cart = channelCartId); its events derive from this id. */
function holdReservationId(cartId) {
    return "".concat(contracts_1.HOLD_RESERVATION_PREFIX).concat(cartId, ":").concat((0, crypto_1.randomBytes)(6).toString('hex'));
}
/**
 * Deterministic event id of an action on a reservation: a name-based (SHA-1)
 * UUID, so a retry, a re-processed message or a re-published outbox entry
 * carries the same eventId and the ledger applies it once. Lua computes the
 * same function (lua/common.lua.ts); keep the two in step.
 */
function reservationEventId(action, rid) {
    var h = (0, crypto_1.createHash)('sha1').update("stockflow:".concat(action, ":").concat(rid)).digest('hex');
    var variant = ((parseInt(h[16], 16) % 4) + 8).toString(16);
    return "".concat(h.slice(0, 8), "-").concat(h.slice(8, 12), "-5").concat(h.slice(13, 16), "-").concat(variant).concat(h.slice(17, 20), "-").concat(h.slice(20, 32));
}
