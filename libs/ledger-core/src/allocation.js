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
exports.allocateInOrder = allocateInOrder;
exports.allocateOrder = allocateOrder;
/**
 * Takes `quantity` from the candidates in the order given (priority order), each
 * up to its available; a location at or below zero gives nothing. `short` is
 * what the candidates could not cover (0 when the allocation is complete). The
 * reserve script (reserve-order.lua) applies exactly this rule inside Redis;
 * allocation.spec.ts and the Lua agreement test keep the two equal.
 */
function allocateInOrder(candidates, quantity) {
    var allocations = [];
    var left = quantity;
    for (var _i = 0, candidates_1 = candidates; _i < candidates_1.length; _i++) {
        var _a = candidates_1[_i], locationId = _a.locationId, available = _a.available;
        if (left === 0)
            break;
        var take = Math.min(left, Math.max(0, available));
        if (take > 0) {
            allocations.push({ locationId: locationId, quantity: take });
            left -= take;
        }
    }
    return { allocations: allocations, short: left };
}
/**
 * All lines of an order or none: each line takes from its SKU's candidates in
 * priority order, lines of one SKU drawing on the same units (what an earlier
 * line took is gone for the next). Refused with every SKU that falls short.
 */
function allocateOrder(lines, candidatesOf) {
    var left = new Map();
    var result = [];
    var short = [];
    for (var _i = 0, lines_1 = lines; _i < lines_1.length; _i++) {
        var line = lines_1[_i];
        var candidates = left.get(line.sku);
        if (!candidates) {
            candidates = candidatesOf(line.sku).map(function (c) { return (__assign({}, c)); });
            left.set(line.sku, candidates);
        }
        var _a = allocateInOrder(candidates, line.quantity), allocations = _a.allocations, missing = _a.short;
        if (missing > 0 && !short.includes(line.sku))
            short.push(line.sku);
        var _loop_1 = function (a) {
            candidates.find(function (c) { return c.locationId === a.locationId; }).available -= a.quantity;
        };
        for (var _b = 0, allocations_1 = allocations; _b < allocations_1.length; _b++) {
            var a = allocations_1[_b];
            _loop_1(a);
        }
        result.push(allocations);
    }
    return short.length > 0 ? { ok: false, shortSkus: short } : { ok: true, lines: result };
}
