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
exports.foldEvent = foldEvent;
var contracts_1 = require("@stockflow/contracts");
var allocation_1 = require("./allocation");
var quantities_1 = require("./quantities");
var stock_state_1 = require("./stock-state");
var STORED_STATE = {
    damaged: 'damaged',
    quality_control: 'qualityControl',
    safety_stock: 'safetyStock',
};
/**
 * Applies one event to the state of its SKU (and, for reservation events, to the
 * reservation it names). Pure: the inputs are never modified. A refused event
 * changes nothing; the refusal says why.
 */
function foldEvent(stock, reservation, event) {
    var _a, _b;
    var effect = effectOf(stock, reservation, event);
    if ('code' in effect)
        return { applied: false, refusal: __assign({ eventId: event.eventId, sku: event.sku }, effect) };
    var locations = __assign({}, stock.locations);
    var touched = new Set();
    var own = function (id) {
        var _a;
        if (!touched.has(id)) {
            touched.add(id);
            locations[id] = __assign({}, ((_a = stock.locations[id]) !== null && _a !== void 0 ? _a : (0, stock_state_1.emptyLocation)()));
        }
        return locations[id];
    };
    var wentNegative = false;
    for (var _i = 0, _c = effect.moves; _i < _c.length; _i++) {
        var _d = _c[_i], locationId = _d.locationId, state = _d.state, delta = _d.delta;
        var location_1 = own(locationId);
        location_1[state] += delta;
        if (state === 'onHand' && delta < 0 && location_1.onHand < 0)
            wentNegative = true;
    }
    for (var _e = 0, _f = (_a = effect.incoming) !== null && _a !== void 0 ? _a : []; _e < _f.length; _e++) {
        var _g = _f[_e], locationId = _g.locationId, document_1 = _g.document, delta = _g.delta;
        var location_2 = own(locationId);
        var incoming = __assign({}, location_2.incoming);
        var next_1 = ((_b = incoming[document_1]) !== null && _b !== void 0 ? _b : 0) + delta;
        if (next_1 === 0)
            delete incoming[document_1];
        else
            incoming[document_1] = next_1;
        location_2.incoming = incoming;
    }
    var stateDeltas = diffStates(stock, locations, touched);
    var sum = function (names) { return stateDeltas.filter(function (d) { return names.includes(d.state); }).reduce(function (t, d) { return t + d.delta; }, 0); };
    var onHandDelta = sum(['on_hand']);
    var reservedDelta = sum(['committed', 'reserved']);
    var next = {
        sku: stock.sku,
        locations: locations,
        onHand: stock.onHand + onHandDelta,
        reserved: stock.reserved + reservedDelta,
        version: stock.version + 1,
    };
    var entry = {
        eventId: event.eventId,
        sku: event.sku,
        type: event.type,
        channel: event.channel,
        occurredAt: event.occurredAt,
        version: next.version,
        onHandDelta: onHandDelta,
        reservedDelta: reservedDelta,
        availableDelta: sum(['available']),
        locationDeltas: stateDeltas.filter(function (d) { return d.state === 'on_hand'; }).map(function (_a) {
            var locationId = _a.locationId, delta = _a.delta;
            return ({ locationId: locationId, delta: delta });
        }),
        stateDeltas: stateDeltas,
        reservationId: 'reservationId' in event ? event.reservationId : undefined,
        allocations: effect.allocations,
        referenceDocumentUri: event.referenceDocumentUri,
        wentNegative: wentNegative,
    };
    return { applied: true, stock: next, reservation: effect.reservation, entry: entry };
}
function effectOf(stock, reservation, event) {
    var _a, _b, _c;
    var at = function (id) { var _a; return (_a = stock.locations[id]) !== null && _a !== void 0 ? _a : (0, stock_state_1.emptyLocation)(); };
    switch (event.type) {
        case 'StockReceived': {
            var moves = [onHand(event.locationId, event.quantity)];
            var open_1 = event.referenceDocumentUri ? ((_a = at(event.locationId).incoming[event.referenceDocumentUri]) !== null && _a !== void 0 ? _a : 0) : 0;
            if (open_1 === 0)
                return { moves: moves };
            var document_2 = event.referenceDocumentUri;
            return { moves: moves, incoming: [{ locationId: event.locationId, document: document_2, delta: -Math.min(open_1, event.quantity) }] };
        }
        case 'ItemSold':
            return { moves: [onHand(event.locationId, -event.quantity)] };
        case 'StockAdjusted':
            return { moves: [onHand(event.locationId, event.delta)] };
        case 'StockCounted': {
            var location_3 = at(event.locationId);
            var current = event.name === 'available' ? (0, stock_state_1.locationAvailable)(location_3) : location_3.onHand;
            var expected = event.changeFromQuantity;
            if (expected !== undefined && expected !== null && expected !== current) {
                return {
                    code: 'change_from_quantity_stale',
                    reason: "".concat((_b = event.name) !== null && _b !== void 0 ? _b : 'on_hand', " at ").concat(event.locationId, " is ").concat(current, ", not ").concat(expected),
                    current: current,
                };
            }
            return { moves: [onHand(event.locationId, event.countedQuantity - current)] };
        }
        case 'StockTransferred':
            return { moves: [onHand(event.fromLocationId, -event.quantity), onHand(event.toLocationId, event.quantity)] };
        case 'StockReserved':
            return reserve(stock, reservation, event);
        case 'ReservationReleased':
        case 'ReservationFulfilled': {
            var problem = checkDraw(reservation, event.sku, event.reservationId, event.quantity, event.type);
            if (problem)
                return problem;
            var shippedFrom = event.type === 'ReservationFulfilled' ? event.locationId : undefined;
            var _d = draw(reservation.allocations, event.quantity, shippedFrom), allocations = _d.allocations, draws = _d.draws;
            var state_1 = reservation.kind === 'hold' ? 'reserved' : 'committed';
            var moves = draws.map(function (d) { return ({ locationId: d.locationId, state: state_1, delta: -d.quantity }); });
            if (shippedFrom)
                moves.push(onHand(shippedFrom, -event.quantity));
            return { moves: moves, reservation: __assign(__assign({}, reservation), { open: reservation.open - event.quantity, allocations: allocations }) };
        }
        case 'StockStateChanged': {
            var location_4 = at(event.locationId);
            var held = event.from === 'available' ? (0, stock_state_1.locationAvailable)(location_4) : location_4[STORED_STATE[event.from]];
            if (held < event.quantity) {
                return {
                    code: 'insufficient_quantity',
                    reason: "cannot move ".concat(event.quantity, " from ").concat(event.from, " at ").concat(event.locationId, ": it holds ").concat(held),
                };
            }
            var moves = [];
            if (event.from !== 'available')
                moves.push({ locationId: event.locationId, state: STORED_STATE[event.from], delta: -event.quantity });
            if (event.to !== 'available')
                moves.push({ locationId: event.locationId, state: STORED_STATE[event.to], delta: event.quantity });
            return { moves: moves };
        }
        case 'StockIncoming':
            return { moves: [], incoming: [{ locationId: event.locationId, document: event.referenceDocumentUri, delta: event.quantity }] };
        case 'IncomingCancelled': {
            var open_2 = (_c = at(event.locationId).incoming[event.referenceDocumentUri]) !== null && _c !== void 0 ? _c : 0;
            if (event.quantity > open_2) {
                return {
                    code: 'insufficient_quantity',
                    reason: "cannot cancel ".concat(event.quantity, " incoming of ").concat(event.referenceDocumentUri, " at ").concat(event.locationId, ": ").concat(open_2, " open"),
                };
            }
            return { moves: [], incoming: [{ locationId: event.locationId, document: event.referenceDocumentUri, delta: -event.quantity }] };
        }
    }
}
function onHand(locationId, delta) {
    return { locationId: locationId, state: 'onHand', delta: delta };
}
/**
 * A reservation takes units at locations. Checkout's own reservations (ord:/hold:)
 * were decided by the Redis counters before they reached the log, so they are
 * facts: applied where they say, even if a concurrent sale left a location short.
 * Any other StockReserved is a channel's claim, applied only if every location it
 * names (or, without allocations, the SKU's locations lowest id first) covers it
 * from available at this point in the log: deterministic on replay, and never
 * more than a location holds. docs/pools.md has the whole rule.
 */
