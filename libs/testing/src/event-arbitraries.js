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
var __rest = (this && this.__rest) || function (s, e) {
    var t = {};
    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
        t[p] = s[p];
    if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
            if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                t[p[i]] = s[p[i]];
        }
    return t;
};
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
exports.inventoryEventArb = exports.incomingCancelledArb = exports.stockIncomingArb = exports.stockStateChangedArb = exports.stockTransferredArb = exports.reservationFulfilledArb = exports.reservationReleasedArb = exports.stockReservedArb = exports.itemSoldArb = exports.stockCountedArb = exports.stockAdjustedArb = exports.stockReceivedArb = exports.EVENT_POOLS = void 0;
exports.makeEvent = makeEvent;
exports.eventLogArb = eventLogArb;
var node_crypto_1 = require("node:crypto");
var fast_check_1 = require("fast-check");
var contracts_1 = require("@stockflow/contracts");
/**
 * Small pools on purpose: with 3 SKUs, 3 locations and 4 reservation ids, random
 * events keep hitting the same state, so reservations really get drawn down,
 * over-drawn, reused across SKUs, and locations go negative.
 */
exports.EVENT_POOLS = {
    skus: ['SKU-A', 'SKU-B', 'sku.c_1'],
    locations: ['wh-east', 'wh-west', 'store:1'],
    // Two of checkout's own (always applied where they say) beside channel reservations (checked first).
    reservationIds: ['res-1', 'res-2', 'ord:o-1:0', 'hold:c-1:x'],
    documents: ['gid://erp/PurchaseOrder/1', 'gid://erp/PurchaseOrder/2'],
    channels: ['pos', 'web', 'amazon', 'shopify'],
};
/** Fixed so example-based tests are reproducible; the fold never reads the clock. */
var EXAMPLE_OCCURRED_AT = '2024-05-01T12:00:00.000Z';
/**
 * A valid event for example-based tests: fresh eventId, channel `pos`, schema
 * version 1. Any envelope field can be overridden through `fields`.
 */
function makeEvent(type, fields) {
    return __assign(__assign({ eventId: (0, node_crypto_1.randomUUID)(), channel: 'pos', occurredAt: EXAMPLE_OCCURRED_AT, schemaVersion: contracts_1.SCHEMA_VERSION }, fields), { type: type });
}
var sku = fast_check_1.default.constantFrom.apply(fast_check_1.default, exports.EVENT_POOLS.skus);
var locationId = fast_check_1.default.constantFrom.apply(fast_check_1.default, exports.EVENT_POOLS.locations);
var reservationId = fast_check_1.default.constantFrom.apply(fast_check_1.default, exports.EVENT_POOLS.reservationIds);
var quantity = fast_check_1.default.integer({ min: 1, max: 6 });
var document = fast_check_1.default.constantFrom.apply(fast_check_1.default, exports.EVENT_POOLS.documents);
var occurredAt = fast_check_1.default
    .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2026-12-31T23:59:59Z'),
    noInvalidDate: true,
})
    .map(function (d) { return d.toISOString(); });
