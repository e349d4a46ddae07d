"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelDeadLetterSchema = exports.ChannelStockUpdateSchema = exports.DeadLetterSchema = exports.StockLevelMessageSchema = exports.LocationStockSchema = exports.QuantitiesSchema = void 0;
var class_transformer_1 = require("class-transformer");
var class_validator_jsonschema_1 = require("class-validator-jsonschema");
var class_validator_1 = require("class-validator");
var event_types_1 = require("../events/event-types");
/*
 * The messages Stockflow itself writes to stock-levels and the two DLQs, as
 * class-validator classes so that their JSON Schemas are generated like the
 * events' (schemaOfDto). Each class `implements` the interface its producer
 * writes, so the compiler keeps the two from drifting apart. Producers may add
 * fields (the lead adds pools): these schemas stay open to unknown properties.
 */
/** ValidateIf(x !== null) lets null through validation; the schema must say so too. */
var NULLABLE_STRING = { type: ['string', 'null'] };
var QuantitiesSchema = function () {
    var _a;
    var _on_hand_decorators;
    var _on_hand_initializers = [];
    var _on_hand_extraInitializers = [];
    var _available_decorators;
    var _available_initializers = [];
    var _available_extraInitializers = [];
    var _committed_decorators;
    var _committed_initializers = [];
    var _committed_extraInitializers = [];
    var _reserved_decorators;
    var _reserved_initializers = [];
    var _reserved_extraInitializers = [];
    var _damaged_decorators;
    var _damaged_initializers = [];
    var _damaged_extraInitializers = [];
    var _quality_control_decorators;
    var _quality_control_initializers = [];
    var _quality_control_extraInitializers = [];
    var _safety_stock_decorators;
    var _safety_stock_initializers = [];
    var _safety_stock_extraInitializers = [];
    var _incoming_decorators;
    var _incoming_initializers = [];
    var _incoming_extraInitializers = [];
    return _a = /** @class */ (function () {
            function QuantitiesSchema() {
                this.on_hand = __runInitializers(this, _on_hand_initializers, void 0);
                this.available = (__runInitializers(this, _on_hand_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.committed = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _committed_initializers, void 0));
                this.reserved = (__runInitializers(this, _committed_extraInitializers), __runInitializers(this, _reserved_initializers, void 0));
                this.damaged = (__runInitializers(this, _reserved_extraInitializers), __runInitializers(this, _damaged_initializers, void 0));
                this.quality_control = (__runInitializers(this, _damaged_extraInitializers), __runInitializers(this, _quality_control_initializers, void 0));
                this.safety_stock = (__runInitializers(this, _quality_control_extraInitializers), __runInitializers(this, _safety_stock_initializers, void 0));
                this.incoming = (__runInitializers(this, _safety_stock_extraInitializers), __runInitializers(this, _incoming_initializers, void 0));
                __runInitializers(this, _incoming_extraInitializers);
            }
            return QuantitiesSchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _on_hand_decorators = [(0, class_validator_1.IsInt)()];
            _available_decorators = [(0, class_validator_1.IsInt)()];
            _committed_decorators = [(0, class_validator_1.IsInt)()];
            _reserved_decorators = [(0, class_validator_1.IsInt)()];
            _damaged_decorators = [(0, class_validator_1.IsInt)()];
            _quality_control_decorators = [(0, class_validator_1.IsInt)()];
            _safety_stock_decorators = [(0, class_validator_1.IsInt)()];
            _incoming_decorators = [(0, class_validator_1.IsInt)()];
            __esDecorate(null, null, _on_hand_decorators, { kind: "field", name: "on_hand", static: false, private: false, access: { has: function (obj) { return "on_hand" in obj; }, get: function (obj) { return obj.on_hand; }, set: function (obj, value) { obj.on_hand = value; } }, metadata: _metadata }, _on_hand_initializers, _on_hand_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _committed_decorators, { kind: "field", name: "committed", static: false, private: false, access: { has: function (obj) { return "committed" in obj; }, get: function (obj) { return obj.committed; }, set: function (obj, value) { obj.committed = value; } }, metadata: _metadata }, _committed_initializers, _committed_extraInitializers);
            __esDecorate(null, null, _reserved_decorators, { kind: "field", name: "reserved", static: false, private: false, access: { has: function (obj) { return "reserved" in obj; }, get: function (obj) { return obj.reserved; }, set: function (obj, value) { obj.reserved = value; } }, metadata: _metadata }, _reserved_initializers, _reserved_extraInitializers);
            __esDecorate(null, null, _damaged_decorators, { kind: "field", name: "damaged", static: false, private: false, access: { has: function (obj) { return "damaged" in obj; }, get: function (obj) { return obj.damaged; }, set: function (obj, value) { obj.damaged = value; } }, metadata: _metadata }, _damaged_initializers, _damaged_extraInitializers);
            __esDecorate(null, null, _quality_control_decorators, { kind: "field", name: "quality_control", static: false, private: false, access: { has: function (obj) { return "quality_control" in obj; }, get: function (obj) { return obj.quality_control; }, set: function (obj, value) { obj.quality_control = value; } }, metadata: _metadata }, _quality_control_initializers, _quality_control_extraInitializers);
            __esDecorate(null, null, _safety_stock_decorators, { kind: "field", name: "safety_stock", static: false, private: false, access: { has: function (obj) { return "safety_stock" in obj; }, get: function (obj) { return obj.safety_stock; }, set: function (obj, value) { obj.safety_stock = value; } }, metadata: _metadata }, _safety_stock_initializers, _safety_stock_extraInitializers);
            __esDecorate(null, null, _incoming_decorators, { kind: "field", name: "incoming", static: false, private: false, access: { has: function (obj) { return "incoming" in obj; }, get: function (obj) { return obj.incoming; }, set: function (obj, value) { obj.incoming = value; } }, metadata: _metadata }, _incoming_initializers, _incoming_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.QuantitiesSchema = QuantitiesSchema;
var LocationStockSchema = function () {
    var _a;
    var _locationId_decorators;
    var _locationId_initializers = [];
    var _locationId_extraInitializers = [];
    var _onHand_decorators;
    var _onHand_initializers = [];
    var _onHand_extraInitializers = [];
    var _reserved_decorators;
    var _reserved_initializers = [];
    var _reserved_extraInitializers = [];
    var _available_decorators;
    var _available_initializers = [];
    var _available_extraInitializers = [];
    var _quantities_decorators;
    var _quantities_initializers = [];
    var _quantities_extraInitializers = [];
    return _a = /** @class */ (function () {
            function LocationStockSchema() {
                this.locationId = __runInitializers(this, _locationId_initializers, void 0);
                this.onHand = (__runInitializers(this, _locationId_extraInitializers), __runInitializers(this, _onHand_initializers, void 0));
                this.reserved = (__runInitializers(this, _onHand_extraInitializers), __runInitializers(this, _reserved_initializers, void 0));
                this.available = (__runInitializers(this, _reserved_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.quantities = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _quantities_initializers, void 0));
                __runInitializers(this, _quantities_extraInitializers);
            }
            return LocationStockSchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _locationId_decorators = [(0, class_validator_1.IsString)()];
            _onHand_decorators = [(0, class_validator_1.IsInt)()];
            _reserved_decorators = [(0, class_validator_1.IsInt)()];
            _available_decorators = [(0, class_validator_1.IsInt)()];
            _quantities_decorators = [(0, class_validator_1.ValidateNested)(), (0, class_transformer_1.Type)(function () { return QuantitiesSchema; })];
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            __esDecorate(null, null, _onHand_decorators, { kind: "field", name: "onHand", static: false, private: false, access: { has: function (obj) { return "onHand" in obj; }, get: function (obj) { return obj.onHand; }, set: function (obj, value) { obj.onHand = value; } }, metadata: _metadata }, _onHand_initializers, _onHand_extraInitializers);
            __esDecorate(null, null, _reserved_decorators, { kind: "field", name: "reserved", static: false, private: false, access: { has: function (obj) { return "reserved" in obj; }, get: function (obj) { return obj.reserved; }, set: function (obj, value) { obj.reserved = value; } }, metadata: _metadata }, _reserved_initializers, _reserved_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _quantities_decorators, { kind: "field", name: "quantities", static: false, private: false, access: { has: function (obj) { return "quantities" in obj; }, get: function (obj) { return obj.quantities; }, set: function (obj, value) { obj.quantities = value; } }, metadata: _metadata }, _quantities_initializers, _quantities_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.LocationStockSchema = LocationStockSchema;
var StockLevelMessageSchema = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _onHand_decorators;
    var _onHand_initializers = [];
    var _onHand_extraInitializers = [];
    var _reserved_decorators;
    var _reserved_initializers = [];
    var _reserved_extraInitializers = [];
    var _available_decorators;
    var _available_initializers = [];
    var _available_extraInitializers = [];
    var _locations_decorators;
    var _locations_initializers = [];
    var _locations_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    var _previousVersion_decorators;
    var _previousVersion_initializers = [];
    var _previousVersion_extraInitializers = [];
    var _quantities_decorators;
    var _quantities_initializers = [];
    var _quantities_extraInitializers = [];
    var _externalAvailableDelta_decorators;
    var _externalAvailableDelta_initializers = [];
    var _externalAvailableDelta_extraInitializers = [];
    var _externalLocationDeltas_decorators;
    var _externalLocationDeltas_initializers = [];
    var _externalLocationDeltas_extraInitializers = [];
    var _updatedAt_decorators;
    var _updatedAt_initializers = [];
    var _updatedAt_extraInitializers = [];
    return _a = /** @class */ (function () {
            function StockLevelMessageSchema() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                this.onHand = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _onHand_initializers, void 0));
                this.reserved = (__runInitializers(this, _onHand_extraInitializers), __runInitializers(this, _reserved_initializers, void 0));
                this.available = (__runInitializers(this, _reserved_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.locations = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _locations_initializers, void 0));
                this.version = (__runInitializers(this, _locations_extraInitializers), __runInitializers(this, _version_initializers, void 0));
                this.previousVersion = (__runInitializers(this, _version_extraInitializers), __runInitializers(this, _previousVersion_initializers, void 0));
                this.quantities = (__runInitializers(this, _previousVersion_extraInitializers), __runInitializers(this, _quantities_initializers, void 0));
                this.externalAvailableDelta = (__runInitializers(this, _quantities_extraInitializers), __runInitializers(this, _externalAvailableDelta_initializers, void 0));
                this.externalLocationDeltas = (__runInitializers(this, _externalAvailableDelta_extraInitializers), __runInitializers(this, _externalLocationDeltas_initializers, void 0));
                this.updatedAt = (__runInitializers(this, _externalLocationDeltas_extraInitializers), __runInitializers(this, _updatedAt_initializers, void 0));
                __runInitializers(this, _updatedAt_extraInitializers);
            }
            return StockLevelMessageSchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, class_validator_1.Matches)(event_types_1.SKU_PATTERN)];
            _onHand_decorators = [(0, class_validator_1.IsInt)()];
            _reserved_decorators = [(0, class_validator_1.IsInt)()];
            _available_decorators = [(0, class_validator_1.IsInt)()];
            _locations_decorators = [(0, class_validator_1.IsArray)(), (0, class_validator_1.ValidateNested)({ each: true }), (0, class_transformer_1.Type)(function () { return LocationStockSchema; })];
            _version_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1)];
            _previousVersion_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            _quantities_decorators = [(0, class_validator_1.ValidateNested)(), (0, class_transformer_1.Type)(function () { return QuantitiesSchema; })];
            _externalAvailableDelta_decorators = [(0, class_validator_1.IsInt)()];
            _externalLocationDeltas_decorators = [(0, class_validator_1.IsObject)(), (0, class_validator_jsonschema_1.JSONSchema)({ additionalProperties: { type: 'integer' } })];
            _updatedAt_decorators = [(0, class_validator_1.IsISO8601)({ strict: true })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _onHand_decorators, { kind: "field", name: "onHand", static: false, private: false, access: { has: function (obj) { return "onHand" in obj; }, get: function (obj) { return obj.onHand; }, set: function (obj, value) { obj.onHand = value; } }, metadata: _metadata }, _onHand_initializers, _onHand_extraInitializers);
            __esDecorate(null, null, _reserved_decorators, { kind: "field", name: "reserved", static: false, private: false, access: { has: function (obj) { return "reserved" in obj; }, get: function (obj) { return obj.reserved; }, set: function (obj, value) { obj.reserved = value; } }, metadata: _metadata }, _reserved_initializers, _reserved_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _locations_decorators, { kind: "field", name: "locations", static: false, private: false, access: { has: function (obj) { return "locations" in obj; }, get: function (obj) { return obj.locations; }, set: function (obj, value) { obj.locations = value; } }, metadata: _metadata }, _locations_initializers, _locations_extraInitializers);
            __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
            __esDecorate(null, null, _previousVersion_decorators, { kind: "field", name: "previousVersion", static: false, private: false, access: { has: function (obj) { return "previousVersion" in obj; }, get: function (obj) { return obj.previousVersion; }, set: function (obj, value) { obj.previousVersion = value; } }, metadata: _metadata }, _previousVersion_initializers, _previousVersion_extraInitializers);
            __esDecorate(null, null, _quantities_decorators, { kind: "field", name: "quantities", static: false, private: false, access: { has: function (obj) { return "quantities" in obj; }, get: function (obj) { return obj.quantities; }, set: function (obj, value) { obj.quantities = value; } }, metadata: _metadata }, _quantities_initializers, _quantities_extraInitializers);
            __esDecorate(null, null, _externalAvailableDelta_decorators, { kind: "field", name: "externalAvailableDelta", static: false, private: false, access: { has: function (obj) { return "externalAvailableDelta" in obj; }, get: function (obj) { return obj.externalAvailableDelta; }, set: function (obj, value) { obj.externalAvailableDelta = value; } }, metadata: _metadata }, _externalAvailableDelta_initializers, _externalAvailableDelta_extraInitializers);
            __esDecorate(null, null, _externalLocationDeltas_decorators, { kind: "field", name: "externalLocationDeltas", static: false, private: false, access: { has: function (obj) { return "externalLocationDeltas" in obj; }, get: function (obj) { return obj.externalLocationDeltas; }, set: function (obj, value) { obj.externalLocationDeltas = value; } }, metadata: _metadata }, _externalLocationDeltas_initializers, _externalLocationDeltas_extraInitializers);
            __esDecorate(null, null, _updatedAt_decorators, { kind: "field", name: "updatedAt", static: false, private: false, access: { has: function (obj) { return "updatedAt" in obj; }, get: function (obj) { return obj.updatedAt; }, set: function (obj, value) { obj.updatedAt = value; } }, metadata: _metadata }, _updatedAt_initializers, _updatedAt_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockLevelMessageSchema = StockLevelMessageSchema;
var DeadLetterSchema = function () {
    var _a;
    var _reason_decorators;
    var _reason_initializers = [];
    var _reason_extraInitializers = [];
    var _code_decorators;
    var _code_initializers = [];
    var _code_extraInitializers = [];
    var _sourceTopic_decorators;
    var _sourceTopic_initializers = [];
    var _sourceTopic_extraInitializers = [];
    var _partition_decorators;
    var _partition_initializers = [];
    var _partition_extraInitializers = [];
    var _offset_decorators;
    var _offset_initializers = [];
    var _offset_extraInitializers = [];
    var _key_decorators;
    var _key_initializers = [];
    var _key_extraInitializers = [];
    var _originalValue_decorators;
    var _originalValue_initializers = [];
    var _originalValue_extraInitializers = [];
    var _failedAt_decorators;
    var _failedAt_initializers = [];
    var _failedAt_extraInitializers = [];
    var _details_decorators;
    var _details_initializers = [];
    var _details_extraInitializers = [];
    return _a = /** @class */ (function () {
            function DeadLetterSchema() {
                this.reason = __runInitializers(this, _reason_initializers, void 0);
                this.code = (__runInitializers(this, _reason_extraInitializers), __runInitializers(this, _code_initializers, void 0));
                this.sourceTopic = (__runInitializers(this, _code_extraInitializers), __runInitializers(this, _sourceTopic_initializers, void 0));
                this.partition = (__runInitializers(this, _sourceTopic_extraInitializers), __runInitializers(this, _partition_initializers, void 0));
                this.offset = (__runInitializers(this, _partition_extraInitializers), __runInitializers(this, _offset_initializers, void 0));
                this.key = (__runInitializers(this, _offset_extraInitializers), __runInitializers(this, _key_initializers, void 0));
                this.originalValue = (__runInitializers(this, _key_extraInitializers), __runInitializers(this, _originalValue_initializers, void 0));
                this.failedAt = (__runInitializers(this, _originalValue_extraInitializers), __runInitializers(this, _failedAt_initializers, void 0));
                this.details = (__runInitializers(this, _failedAt_extraInitializers), __runInitializers(this, _details_initializers, void 0));
                __runInitializers(this, _details_extraInitializers);
            }
            return DeadLetterSchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _reason_decorators = [(0, class_validator_1.IsString)()];
            _code_decorators = [(0, class_validator_1.IsString)()];
            _sourceTopic_decorators = [(0, class_validator_1.IsString)()];
            _partition_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            _offset_decorators = [(0, class_validator_1.IsNumberString)()];
            _key_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.key !== null; }), (0, class_validator_1.IsString)(), (0, class_validator_jsonschema_1.JSONSchema)(NULLABLE_STRING)];
            _originalValue_decorators = [(0, class_validator_1.IsBase64)()];
            _failedAt_decorators = [(0, class_validator_1.IsISO8601)({ strict: true })];
            _details_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.Allow)()];
            __esDecorate(null, null, _reason_decorators, { kind: "field", name: "reason", static: false, private: false, access: { has: function (obj) { return "reason" in obj; }, get: function (obj) { return obj.reason; }, set: function (obj, value) { obj.reason = value; } }, metadata: _metadata }, _reason_initializers, _reason_extraInitializers);
            __esDecorate(null, null, _code_decorators, { kind: "field", name: "code", static: false, private: false, access: { has: function (obj) { return "code" in obj; }, get: function (obj) { return obj.code; }, set: function (obj, value) { obj.code = value; } }, metadata: _metadata }, _code_initializers, _code_extraInitializers);
            __esDecorate(null, null, _sourceTopic_decorators, { kind: "field", name: "sourceTopic", static: false, private: false, access: { has: function (obj) { return "sourceTopic" in obj; }, get: function (obj) { return obj.sourceTopic; }, set: function (obj, value) { obj.sourceTopic = value; } }, metadata: _metadata }, _sourceTopic_initializers, _sourceTopic_extraInitializers);
            __esDecorate(null, null, _partition_decorators, { kind: "field", name: "partition", static: false, private: false, access: { has: function (obj) { return "partition" in obj; }, get: function (obj) { return obj.partition; }, set: function (obj, value) { obj.partition = value; } }, metadata: _metadata }, _partition_initializers, _partition_extraInitializers);
            __esDecorate(null, null, _offset_decorators, { kind: "field", name: "offset", static: false, private: false, access: { has: function (obj) { return "offset" in obj; }, get: function (obj) { return obj.offset; }, set: function (obj, value) { obj.offset = value; } }, metadata: _metadata }, _offset_initializers, _offset_extraInitializers);
            __esDecorate(null, null, _key_decorators, { kind: "field", name: "key", static: false, private: false, access: { has: function (obj) { return "key" in obj; }, get: function (obj) { return obj.key; }, set: function (obj, value) { obj.key = value; } }, metadata: _metadata }, _key_initializers, _key_extraInitializers);
            __esDecorate(null, null, _originalValue_decorators, { kind: "field", name: "originalValue", static: false, private: false, access: { has: function (obj) { return "originalValue" in obj; }, get: function (obj) { return obj.originalValue; }, set: function (obj, value) { obj.originalValue = value; } }, metadata: _metadata }, _originalValue_initializers, _originalValue_extraInitializers);
            __esDecorate(null, null, _failedAt_decorators, { kind: "field", name: "failedAt", static: false, private: false, access: { has: function (obj) { return "failedAt" in obj; }, get: function (obj) { return obj.failedAt; }, set: function (obj, value) { obj.failedAt = value; } }, metadata: _metadata }, _failedAt_initializers, _failedAt_extraInitializers);
            __esDecorate(null, null, _details_decorators, { kind: "field", name: "details", static: false, private: false, access: { has: function (obj) { return "details" in obj; }, get: function (obj) { return obj.details; }, set: function (obj, value) { obj.details = value; } }, metadata: _metadata }, _details_initializers, _details_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.DeadLetterSchema = DeadLetterSchema;
var ChannelStockUpdateSchema = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    var _available_decorators;
    var _available_initializers = [];
    var _available_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ChannelStockUpdateSchema() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                this.version = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _version_initializers, void 0));
                this.available = (__runInitializers(this, _version_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.quantity = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _quantity_initializers, void 0));
                __runInitializers(this, _quantity_extraInitializers);
            }
            return ChannelStockUpdateSchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, class_validator_1.Matches)(event_types_1.SKU_PATTERN)];
            _version_decorators = [(0, class_validator_1.IsInt)()];
            _available_decorators = [(0, class_validator_1.IsInt)()];
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelStockUpdateSchema = ChannelStockUpdateSchema;
var ChannelDeadLetterSchema = function () {
    var _a;
    var _classSuper = DeadLetterSchema;
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _attempts_decorators;
    var _attempts_initializers = [];
    var _attempts_extraInitializers = [];
    var _update_decorators;
    var _update_initializers = [];
    var _update_extraInitializers = [];
    var _payload_decorators;
    var _payload_initializers = [];
    var _payload_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(ChannelDeadLetterSchema, _super);
            function ChannelDeadLetterSchema() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.channel = __runInitializers(_this, _channel_initializers, void 0);
                _this.sku = (__runInitializers(_this, _channel_extraInitializers), __runInitializers(_this, _sku_initializers, void 0));
                _this.attempts = (__runInitializers(_this, _sku_extraInitializers), __runInitializers(_this, _attempts_initializers, void 0));
                _this.update = (__runInitializers(_this, _attempts_extraInitializers), __runInitializers(_this, _update_initializers, void 0));
                _this.payload = (__runInitializers(_this, _update_extraInitializers), __runInitializers(_this, _payload_initializers, void 0));
                __runInitializers(_this, _payload_extraInitializers);
                return _this;
            }
            return ChannelDeadLetterSchema;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _channel_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.channel !== null; }), (0, class_validator_1.IsString)(), (0, class_validator_jsonschema_1.JSONSchema)(NULLABLE_STRING)];
            _sku_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.sku !== null; }), (0, class_validator_1.Matches)(event_types_1.SKU_PATTERN), (0, class_validator_jsonschema_1.JSONSchema)(NULLABLE_STRING)];
            _attempts_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            _update_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.update !== null; }), (0, class_validator_1.ValidateNested)(), (0, class_transformer_1.Type)(function () { return ChannelStockUpdateSchema; }), (0, class_validator_jsonschema_1.JSONSchema)(function (schema) { return ({ anyOf: [schema, { type: 'null' }] }); })];
            _payload_decorators = [(0, class_validator_1.Allow)()];
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _attempts_decorators, { kind: "field", name: "attempts", static: false, private: false, access: { has: function (obj) { return "attempts" in obj; }, get: function (obj) { return obj.attempts; }, set: function (obj, value) { obj.attempts = value; } }, metadata: _metadata }, _attempts_initializers, _attempts_extraInitializers);
            __esDecorate(null, null, _update_decorators, { kind: "field", name: "update", static: false, private: false, access: { has: function (obj) { return "update" in obj; }, get: function (obj) { return obj.update; }, set: function (obj, value) { obj.update = value; } }, metadata: _metadata }, _update_initializers, _update_extraInitializers);
            __esDecorate(null, null, _payload_decorators, { kind: "field", name: "payload", static: false, private: false, access: { has: function (obj) { return "payload" in obj; }, get: function (obj) { return obj.payload; }, set: function (obj, value) { obj.payload = value; } }, metadata: _metadata }, _payload_initializers, _payload_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelDeadLetterSchema = ChannelDeadLetterSchema;
