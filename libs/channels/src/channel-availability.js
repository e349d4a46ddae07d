"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.poolAvailableAt = poolAvailableAt;
exports.channelAvailability = channelAvailability;
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
var sellable_quantity_1 = require("./sellable-quantity");
/**
 * A pool's available from per-location numbers: the sum over the pool's
 * locations (every location of the SKU for `default`), a location below zero
 * counting 0, as ledger-core's poolAvailable does on the full state. Channel
 * sync only has the per-location available of a stock-level message, the
 * gateway has the full state; both call this so they can never disagree.
 */
function poolAvailableAt(level, pool) {
    if (!level.locations)
        return pool ? 0 : Math.max(0, level.available);
    var members = pool ? new Set(pool.locations.map(function (l) { return l.locationId; })) : undefined;
    var total = 0;
    for (var _i = 0, _a = level.locations; _i < _a.length; _i++) {
        var location_1 = _a[_i];
        if (!members || members.has(location_1.locationId))
            total += Math.max(0, location_1.available);
    }
    return total;
}
/**
 * What `channel` may sell of the SKU under the pool directory `pools`.
 * `safety` is the channel's entry of the channels file; a channel without one
 * holds nothing back.
 */
function channelAvailability(channel, level, pools, safety) {
    var _a;
    var pool = (0, ledger_core_1.poolOfChannel)(pools.directory, channel);
    var available = poolAvailableAt(level, pool);
    return {
        channel: channel,
        poolId: (_a = pool === null || pool === void 0 ? void 0 : pool.poolId) !== null && _a !== void 0 ? _a : contracts_1.DEFAULT_POOL_ID,
        sku: level.sku,
        available: available,
        sellable: (0, sellable_quantity_1.sellableQuantity)(available, level.sku, safety !== null && safety !== void 0 ? safety : { safetyStock: 0 }),
        version: level.version + pools.version,
        ledgerVersion: level.version,
        poolVersion: pools.version,
    };
}
