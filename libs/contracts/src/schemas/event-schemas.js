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
exports.eventSchemas = eventSchemas;
exports.inventoryEventSchema = inventoryEventSchema;
var event_dtos_1 = require("../events/event-dtos");
var event_types_1 = require("../events/event-types");
var json_schema_from_dtos_1 = require("./json-schema-from-dtos");
/**
 * Rules parseEvent applies across fields, which JSON Schema cannot state: they
 * are written into the schema's description so a reader sees them.
 */
var EXTRA_RULES = {
    StockTransferred: 'toLocationId must differ from fromLocationId.',
    StockStateChanged: 'to must differ from from.',
    StockReserved: 'allocations, when given, add up to quantity, each locationId once.',
};
/**
 * What a ValidateIf condition decides and the generator cannot read from it:
 * fields it makes required on some types (REFERENCE_REQUIRED in
 * event-dtos.ts), and fields it lets be null.
 */
var REQUIRED_BY_CONDITION = {
    StockIncoming: ['referenceDocumentUri'],
    IncomingCancelled: ['referenceDocumentUri'],
};
var NULLABLE_BY_CONDITION = {
    StockCounted: ['changeFromQuantity'],
};
/**
 * One JSON Schema per event type, generated from the DTO parseEvent validates
 * that type with (EVENT_DTOS). parseEvent picks the DTO by `type`, so each
 * schema pins `type` to its own value; unknown fields are refused as
 * forbidNonWhitelisted refuses them.
 */
function eventSchemas() {
    return Object.fromEntries(event_types_1.EVENT_TYPES.map(function (type) {
        var _a, _b, _c;
        var schema = (0, json_schema_from_dtos_1.schemaOfDto)(event_dtos_1.EVENT_DTOS[type], { closed: true });
        var description = ["Event ".concat(type, " on inventory.events (key = sku)."), EXTRA_RULES[type]]
            .filter(Boolean)
            .join(' ');
        var properties = __assign(__assign({}, schema.properties), { type: { type: 'string', enum: [type] } });
        for (var _i = 0, _d = (_a = NULLABLE_BY_CONDITION[type]) !== null && _a !== void 0 ? _a : []; _i < _d.length; _i++) {
            var field = _d[_i];
            properties[field] = { anyOf: [properties[field], { type: 'null' }] };
        }
        var required = __spreadArray(__spreadArray([], ((_b = schema.required) !== null && _b !== void 0 ? _b : []), true), ((_c = REQUIRED_BY_CONDITION[type]) !== null && _c !== void 0 ? _c : []), true);
        return [type, __assign(__assign({}, schema), { title: type, description: description, properties: properties, required: required })];
    }));
}
/** Any inventory event: exactly one of the per-type schemas (they differ in `type`). */
function inventoryEventSchema(ref) {
    return { title: 'InventoryEvent', oneOf: event_types_1.EVENT_TYPES.map(function (type) { return ({ $ref: ref(type) }); }) };
}
