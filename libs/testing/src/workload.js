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
exports.seededRandom = seededRandom;
exports.generateWorkload = generateWorkload;
var crypto_1 = require("crypto");
/** Small deterministic PRNG (mulberry32): a workload is reproducible from its seed. */
function seededRandom(seed) {
    var a = seed >>> 0;
    return function () {
        a = (a + 0x6d2b79f5) >>> 0;
        var t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/**
 * A realistic mixed stream of every event type: receipts, POS sales that may go
 * negative, adjustments, counts, transfers, and reservations that later get
 * fulfilled or released — sometimes by more than they hold (refused). A
 * reservation is only ever drawn by events of its own SKU, so the result of a
 * fold does not depend on how SKUs interleave across partitions.
 */
function generateWorkload(options) {
    var _a, _b, _c, _d, _e;
    var random = seededRandom((_a = options.seed) !== null && _a !== void 0 ? _a : 42);
    var pick = function (n) { return Math.floor(random() * n); };
    var prefix = (_b = options.skuPrefix) !== null && _b !== void 0 ? _b : 'SKU-';
    var open = new Map();
    var events = [];
    var occurredAt = new Date().toISOString();
    var reservationSeq = 0;
    while (events.length < options.count) {
        if (events.length > 0 && random() < ((_c = options.duplicateRate) !== null && _c !== void 0 ? _c : 0.01)) {
            events.push(events[pick(events.length)]);
            continue;
        }
        var sku = "".concat(prefix).concat(pick(options.skus));
        var base = { eventId: (0, crypto_1.randomUUID)(), sku: sku, channel: 'pos', occurredAt: occurredAt, schemaVersion: 1 };
        var location_1 = "L".concat(pick(3));
        if (random() < ((_d = options.statesRate) !== null && _d !== void 0 ? _d : 0)) {
            events.push(stateEvent(base, location_1, pick));
            continue;
        }
        var roll = random();
        var reservations = (_e = open.get(sku)) !== null && _e !== void 0 ? _e : [];
        if (roll < 0.3) {
            events.push(__assign(__assign({}, base), { type: 'StockReceived', locationId: location_1, quantity: 1 + pick(50) }));
        }
        else if (roll < 0.45) {
            events.push(__assign(__assign({}, base), { type: 'ItemSold', locationId: location_1, quantity: 1 + pick(5) }));
        }
        else if (roll < 0.5) {
            events.push(__assign(__assign({}, base), { type: 'StockAdjusted', locationId: location_1, delta: pick(2) ? 1 + pick(5) : -1 - pick(5), reason: 'audit' }));
        }
        else if (roll < 0.53) {
            events.push(__assign(__assign({}, base), { type: 'StockCounted', locationId: location_1, countedQuantity: pick(100) }));
        }
        else if (roll < 0.58) {
            events.push(__assign(__assign({}, base), { type: 'StockTransferred', fromLocationId: location_1, toLocationId: "L".concat(3 + pick(2)), quantity: 1 + pick(5) }));
        }
        else if (roll < 0.8 || reservations.length === 0) {
            var reservation = { reservationId: "".concat(sku, "-r").concat(reservationSeq++), quantity: 1 + pick(4) };
            reservations.push(reservation);
            open.set(sku, reservations);
            events.push(__assign(__assign({}, base), { type: 'StockReserved', reservationId: reservation.reservationId, orderId: "o-".concat(reservationSeq), quantity: reservation.quantity }));
        }
        else {
            var reservation = reservations.splice(pick(reservations.length), 1)[0];
            // One in ten draws asks for more than the reservation holds: the ledger must refuse it whole.
            var quantity = random() < 0.1 ? reservation.quantity + 1 : reservation.quantity;
            if (random() < 0.5) {
                events.push(__assign(__assign({}, base), { type: 'ReservationFulfilled', reservationId: reservation.reservationId, locationId: location_1, quantity: quantity }));
            }
            else {
                events.push(__assign(__assign({}, base), { type: 'ReservationReleased', reservationId: reservation.reservationId, quantity: quantity, reason: 'cart_cancel' }));
            }
        }
    }
    return events;
}
var STATES = ['available', 'damaged', 'quality_control', 'safety_stock'];
/** One quantity-state write: about one in five is refused (moves or cancels larger than their source, stale sets). */
function stateEvent(base, locationId, pick) {
    var referenceDocumentUri = "gid://erp/PurchaseOrder/".concat(pick(20));
    var roll = pick(5);
    if (roll === 0)
        return __assign(__assign({}, base), { type: 'StockIncoming', locationId: locationId, quantity: 1 + pick(40), referenceDocumentUri: referenceDocumentUri });
    if (roll === 1)
        return __assign(__assign({}, base), { type: 'IncomingCancelled', locationId: locationId, quantity: 1 + pick(10), referenceDocumentUri: referenceDocumentUri });
    if (roll === 2)
        return __assign(__assign({}, base), { type: 'StockReceived', locationId: locationId, quantity: 1 + pick(30), referenceDocumentUri: referenceDocumentUri });
    if (roll === 3) {
        var from_1 = STATES[pick(4)];
        var to = STATES.filter(function (s) { return s !== from_1; })[pick(3)];
        return __assign(__assign({}, base), { type: 'StockStateChanged', locationId: locationId, quantity: 1 + pick(5), from: from_1, to: to });
    }
    return __assign(__assign({}, base), { type: 'StockCounted', locationId: locationId, countedQuantity: pick(100), name: pick(2) ? 'on_hand' : 'available', changeFromQuantity: pick(2) ? null : pick(100) });
}
