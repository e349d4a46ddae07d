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
exports.POOL_EVENT_SCHEMA = exports.EventResultSchema = exports.ChannelAvailabilitySchema = exports.PoolDeletedSchema = exports.PoolDefinedSchema = void 0;
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
var event_types_1 = require("../events/event-types");
var pool_dtos_1 = require("../pools/pool-dtos");
/*
 * Messages of the topics added with pools and read-your-writes, described like
 * those of message-schema-dtos.ts. The pool events reuse PoolLocationDto, the
 * rule PUT /v1/pools validates locations with; event results implement
 * EventResultMessage. Channel availability follows the contract
 * (shared/ARCHITECTURE.md) until its interface exists, then it should implement it.
 */
var CHANNEL = /^[a-z0-9_-]{1,32}$/;
var POOL_ID = /^[A-Za-z0-9._:-]{1,128}$/;
var PoolEventSchemaBase = function () {
    var _a;
    var _eventId_decorators;
    var _eventId_initializers = [];
    var _eventId_extraInitializers = [];
    var _poolId_decorators;
    var _poolId_initializers = [];
    var _poolId_extraInitializers = [];
    var _occurredAt_decorators;
    var _occurredAt_initializers = [];
    var _occurredAt_extraInitializers = [];
    var _schemaVersion_decorators;
    var _schemaVersion_initializers = [];
    var _schemaVersion_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PoolEventSchemaBase() {
                this.eventId = __runInitializers(this, _eventId_initializers, void 0);
                this.poolId = (__runInitializers(this, _eventId_extraInitializers), __runInitializers(this, _poolId_initializers, void 0));
                this.occurredAt = (__runInitializers(this, _poolId_extraInitializers), __runInitializers(this, _occurredAt_initializers, void 0));
                this.schemaVersion = (__runInitializers(this, _occurredAt_extraInitializers), __runInitializers(this, _schemaVersion_initializers, void 0));
                __runInitializers(this, _schemaVersion_extraInitializers);
            }
            return PoolEventSchemaBase;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _eventId_decorators = [(0, class_validator_1.IsUUID)('all')];
            _poolId_decorators = [(0, class_validator_1.Matches)(POOL_ID)];
            _occurredAt_decorators = [(0, class_validator_1.IsISO8601)({ strict: true })];
            _schemaVersion_decorators = [(0, class_validator_1.Equals)(1)];
            __esDecorate(null, null, _eventId_decorators, { kind: "field", name: "eventId", static: false, private: false, access: { has: function (obj) { return "eventId" in obj; }, get: function (obj) { return obj.eventId; }, set: function (obj, value) { obj.eventId = value; } }, metadata: _metadata }, _eventId_initializers, _eventId_extraInitializers);
            __esDecorate(null, null, _poolId_decorators, { kind: "field", name: "poolId", static: false, private: false, access: { has: function (obj) { return "poolId" in obj; }, get: function (obj) { return obj.poolId; }, set: function (obj, value) { obj.poolId = value; } }, metadata: _metadata }, _poolId_initializers, _poolId_extraInitializers);
            __esDecorate(null, null, _occurredAt_decorators, { kind: "field", name: "occurredAt", static: false, private: false, access: { has: function (obj) { return "occurredAt" in obj; }, get: function (obj) { return obj.occurredAt; }, set: function (obj, value) { obj.occurredAt = value; } }, metadata: _metadata }, _occurredAt_initializers, _occurredAt_extraInitializers);
            __esDecorate(null, null, _schemaVersion_decorators, { kind: "field", name: "schemaVersion", static: false, private: false, access: { has: function (obj) { return "schemaVersion" in obj; }, get: function (obj) { return obj.schemaVersion; }, set: function (obj, value) { obj.schemaVersion = value; } }, metadata: _metadata }, _schemaVersion_initializers, _schemaVersion_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
var PoolDefinedSchema = function () {
    var _a;
    var _classSuper = PoolEventSchemaBase;
    var _type_decorators;
    var _type_initializers = [];
    var _type_extraInitializers = [];
    var _locations_decorators;
    var _locations_initializers = [];
    var _locations_extraInitializers = [];
    var _channels_decorators;
    var _channels_initializers = [];
    var _channels_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(PoolDefinedSchema, _super);
            function PoolDefinedSchema() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.type = __runInitializers(_this, _type_initializers, void 0);
                _this.locations = (__runInitializers(_this, _type_extraInitializers), __runInitializers(_this, _locations_initializers, void 0));
                _this.channels = (__runInitializers(_this, _locations_extraInitializers), __runInitializers(_this, _channels_initializers, void 0));
                __runInitializers(_this, _channels_extraInitializers);
                return _this;
            }
            return PoolDefinedSchema;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _type_decorators = [(0, class_validator_1.IsIn)(['PoolDefined'])];
            _locations_decorators = [(0, class_validator_1.IsArray)(), (0, class_validator_1.ValidateNested)({ each: true }), (0, class_transformer_1.Type)(function () { return pool_dtos_1.PoolLocationDto; })];
            _channels_decorators = [(0, class_validator_1.IsArray)(), (0, class_validator_1.Matches)(CHANNEL, { each: true })];
            __esDecorate(null, null, _type_decorators, { kind: "field", name: "type", static: false, private: false, access: { has: function (obj) { return "type" in obj; }, get: function (obj) { return obj.type; }, set: function (obj, value) { obj.type = value; } }, metadata: _metadata }, _type_initializers, _type_extraInitializers);
            __esDecorate(null, null, _locations_decorators, { kind: "field", name: "locations", static: false, private: false, access: { has: function (obj) { return "locations" in obj; }, get: function (obj) { return obj.locations; }, set: function (obj, value) { obj.locations = value; } }, metadata: _metadata }, _locations_initializers, _locations_extraInitializers);
            __esDecorate(null, null, _channels_decorators, { kind: "field", name: "channels", static: false, private: false, access: { has: function (obj) { return "channels" in obj; }, get: function (obj) { return obj.channels; }, set: function (obj, value) { obj.channels = value; } }, metadata: _metadata }, _channels_initializers, _channels_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PoolDefinedSchema = PoolDefinedSchema;
var PoolDeletedSchema = function () {
    var _a;
    var _classSuper = PoolEventSchemaBase;
    var _type_decorators;
    var _type_initializers = [];
    var _type_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(PoolDeletedSchema, _super);
            function PoolDeletedSchema() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.type = __runInitializers(_this, _type_initializers, void 0);
                __runInitializers(_this, _type_extraInitializers);
                return _this;
            }
            return PoolDeletedSchema;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _type_decorators = [(0, class_validator_1.IsIn)(['PoolDeleted'])];
            __esDecorate(null, null, _type_decorators, { kind: "field", name: "type", static: false, private: false, access: { has: function (obj) { return "type" in obj; }, get: function (obj) { return obj.type; }, set: function (obj, value) { obj.type = value; } }, metadata: _metadata }, _type_initializers, _type_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PoolDeletedSchema = PoolDeletedSchema;
var ChannelAvailabilitySchema = function () {
    var _a;
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _poolId_decorators;
    var _poolId_initializers = [];
    var _poolId_extraInitializers = [];
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _available_decorators;
    var _available_initializers = [];
    var _available_extraInitializers = [];
    var _sellable_decorators;
    var _sellable_initializers = [];
    var _sellable_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ChannelAvailabilitySchema() {
                this.channel = __runInitializers(this, _channel_initializers, void 0);
                this.poolId = (__runInitializers(this, _channel_extraInitializers), __runInitializers(this, _poolId_initializers, void 0));
                this.sku = (__runInitializers(this, _poolId_extraInitializers), __runInitializers(this, _sku_initializers, void 0));
                this.available = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.sellable = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _sellable_initializers, void 0));
                this.version = (__runInitializers(this, _sellable_extraInitializers), __runInitializers(this, _version_initializers, void 0));
                __runInitializers(this, _version_extraInitializers);
            }
            return ChannelAvailabilitySchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _channel_decorators = [(0, class_validator_1.Matches)(CHANNEL)];
            _poolId_decorators = [(0, class_validator_1.Matches)(POOL_ID)];
            _sku_decorators = [(0, class_validator_1.Matches)(event_types_1.SKU_PATTERN)];
            _available_decorators = [(0, class_validator_1.IsInt)()];
            _sellable_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            _version_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _poolId_decorators, { kind: "field", name: "poolId", static: false, private: false, access: { has: function (obj) { return "poolId" in obj; }, get: function (obj) { return obj.poolId; }, set: function (obj, value) { obj.poolId = value; } }, metadata: _metadata }, _poolId_initializers, _poolId_extraInitializers);
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _sellable_decorators, { kind: "field", name: "sellable", static: false, private: false, access: { has: function (obj) { return "sellable" in obj; }, get: function (obj) { return obj.sellable; }, set: function (obj, value) { obj.sellable = value; } }, metadata: _metadata }, _sellable_initializers, _sellable_extraInitializers);
            __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelAvailabilitySchema = ChannelAvailabilitySchema;
var EventResultSchema = function () {
    var _a;
    var _replyTo_decorators;
    var _replyTo_initializers = [];
    var _replyTo_extraInitializers = [];
    var _eventId_decorators;
    var _eventId_initializers = [];
    var _eventId_extraInitializers = [];
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _outcome_decorators;
    var _outcome_initializers = [];
    var _outcome_extraInitializers = [];
    var _code_decorators;
    var _code_initializers = [];
    var _code_extraInitializers = [];
    var _reason_decorators;
    var _reason_initializers = [];
    var _reason_extraInitializers = [];
    var _current_decorators;
    var _current_initializers = [];
    var _current_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    var _onHandDelta_decorators;
    var _onHandDelta_initializers = [];
    var _onHandDelta_extraInitializers = [];
    var _availableDelta_decorators;
    var _availableDelta_initializers = [];
    var _availableDelta_extraInitializers = [];
    return _a = /** @class */ (function () {
            function EventResultSchema() {
                this.replyTo = __runInitializers(this, _replyTo_initializers, void 0);
                this.eventId = (__runInitializers(this, _replyTo_extraInitializers), __runInitializers(this, _eventId_initializers, void 0));
                this.sku = (__runInitializers(this, _eventId_extraInitializers), __runInitializers(this, _sku_initializers, void 0));
                this.outcome = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _outcome_initializers, void 0));
                this.code = (__runInitializers(this, _outcome_extraInitializers), __runInitializers(this, _code_initializers, void 0));
                this.reason = (__runInitializers(this, _code_extraInitializers), __runInitializers(this, _reason_initializers, void 0));
                this.current = (__runInitializers(this, _reason_extraInitializers), __runInitializers(this, _current_initializers, void 0));
                this.version = (__runInitializers(this, _current_extraInitializers), __runInitializers(this, _version_initializers, void 0));
                this.onHandDelta = (__runInitializers(this, _version_extraInitializers), __runInitializers(this, _onHandDelta_initializers, void 0));
                this.availableDelta = (__runInitializers(this, _onHandDelta_extraInitializers), __runInitializers(this, _availableDelta_initializers, void 0));
                __runInitializers(this, _availableDelta_extraInitializers);
            }
            return EventResultSchema;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _replyTo_decorators = [(0, class_validator_1.IsString)()];
            _eventId_decorators = [(0, class_validator_1.IsUUID)('all')];
            _sku_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.sku !== undefined; }), (0, class_validator_1.Matches)(event_types_1.SKU_PATTERN)];
            _outcome_decorators = [(0, class_validator_1.IsIn)(['applied', 'duplicate', 'refused'])];
            _code_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.code !== undefined; }), (0, class_validator_1.IsString)()];
            _reason_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.reason !== undefined; }), (0, class_validator_1.IsString)()];
            _current_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.current !== undefined; }), (0, class_validator_1.IsInt)()];
            _version_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.version !== undefined; }), (0, class_validator_1.IsInt)()];
            _onHandDelta_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.onHandDelta !== undefined; }), (0, class_validator_1.IsInt)()];
            _availableDelta_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.availableDelta !== undefined; }), (0, class_validator_1.IsInt)()];
            __esDecorate(null, null, _replyTo_decorators, { kind: "field", name: "replyTo", static: false, private: false, access: { has: function (obj) { return "replyTo" in obj; }, get: function (obj) { return obj.replyTo; }, set: function (obj, value) { obj.replyTo = value; } }, metadata: _metadata }, _replyTo_initializers, _replyTo_extraInitializers);
            __esDecorate(null, null, _eventId_decorators, { kind: "field", name: "eventId", static: false, private: false, access: { has: function (obj) { return "eventId" in obj; }, get: function (obj) { return obj.eventId; }, set: function (obj, value) { obj.eventId = value; } }, metadata: _metadata }, _eventId_initializers, _eventId_extraInitializers);
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _outcome_decorators, { kind: "field", name: "outcome", static: false, private: false, access: { has: function (obj) { return "outcome" in obj; }, get: function (obj) { return obj.outcome; }, set: function (obj, value) { obj.outcome = value; } }, metadata: _metadata }, _outcome_initializers, _outcome_extraInitializers);
            __esDecorate(null, null, _code_decorators, { kind: "field", name: "code", static: false, private: false, access: { has: function (obj) { return "code" in obj; }, get: function (obj) { return obj.code; }, set: function (obj, value) { obj.code = value; } }, metadata: _metadata }, _code_initializers, _code_extraInitializers);
            __esDecorate(null, null, _reason_decorators, { kind: "field", name: "reason", static: false, private: false, access: { has: function (obj) { return "reason" in obj; }, get: function (obj) { return obj.reason; }, set: function (obj, value) { obj.reason = value; } }, metadata: _metadata }, _reason_initializers, _reason_extraInitializers);
            __esDecorate(null, null, _current_decorators, { kind: "field", name: "current", static: false, private: false, access: { has: function (obj) { return "current" in obj; }, get: function (obj) { return obj.current; }, set: function (obj, value) { obj.current = value; } }, metadata: _metadata }, _current_initializers, _current_extraInitializers);
            __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
            __esDecorate(null, null, _onHandDelta_decorators, { kind: "field", name: "onHandDelta", static: false, private: false, access: { has: function (obj) { return "onHandDelta" in obj; }, get: function (obj) { return obj.onHandDelta; }, set: function (obj, value) { obj.onHandDelta = value; } }, metadata: _metadata }, _onHandDelta_initializers, _onHandDelta_extraInitializers);
            __esDecorate(null, null, _availableDelta_decorators, { kind: "field", name: "availableDelta", static: false, private: false, access: { has: function (obj) { return "availableDelta" in obj; }, get: function (obj) { return obj.availableDelta; }, set: function (obj, value) { obj.availableDelta = value; } }, metadata: _metadata }, _availableDelta_initializers, _availableDelta_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.EventResultSchema = EventResultSchema;
/** PoolDefined or PoolDeleted, told apart by `type`. */
exports.POOL_EVENT_SCHEMA = {
    title: 'PoolEvent',
    oneOf: [
        { $ref: '#/components/schemas/PoolDefined' },
        { $ref: '#/components/schemas/PoolDeleted' },
    ],
};
