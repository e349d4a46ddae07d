"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.stockLevelMessages = stockLevelMessages;
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
/**
 * One message per SKU the batch changed, carrying its state after the batch.
 * `events` are the batch's events (any superset of the applied ones).
 */
function stockLevelMessages(before, result, events, now) {
    var _a, _b;
    var inCountersAlready = new Set(events.filter(contracts_1.isAppliedByCheckout).map(function (e) { return e.eventId; }));
    var external = new Map();
    for (var _i = 0, _c = result.entries; _i < _c.length; _i++) {
        var entry = _c[_i];
        // Only what checkout applied itself is already in the Redis counters; a
        // reservation or order cancel some channel posted must reach them like a sale.
        if (inCountersAlready.has(entry.eventId))
            continue;
        var deltas = (_a = external.get(entry.sku)) !== null && _a !== void 0 ? _a : {};
        for (var _d = 0, _e = (0, ledger_core_1.locationAvailableDeltas)(entry); _d < _e.length; _d++) {
            var _f = _e[_d], locationId = _f[0], delta = _f[1];
            deltas[locationId] = ((_b = deltas[locationId]) !== null && _b !== void 0 ? _b : 0) + delta;
        }
        external.set(entry.sku, deltas);
    }
    return result.changedSkus.map(function (sku) {
        var _a, _b, _c;
        var state = result.state.stock.get(sku);
        var externalLocationDeltas = withoutZeros((_a = external.get(sku)) !== null && _a !== void 0 ? _a : {});
        var value = __assign(__assign({}, (0, ledger_core_1.stockSnapshot)(state)), { previousVersion: (_c = (_b = before.stock.get(sku)) === null || _b === void 0 ? void 0 : _b.version) !== null && _c !== void 0 ? _c : 0, externalAvailableDelta: Object.values(externalLocationDeltas).reduce(function (t, d) { return t + d; }, 0), externalLocationDeltas: externalLocationDeltas, updatedAt: now.toISOString() });
        return { key: sku, value: JSON.stringify(value) };
    });
}
function withoutZeros(deltas) {
    return Object.fromEntries(Object.entries(deltas).filter(function (_a) {
        var d = _a[1];
        return d !== 0;
    }));
}