function reserve(stock, existing, event) {
    var _a, _b;
    if (existing)
        return { code: 'duplicate_reservation', reason: "reservation ".concat(event.reservationId, " already exists") };
    var decidedByCheckout = (0, contracts_1.isCheckoutReservation)(event.reservationId);
    var availableAt = function (id) { var _a; return (0, stock_state_1.locationAvailable)((_a = stock.locations[id]) !== null && _a !== void 0 ? _a : (0, stock_state_1.emptyLocation)()); };
    var allocations = event.allocations;
    if (!allocations) {
        var candidates = (0, stock_state_1.locationIds)(stock).map(function (locationId) { return ({ locationId: locationId, available: availableAt(locationId) }); });
        var plan = (0, allocation_1.allocateInOrder)(candidates, event.quantity);
        if (plan.short > 0 && !decidedByCheckout)
            return insufficient(event.quantity, event.quantity - plan.short);
        allocations = plan.allocations;
        // A checkout reservation of a version before allocations existed: what no
        // location covers stays at the lowest location (it was promised).
        if (plan.short > 0)
            allocations = withRemainder(allocations, (_b = (_a = candidates[0]) === null || _a === void 0 ? void 0 : _a.locationId) !== null && _b !== void 0 ? _b : 'unassigned', plan.short);
    }
    else if (!decidedByCheckout) {
        var short = allocations.find(function (a) { return availableAt(a.locationId) < a.quantity; });
        if (short) {
            return {
                code: 'insufficient_available',
                reason: "location ".concat(short.locationId, " has ").concat(availableAt(short.locationId), " available, the reservation asks ").concat(short.quantity),
            };
        }
    }
    var kind = (0, stock_state_1.reservationKind)(event.reservationId);
    var state = kind === 'hold' ? 'reserved' : 'committed';
    return {
        moves: allocations.map(function (a) { return ({ locationId: a.locationId, state: state, delta: a.quantity }); }),
        allocations: allocations,
        reservation: {
            reservationId: event.reservationId,
            sku: event.sku,
            orderId: event.orderId,
            kind: kind,
            quantity: event.quantity,
            open: event.quantity,
            allocations: allocations.map(function (a) { return (__assign(__assign({}, a), { open: a.quantity })); }),
        },
    };
}
function insufficient(asked, covered) {
    return { code: 'insufficient_available', reason: "the sku's locations have ".concat(covered, " available, the reservation asks ").concat(asked) };
}
function withRemainder(allocations, locationId, quantity) {
    var index = allocations.findIndex(function (a) { return a.locationId === locationId; });
    if (index < 0)
        return __spreadArray(__spreadArray([], allocations, true), [{ locationId: locationId, quantity: quantity }], false);
    return allocations.map(function (a, i) { return (i === index ? __assign(__assign({}, a), { quantity: a.quantity + quantity }) : a); });
}
/**
 * Takes `quantity` out of a reservation's open allocations: from the location it
 * ships from first (a fulfilment), then the last-allocated first, so the units a
 * pool's first-priority location holds are the last to be given back.
 */
