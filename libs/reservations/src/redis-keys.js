"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisKeys = void 0;
/**
 * Where the reservation model lives in Redis. Every key starts with
 * REDIS_KEY_PREFIX so environments and test suites can share one Redis.
 *
 *   stock:<sku>       hash {avail, ver}: units still sellable, ledger version folded in
 *   res:<rid>         hash {sku, qty, state, kind, cart, order, exp, ch}: the reservation registry
 *   cart:<cartId>     hash sku -> rid of the cart's open hold for that sku
 *   order:<orderId>   the JSON outcome of an order's reservation (makes re-processing a no-op)
 *   outbox            list of event JSON waiting to be produced to inventory.events
 *   outbox:lease      which process relays the outbox (one at a time)
 */
var RedisKeys = /** @class */ (function () {
    function RedisKeys(prefix) {
        this.prefix = prefix;
    }
    RedisKeys.prototype.stock = function (sku) {
        return "".concat(this.prefix, "stock:").concat(sku);
    };
    RedisKeys.prototype.reservation = function (rid) {
        return "".concat(this.prefix, "res:").concat(rid);
    };
    RedisKeys.prototype.cart = function (cartId) {
        return "".concat(this.prefix, "cart:").concat(cartId);
    };
    RedisKeys.prototype.order = function (orderId) {
        return "".concat(this.prefix, "order:").concat(orderId);
    };
    Object.defineProperty(RedisKeys.prototype, "outbox", {
        get: function () {
            return "".concat(this.prefix, "outbox");
        },
        enumerable: false,
        configurable: true
    });
    Object.defineProperty(RedisKeys.prototype, "outboxLease", {
        get: function () {
            return "".concat(this.prefix, "outbox:lease");
        },
        enumerable: false,
        configurable: true
    });
    return RedisKeys;
}());
exports.RedisKeys = RedisKeys;