var metadata = fast_check_1.default.dictionary(fast_check_1.default.string({ minLength: 1, maxLength: 12 }), fast_check_1.default.oneof(fast_check_1.default.string({ maxLength: 24 }), fast_check_1.default.integer(), fast_check_1.default.boolean()), 
// Plain prototypes, as JSON.parse produces them.
{ maxKeys: 3, noNullPrototype: true });
/** Envelope shared by every type; `metadata` is sometimes absent (not `undefined`). */
function withEnvelope(type, fields) {
    var envelope = fast_check_1.default.record({
        eventId: fast_check_1.default.uuid(),
        sku: sku,
        channel: fast_check_1.default.constantFrom.apply(fast_check_1.default, exports.EVENT_POOLS.channels),
        occurredAt: occurredAt,
        metadata: metadata,
    }, { requiredKeys: ['eventId', 'sku', 'channel', 'occurredAt'] });
    return fast_check_1.default
        .tuple(envelope, fields)
        .map(function (_a) {
        var env = _a[0], own = _a[1];
        return (__assign(__assign(__assign({}, env), own), { type: type, schemaVersion: contracts_1.SCHEMA_VERSION }));
    });
}
exports.stockReceivedArb = withEnvelope('StockReceived', fast_check_1.default.record({ locationId: locationId, quantity: fast_check_1.default.integer({ min: 1, max: 20 }), referenceDocumentUri: document }, { requiredKeys: ['locationId', 'quantity'] }));
exports.stockAdjustedArb = withEnvelope('StockAdjusted', fast_check_1.default.record({
    locationId: locationId,
    delta: fast_check_1.default.oneof(fast_check_1.default.integer({ min: -8, max: -1 }), fast_check_1.default.integer({ min: 1, max: 8 })),
    reason: fast_check_1.default.constantFrom('damaged', 'found', 'shrinkage', 'correction'),
}));
exports.stockCountedArb = withEnvelope('StockCounted', fast_check_1.default.record({
    locationId: locationId,
    countedQuantity: fast_check_1.default.integer({ min: 0, max: 15 }),
    name: fast_check_1.default.constantFrom('on_hand', 'available'),
    changeFromQuantity: fast_check_1.default.oneof(fast_check_1.default.constant(null), fast_check_1.default.integer({ min: -3, max: 15 })),
}, { requiredKeys: ['locationId', 'countedQuantity'] }));
exports.itemSoldArb = withEnvelope('ItemSold', fast_check_1.default.record({ locationId: locationId, quantity: quantity }));
exports.stockReservedArb = withEnvelope('StockReserved', fast_check_1.default
    .record({
    reservationId: reservationId,
    orderId: fast_check_1.default.stringMatching(/^ord-[0-9a-f]{1,8}$/),
    quantity: quantity,
    split: fast_check_1.default.shuffledSubarray(__spreadArray([], exports.EVENT_POOLS.locations, true), { minLength: 1, maxLength: 2 }),
}, { requiredKeys: ['reservationId', 'quantity'] })
    .map(function (_a) {
    var split = _a.split, fields = __rest(_a, ["split"]);
    return (split ? __assign(__assign({}, fields), { allocations: splitOver(split, fields.quantity) }) : fields);
}));
/** `quantity` over the given locations, each at least 1 where the quantity allows. */
function splitOver(locations, quantity) {
    var used = locations.slice(0, Math.min(locations.length, quantity));
    return used.map(function (locationId, i) { return ({
        locationId: locationId,
        quantity: i === 0 ? quantity - (used.length - 1) : 1,
    }); });
}
exports.reservationReleasedArb = withEnvelope('ReservationReleased', fast_check_1.default.record({ reservationId: reservationId, quantity: quantity, reason: fast_check_1.default.constantFrom.apply(fast_check_1.default, contracts_1.RELEASE_REASONS) }));
exports.reservationFulfilledArb = withEnvelope('ReservationFulfilled', fast_check_1.default.record({ reservationId: reservationId, locationId: locationId, quantity: quantity }));
exports.stockTransferredArb = withEnvelope('StockTransferred', fast_check_1.default
    .shuffledSubarray(__spreadArray([], exports.EVENT_POOLS.locations, true), { minLength: 2, maxLength: 2 })
    .chain(function (_a) {
    var fromLocationId = _a[0], toLocationId = _a[1];
    return fast_check_1.default.record({
        fromLocationId: fast_check_1.default.constant(fromLocationId),
        toLocationId: fast_check_1.default.constant(toLocationId),
        quantity: quantity,
    });
}));
exports.stockStateChangedArb = withEnvelope('StockStateChanged', fast_check_1.default
    .shuffledSubarray(__spreadArray([], contracts_1.MOVABLE_STATES, true), { minLength: 2, maxLength: 2 })
    .chain(function (_a) {
    var from = _a[0], to = _a[1];
    return fast_check_1.default.record({ locationId: locationId, quantity: quantity, from: fast_check_1.default.constant(from), to: fast_check_1.default.constant(to) });
}));
exports.stockIncomingArb = withEnvelope('StockIncoming', fast_check_1.default.record({ locationId: locationId, quantity: fast_check_1.default.integer({ min: 1, max: 20 }), referenceDocumentUri: document }));
exports.incomingCancelledArb = withEnvelope('IncomingCancelled', fast_check_1.default.record({ locationId: locationId, quantity: quantity, referenceDocumentUri: document }));
/** Any one valid event, every type equally likely. */
exports.inventoryEventArb = fast_check_1.default.oneof(exports.stockReceivedArb, exports.stockAdjustedArb, exports.stockCountedArb, exports.itemSoldArb, exports.stockReservedArb, exports.reservationReleasedArb, exports.reservationFulfilledArb, exports.stockTransferredArb, exports.stockStateChangedArb, exports.stockIncomingArb, exports.incomingCancelledArb);
/** Three draws in four follow a reservation opened earlier in the log; the rest stay random. */
var mostly = fast_check_1.default.integer({ min: 0, max: 3 }).map(function (n) { return n > 0; });
/**
 * A log as the ledger would read it from a partition: valid events whose ids
 * and reservations collide on purpose. Most draws (release, fulfil) name a
 * reservation opened earlier and its SKU, so they apply, partly draw, or
 * over-draw; the others hit unknown reservations or the wrong SKU. Some steps
 * re-emit an earlier event with the same eventId (a producer retry).
 */
function eventLogArb(_a) {
    var _b = _a === void 0 ? {} : _a, _c = _b.maxLength, maxLength = _c === void 0 ? 60 : _c;
    var step = fast_check_1.default.oneof({
        weight: 6,
        arbitrary: fast_check_1.default.record({ fresh: exports.inventoryEventArb, followReservation: mostly, pick: fast_check_1.default.nat() }),
    }, { weight: 1, arbitrary: fast_check_1.default.record({ reemit: fast_check_1.default.nat() }) });
    return fast_check_1.default.array(step, { maxLength: maxLength, size: 'medium' }).map(buildLog);
}
function buildLog(steps) {
    var log = [];
    var opened = [];
    for (var _i = 0, steps_1 = steps; _i < steps_1.length; _i++) {
        var s = steps_1[_i];
        if ('reemit' in s) {
            if (log.length > 0)
                log.push(log[s.reemit % log.length]);
            continue;
        }
        var event_1 = s.fresh;
        if (event_1.type === 'StockReserved')
            opened.push({ reservationId: event_1.reservationId, sku: event_1.sku });
        var isDraw = event_1.type === 'ReservationReleased' || event_1.type === 'ReservationFulfilled';
        if (isDraw && s.followReservation && opened.length > 0) {
            event_1 = __assign(__assign({}, event_1), opened[s.pick % opened.length]);
        }
        log.push(event_1);
    }
    return log;
}
