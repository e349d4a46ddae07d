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
exports.parseEvent = parseEvent;
exports.validateFully = validateFully;
exports.parseEvents = parseEvents;
var class_validator_1 = require("class-validator");
var event_dtos_1 = require("./event-dtos");
var fast_accept_1 = require("./fast-accept");
var event_types_1 = require("./event-types");
var VALIDATE_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
/**
 * Validates one untrusted value against the event contract. Returns every field
 * problem at once (never just the first) so a client can fix a payload in one go.
 */
function parseEvent(raw, path) {
    if (path === void 0) { path = ''; }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return { ok: false, errors: [{ field: path || '(body)', messages: ['event must be a JSON object'] }] };
    }
    return (0, fast_accept_1.fastAccept)(raw) ? accepted(raw) : validateFully(raw, path);
}
/** The class-validator rules of event-dtos.ts, reporting every problem. */
function validateFully(raw, path) {
    if (path === void 0) { path = ''; }
    var type = raw.type;
    if (!event_types_1.EVENT_TYPES.includes(type)) {
        return {
            ok: false,
            errors: [{ field: join(path, 'type'), messages: ["type must be one of: ".concat(event_types_1.EVENT_TYPES.join(', '))] }],
        };
    }
    // A shallow copy, not plainToInstance: class-transformer threw on any nested
    // object with a `constructor` key (e.g. `"metadata":{"constructor":1}`), a
    // poison message for the ledger, and silently dropped top-level keys such as
    // `constructor` or `toString`, letting them through unreported. Such keys can
    // never be contract fields, so they are reported like any unknown field.
    var shadowing = Object.keys(raw).filter(function (key) { return key in Object.prototype; });
    var fields = Object.entries(raw).filter(function (_a) {
        var key = _a[0];
        return !shadowing.includes(key);
    });
    var dto = Object.assign(new event_dtos_1.EVENT_DTOS[type](), Object.fromEntries(fields));
    var errors = flatten((0, class_validator_1.validateSync)(dto, VALIDATE_OPTIONS), path);
    for (var _i = 0, shadowing_1 = shadowing; _i < shadowing_1.length; _i++) {
        var key = shadowing_1[_i];
        errors.push({ field: join(path, key), messages: ["property ".concat(key, " should not exist")] });
    }
    var transfer = raw;
    // Only compare two present strings: two missing ids are already reported as missing.
    var sameLocation = typeof transfer.fromLocationId === 'string' && transfer.fromLocationId === transfer.toLocationId;
    if (type === 'StockTransferred' && sameLocation) {
        errors.push({ field: join(path, 'toLocationId'), messages: ['toLocationId must differ from fromLocationId'] });
    }
    errors.push.apply(errors, crossFieldErrors(type, raw, path));
    return errors.length > 0 ? { ok: false, errors: errors } : accepted(raw);
}
/** Rules across fields that class-validator's per-field decorators cannot state. */
function crossFieldErrors(type, raw, path) {
    if (type === 'StockStateChanged' && typeof raw.from === 'string' && raw.from === raw.to) {
        return [{ field: join(path, 'to'), messages: ['to must differ from from'] }];
    }
    if (type === 'StockReserved' && Array.isArray(raw.allocations) && Number.isInteger(raw.quantity)) {
        var rows = raw.allocations;
        var sum = rows.reduce(function (total, a) { return total + (typeof (a === null || a === void 0 ? void 0 : a.quantity) === 'number' ? a.quantity : 0); }, 0);
        var errors = [];
        if (sum !== raw.quantity) {
            errors.push({ field: join(path, 'allocations'), messages: ["allocations must add up to quantity (".concat(raw.quantity, "); they add up to ").concat(sum)] });
        }
        var ids = rows.map(function (a) { return a === null || a === void 0 ? void 0 : a.locationId; });
        if (new Set(ids).size !== ids.length) {
            errors.push({ field: join(path, 'allocations'), messages: ['each locationId may appear once in allocations'] });
        }
        return errors;
    }
    return [];
}
function accepted(raw) {
    // UUIDs compare case-insensitively; one spelling keeps dedupe on eventId exact.
    var event = raw;
    return { ok: true, event: __assign(__assign({}, event), { eventId: event.eventId.toLowerCase() }) };
}
/** Validates an array of events; the result lists the errors of every element. */
function parseEvents(raw) {
    var events = [];
    var errors = [];
    raw.forEach(function (item, index) {
        var result = parseEvent(item, "[".concat(index, "]"));
        if (result.ok)
            events.push(result.event);
        else
            errors.push.apply(errors, result.errors);
    });
    return errors.length > 0 ? { ok: false, errors: errors } : { ok: true, events: events };
}
function flatten(errors, path) {
    return errors.flatMap(function (e) {
        var _a;
        var field = join(path, e.property);
        var own = e.constraints ? [{ field: field, messages: Object.values(e.constraints) }] : [];
        return __spreadArray(__spreadArray([], own, true), flatten((_a = e.children) !== null && _a !== void 0 ? _a : [], field), true);
    });
}
function join(path, property) {
    return path ? "".concat(path, ".").concat(property) : property;
}