function draw(allocations, quantity, preferred) {
    var next = allocations.map(function (a) { return (__assign({}, a)); });
    var order = next.map(function (_, i) { return i; }).reverse();
    var first = next.findIndex(function (a) { return a.locationId === preferred; });
    if (first >= 0)
        order.sort(function (a, b) { return (a === first ? -1 : b === first ? 1 : 0); });
    var draws = [];
    var left = quantity;
    for (var _i = 0, order_1 = order; _i < order_1.length; _i++) {
        var i = order_1[_i];
        var take = Math.min(left, next[i].open);
        if (take === 0)
            continue;
        next[i].open -= take;
        draws.push({ locationId: next[i].locationId, quantity: take });
        left -= take;
    }
    return { allocations: next, draws: draws };
}
function diffStates(before, after, touched) {
    var _a;
    var deltas = [];
    for (var _i = 0, touched_1 = touched; _i < touched_1.length; _i++) {
        var locationId = touched_1[_i];
        var was = (0, quantities_1.locationQuantities)((_a = before.locations[locationId]) !== null && _a !== void 0 ? _a : (0, stock_state_1.emptyLocation)());
        var now = (0, quantities_1.locationQuantities)(after[locationId]);
        for (var _b = 0, QUANTITY_NAMES_1 = quantities_1.QUANTITY_NAMES; _b < QUANTITY_NAMES_1.length; _b++) {
            var state = QUANTITY_NAMES_1[_b];
            var delta = now[state] - was[state];
            if (delta !== 0)
                deltas.push({ locationId: locationId, state: state, delta: delta });
        }
    }
    return deltas;
}
function checkDraw(reservation, sku, reservationId, quantity, type) {
    if (!reservation)
        return { code: 'unknown_reservation', reason: "reservation ".concat(reservationId, " is not open") };
    if (reservation.sku !== sku) {
        return {
            code: 'reservation_sku_mismatch',
            reason: "reservation ".concat(reservationId, " belongs to sku ").concat(reservation.sku, ", not ").concat(sku),
        };
    }
    if (quantity > reservation.open) {
        var verb = type === 'ReservationReleased' ? 'release' : 'fulfil';
        return {
            code: type === 'ReservationReleased' ? 'over_release' : 'over_fulfil',
            reason: "cannot ".concat(verb, " ").concat(quantity, " of reservation ").concat(reservationId, ": only ").concat(reservation.open, " open"),
        };
    }
    return undefined;
}
