"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.poolAvailable = poolAvailable;
exports.poolsAvailable = poolsAvailable;
exports.sellable = sellable;
var contracts_1 = require("@stockflow/contracts");
var stock_state_1 = require("./stock-state");
/**
 * A pool's available for a SKU: the sum of its locations' available, where a
 * location below zero counts 0 (an oversold shop does not eat into the
 * warehouse's units). `pool` undefined is the implicit default pool.
 */
function poolAvailable(stock, pool) {
    var ids = pool ? pool.locations.map(function (l) { return l.locationId; }) : (0, stock_state_1.locationIds)(stock);
    var total = 0;
    for (var _i = 0, ids_1 = ids; _i < ids_1.length; _i++) {
        var id = ids_1[_i];
        var location_1 = stock.locations[id];
        if (location_1)
            total += Math.max(0, (0, stock_state_1.locationAvailable)(location_1));
    }
    return total;
}
/** Every pool's available for a SKU: `default` first, then the defined pools by id. */
function poolsAvailable(stock, directory) {
    var defined = __spreadArray([], directory.pools.values(), true).sort(function (a, b) { return (a.poolId < b.poolId ? -1 : 1); });
    return __spreadArray([
        { poolId: contracts_1.DEFAULT_POOL_ID, available: poolAvailable(stock, undefined) }
    ], defined.map(function (pool) { return ({ poolId: pool.poolId, available: poolAvailable(stock, pool) }); }), true);
}
/** What a channel may sell: its pool's available less its safety stock, never below 0. */
function sellable(poolAvailableUnits, safetyStock) {
    return Math.max(0, poolAvailableUnits - safetyStock);
}
