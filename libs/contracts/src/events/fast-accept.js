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
exports.fastAccept = fastAccept;
var event_dtos_1 = require("./event-dtos");
var event_types_1 = require("./event-types");
// The ledger validates every event it reads; class-validator costs ~17 µs per
// event, a third of a core at 20,000 events/s. This hand-written check accepts
// only events the class-validator rules (event-dtos.ts) accept too; anything it
// does not accept goes through the full validation, which also explains why.
// fast-accept.spec.ts checks that soundness over random valid and broken events.
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var ID = /^[A-Za-z0-9._:-]{1,128}$/;
var CHANNEL = /^[a-z0-9_-]{1,32}$/;
var ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
var COMMON = ['eventId', 'type', 'sku', 'channel', 'occurredAt', 'schemaVersion', 'metadata', 'referenceDocumentUri'];
var FIELDS = {
    StockReceived: ['locationId', 'quantity'],
    ItemSold: ['locationId', 'quantity'],
    StockAdjusted: ['locationId', 'delta', 'reason'],
    StockCounted: ['locationId', 'countedQuantity', 'name', 'changeFromQuantity'],
    StockReserved: ['reservationId', 'orderId', 'quantity', 'allocations'],
    ReservationReleased: ['reservationId', 'quantity', 'reason'],
    ReservationFulfilled: ['reservationId', 'locationId', 'quantity'],
    StockTransferred: ['fromLocationId', 'toLocationId', 'quantity'],
    // Rare events: always the full validation (the switch below says no).
    StockStateChanged: [],
    StockIncoming: [],
    IncomingCancelled: [],
};
var ALLOWED = Object.fromEntries(Object.entries(FIELDS).map(function (_a) {
    var type = _a[0], fields = _a[1];
    return [type, new Set(__spreadArray(__spreadArray([], COMMON, true), fields, true))];
}));
function fastAccept(raw) {
    var type = raw.type;
    var allowed = ALLOWED[type];
    if (!allowed || !Object.prototype.hasOwnProperty.call(ALLOWED, type))
        return false;
    for (var _i = 0, _a = Object.keys(raw); _i < _a.length; _i++) {
        var key = _a[_i];
        if (!allowed.has(key))
            return false;
    }
    if (!matches(raw.eventId, UUID) || !matches(raw.sku, event_types_1.SKU_PATTERN) || !matches(raw.channel, CHANNEL))
        return false;
    if (raw.schemaVersion !== 1 || !isUtcTimestamp(raw.occurredAt) || !smallObjectOrAbsent(raw.metadata))
        return false;
    if (raw.referenceDocumentUri !== undefined && !reference(raw.referenceDocumentUri))
        return false;
    switch (type) {
        case 'StockReceived':
        case 'ItemSold':
            return matches(raw.locationId, ID) && int(raw.quantity, 1, event_dtos_1.MAX_QUANTITY);
        case 'StockAdjusted':
            return (matches(raw.locationId, ID) &&
                int(raw.delta, -event_dtos_1.MAX_QUANTITY, event_dtos_1.MAX_QUANTITY) &&
                raw.delta !== 0 &&
                typeof raw.reason === 'string' &&
                raw.reason.length > 0 &&
                raw.reason.length <= 64 &&
                raw.reason.trim().length > 0);
        case 'StockCounted':
            return (matches(raw.locationId, ID) &&
                int(raw.countedQuantity, 0, event_dtos_1.MAX_QUANTITY) &&
                (raw.name === undefined || raw.name === 'on_hand' || raw.name === 'available') &&
                (raw.changeFromQuantity === undefined ||
                    raw.changeFromQuantity === null ||
                    int(raw.changeFromQuantity, -event_dtos_1.MAX_QUANTITY, event_dtos_1.MAX_QUANTITY)));
        case 'StockReserved':
            return (matches(raw.reservationId, ID) &&
                (raw.orderId === undefined || matches(raw.orderId, ID)) &&
                int(raw.quantity, 1, event_dtos_1.MAX_QUANTITY) &&
                (raw.allocations === undefined || allocations(raw.allocations, raw.quantity)));
        case 'ReservationReleased':
            return (matches(raw.reservationId, ID) &&
                int(raw.quantity, 1, event_dtos_1.MAX_QUANTITY) &&
                event_types_1.RELEASE_REASONS.includes(raw.reason));
        case 'ReservationFulfilled':
            return matches(raw.reservationId, ID) && matches(raw.locationId, ID) && int(raw.quantity, 1, event_dtos_1.MAX_QUANTITY);
        case 'StockTransferred':
            return (matches(raw.fromLocationId, ID) &&
                matches(raw.toLocationId, ID) &&
                raw.fromLocationId !== raw.toLocationId &&
                int(raw.quantity, 1, event_dtos_1.MAX_QUANTITY));
        case 'StockStateChanged':
        case 'StockIncoming':
        case 'IncomingCancelled':
            return false;
    }
}
function reference(value) {
    return typeof value === 'string' && value.length > 0 && value.length <= event_types_1.MAX_REFERENCE_LENGTH;
}
/** Plain {locationId, quantity} rows, distinct locations, adding up to the quantity. */
function allocations(value, quantity) {
    if (!Array.isArray(value) || value.length === 0 || value.length > event_dtos_1.MAX_ALLOCATIONS)
        return false;
    var seen = new Set();
    var sum = 0;
    for (var _i = 0, value_1 = value; _i < value_1.length; _i++) {
        var row = value_1[_i];
        if (row === null || typeof row !== 'object' || Object.getPrototypeOf(row) !== Object.prototype)
            return false;
        var keys = Object.keys(row);
        if (keys.length !== 2 || !matches(row.locationId, ID) || !int(row.quantity, 1, event_dtos_1.MAX_QUANTITY))
            return false;
        if (seen.has(row.locationId))
            return false;
        seen.add(row.locationId);
        sum += row.quantity;
    }
    return sum === quantity;
}
function matches(value, pattern) {
    return typeof value === 'string' && pattern.test(value);
}
function int(value, min, max) {
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
/** The common `...Z` form with a real calendar date; other ISO forms take the full path. */
function isUtcTimestamp(value) {
    if (typeof value !== 'string')
        return false;
    var m = ISO_UTC.exec(value);
    if (!m)
        return false;
    var _a = m.slice(1, 7).map(Number), year = _a[0], month = _a[1], day = _a[2], hour = _a[3], minute = _a[4], second = _a[5];
    var date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    return (date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day &&
        hour < 24 &&
        minute < 60 &&
        second < 60);
}
function smallObjectOrAbsent(value) {
    if (value === undefined)
        return true;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    if (Object.getPrototypeOf(value) !== Object.prototype)
        return false;
    return Buffer.byteLength(JSON.stringify(value)) <= event_dtos_1.MAX_METADATA_BYTES;
}
