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
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.schemaOfDto = schemaOfDto;
var class_validator_1 = require("class-validator");
var class_validator_jsonschema_1 = require("class-validator-jsonschema");
var event_dtos_1 = require("../events/event-dtos");
// class-transformer keeps its @Type() metadata here and exports no typed path to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
var defaultMetadataStorage = require('class-transformer/cjs/storage').defaultMetadataStorage;
/**
 * Where class-validator-jsonschema's defaults would lose a rule the validators
 * apply. Min/Max default to `type: number`, which merged over IsInt would let
 * 1.5 through; our custom isSmallJson has no JSON Schema counterpart (size is
 * not expressible), so it is described rather than dropped.
 */
var CONVERTERS = (_a = {
        min: function (meta) { return ({ minimum: meta.constraints[0] }); },
        max: function (meta) { return ({ maximum: meta.constraints[0] }); },
        // Standard base64 (what IsBase64 accepts by default), as a pattern: "base64" is no JSON Schema format.
        isBase64: {
            type: 'string',
            pattern: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
        },
        isSmallJson: function (meta) {
            var _a;
            return ({
                type: 'object',
                description: "at most ".concat((_a = meta.constraints[0]) !== null && _a !== void 0 ? _a : event_dtos_1.MAX_METADATA_BYTES, " bytes as JSON"),
            });
        },
        // The custom isAllocations rule of StockReserved, stated as the schema it checks by hand.
        isAllocations: {
            type: 'array',
            minItems: 1,
            maxItems: event_dtos_1.MAX_ALLOCATIONS,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['locationId', 'quantity'],
                properties: {
                    locationId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
                    quantity: { type: 'integer', minimum: 1, maximum: event_dtos_1.MAX_QUANTITY },
                },
            },
        }
    },
    _a[class_validator_1.ValidationTypes.CUSTOM_VALIDATION] = {},
    _a);
/**
 * The JSON Schema of a class-validator DTO, from the very decorators its
 * validator runs (inherited ones included), nested DTOs inlined. With
 * `closed`, unknown properties are refused, as validation with
 * forbidNonWhitelisted does.
 */
function schemaOfDto(dto, options) {
    if (options === void 0) { options = {}; }
    var schema = (0, class_validator_jsonschema_1.targetConstructorToSchema)(dto, {
        additionalConverters: CONVERTERS,
        classTransformerMetadataStorage: defaultMetadataStorage,
        refPointerPrefix: '#/components/schemas/',
    });
    return options.closed ? __assign(__assign({}, schema), { additionalProperties: false }) : schema;
}
