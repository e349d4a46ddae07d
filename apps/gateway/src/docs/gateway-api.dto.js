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
exports.JournalPageDto = exports.JournalEntryDto = exports.LocationDeltaDto = exports.StockDto = exports.PoolAvailableDto = exports.LocationStockDto = exports.QuantitiesDto = exports.BulkJobDto = exports.BulkErrorDto = exports.BulkAcceptedDto = exports.EventsAcceptedDto = exports.ErrorDto = exports.FieldProblemDto = void 0;
var swagger_1 = require("@nestjs/swagger");
/*
 * Response shapes of the gateway's own endpoints, for the OpenAPI document
 * only: the handlers return the persistence layer's typed rows, which these
 * mirror field for field (GET /openapi.json is checked against real answers
 * in test/gateway/api-docs.e2e-spec.ts).
 */
var FieldProblemDto = function () {
    var _a;
    var _field_decorators;
    var _field_initializers = [];
    var _field_extraInitializers = [];
    var _messages_decorators;
    var _messages_initializers = [];
    var _messages_extraInitializers = [];
    return _a = /** @class */ (function () {
            function FieldProblemDto() {
                this.field = __runInitializers(this, _field_initializers, void 0);
                this.messages = (__runInitializers(this, _field_extraInitializers), __runInitializers(this, _messages_initializers, void 0));
                __runInitializers(this, _messages_extraInitializers);
            }
            return FieldProblemDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _field_decorators = [(0, swagger_1.ApiProperty)({ example: 'quantity' })];
            _messages_decorators = [(0, swagger_1.ApiProperty)({ type: [String], example: ['quantity must not be less than 1'] })];
            __esDecorate(null, null, _field_decorators, { kind: "field", name: "field", static: false, private: false, access: { has: function (obj) { return "field" in obj; }, get: function (obj) { return obj.field; }, set: function (obj, value) { obj.field = value; } }, metadata: _metadata }, _field_initializers, _field_extraInitializers);
            __esDecorate(null, null, _messages_decorators, { kind: "field", name: "messages", static: false, private: false, access: { has: function (obj) { return "messages" in obj; }, get: function (obj) { return obj.messages; }, set: function (obj, value) { obj.messages = value; } }, metadata: _metadata }, _messages_initializers, _messages_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.FieldProblemDto = FieldProblemDto;
var ErrorDto = function () {
    var _a;
    var _statusCode_decorators;
    var _statusCode_initializers = [];
    var _statusCode_extraInitializers = [];
    var _error_decorators;
    var _error_initializers = [];
    var _error_extraInitializers = [];
    var _message_decorators;
    var _message_initializers = [];
    var _message_extraInitializers = [];
    var _errors_decorators;
    var _errors_initializers = [];
    var _errors_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ErrorDto() {
                this.statusCode = __runInitializers(this, _statusCode_initializers, void 0);
                this.error = (__runInitializers(this, _statusCode_extraInitializers), __runInitializers(this, _error_initializers, void 0));
                this.message = (__runInitializers(this, _error_extraInitializers), __runInitializers(this, _message_initializers, void 0));
                this.errors = (__runInitializers(this, _message_extraInitializers), __runInitializers(this, _errors_initializers, void 0));
                __runInitializers(this, _errors_extraInitializers);
            }
            return ErrorDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _statusCode_decorators = [(0, swagger_1.ApiProperty)({ example: 400 })];
            _error_decorators = [(0, swagger_1.ApiProperty)({ example: 'Bad Request' })];
            _message_decorators = [(0, swagger_1.ApiProperty)({ example: 'validation failed' })];
            _errors_decorators = [(0, swagger_1.ApiPropertyOptional)({
                    type: [FieldProblemDto],
                    description: 'every field problem at once (400 only)',
                })];
            __esDecorate(null, null, _statusCode_decorators, { kind: "field", name: "statusCode", static: false, private: false, access: { has: function (obj) { return "statusCode" in obj; }, get: function (obj) { return obj.statusCode; }, set: function (obj, value) { obj.statusCode = value; } }, metadata: _metadata }, _statusCode_initializers, _statusCode_extraInitializers);
            __esDecorate(null, null, _error_decorators, { kind: "field", name: "error", static: false, private: false, access: { has: function (obj) { return "error" in obj; }, get: function (obj) { return obj.error; }, set: function (obj, value) { obj.error = value; } }, metadata: _metadata }, _error_initializers, _error_extraInitializers);
            __esDecorate(null, null, _message_decorators, { kind: "field", name: "message", static: false, private: false, access: { has: function (obj) { return "message" in obj; }, get: function (obj) { return obj.message; }, set: function (obj, value) { obj.message = value; } }, metadata: _metadata }, _message_initializers, _message_extraInitializers);
            __esDecorate(null, null, _errors_decorators, { kind: "field", name: "errors", static: false, private: false, access: { has: function (obj) { return "errors" in obj; }, get: function (obj) { return obj.errors; }, set: function (obj, value) { obj.errors = value; } }, metadata: _metadata }, _errors_initializers, _errors_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ErrorDto = ErrorDto;
var EventsAcceptedDto = function () {
    var _a;
    var _accepted_decorators;
    var _accepted_initializers = [];
    var _accepted_extraInitializers = [];
    var _eventIds_decorators;
    var _eventIds_initializers = [];
    var _eventIds_extraInitializers = [];
    return _a = /** @class */ (function () {
            function EventsAcceptedDto() {
                this.accepted = __runInitializers(this, _accepted_initializers, void 0);
                this.eventIds = (__runInitializers(this, _accepted_extraInitializers), __runInitializers(this, _eventIds_initializers, void 0));
                __runInitializers(this, _eventIds_extraInitializers);
            }
            return EventsAcceptedDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _accepted_decorators = [(0, swagger_1.ApiProperty)({ example: 1 })];
            _eventIds_decorators = [(0, swagger_1.ApiProperty)({ type: [String], format: 'uuid' })];
            __esDecorate(null, null, _accepted_decorators, { kind: "field", name: "accepted", static: false, private: false, access: { has: function (obj) { return "accepted" in obj; }, get: function (obj) { return obj.accepted; }, set: function (obj, value) { obj.accepted = value; } }, metadata: _metadata }, _accepted_initializers, _accepted_extraInitializers);
            __esDecorate(null, null, _eventIds_decorators, { kind: "field", name: "eventIds", static: false, private: false, access: { has: function (obj) { return "eventIds" in obj; }, get: function (obj) { return obj.eventIds; }, set: function (obj, value) { obj.eventIds = value; } }, metadata: _metadata }, _eventIds_initializers, _eventIds_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.EventsAcceptedDto = EventsAcceptedDto;
var BulkAcceptedDto = function () {
    var _a;
    var _bulkId_decorators;
    var _bulkId_initializers = [];
    var _bulkId_extraInitializers = [];
    return _a = /** @class */ (function () {
            function BulkAcceptedDto() {
                this.bulkId = __runInitializers(this, _bulkId_initializers, void 0);
                __runInitializers(this, _bulkId_extraInitializers);
            }
            return BulkAcceptedDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _bulkId_decorators = [(0, swagger_1.ApiProperty)({ format: 'uuid' })];
            __esDecorate(null, null, _bulkId_decorators, { kind: "field", name: "bulkId", static: false, private: false, access: { has: function (obj) { return "bulkId" in obj; }, get: function (obj) { return obj.bulkId; }, set: function (obj, value) { obj.bulkId = value; } }, metadata: _metadata }, _bulkId_initializers, _bulkId_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.BulkAcceptedDto = BulkAcceptedDto;
var BulkErrorDto = function () {
    var _a;
    var _classSuper = FieldProblemDto;
    var _index_decorators;
    var _index_initializers = [];
    var _index_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(BulkErrorDto, _super);
            function BulkErrorDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.index = __runInitializers(_this, _index_initializers, void 0);
                __runInitializers(_this, _index_extraInitializers);
                return _this;
            }
            return BulkErrorDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _index_decorators = [(0, swagger_1.ApiProperty)({ description: 'position of the event in the submitted array' })];
            __esDecorate(null, null, _index_decorators, { kind: "field", name: "index", static: false, private: false, access: { has: function (obj) { return "index" in obj; }, get: function (obj) { return obj.index; }, set: function (obj, value) { obj.index = value; } }, metadata: _metadata }, _index_initializers, _index_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.BulkErrorDto = BulkErrorDto;
var BulkJobDto = function () {
    var _a;
    var _bulkId_decorators;
    var _bulkId_initializers = [];
    var _bulkId_extraInitializers = [];
    var _status_decorators;
    var _status_initializers = [];
    var _status_extraInitializers = [];
    var _total_decorators;
    var _total_initializers = [];
    var _total_extraInitializers = [];
    var _accepted_decorators;
    var _accepted_initializers = [];
    var _accepted_extraInitializers = [];
    var _rejected_decorators;
    var _rejected_initializers = [];
    var _rejected_extraInitializers = [];
    var _errors_decorators;
    var _errors_initializers = [];
    var _errors_extraInitializers = [];
    return _a = /** @class */ (function () {
            function BulkJobDto() {
                this.bulkId = __runInitializers(this, _bulkId_initializers, void 0);
                this.status = (__runInitializers(this, _bulkId_extraInitializers), __runInitializers(this, _status_initializers, void 0));
                this.total = (__runInitializers(this, _status_extraInitializers), __runInitializers(this, _total_initializers, void 0));
                this.accepted = (__runInitializers(this, _total_extraInitializers), __runInitializers(this, _accepted_initializers, void 0));
                this.rejected = (__runInitializers(this, _accepted_extraInitializers), __runInitializers(this, _rejected_initializers, void 0));
                this.errors = (__runInitializers(this, _rejected_extraInitializers), __runInitializers(this, _errors_initializers, void 0));
                __runInitializers(this, _errors_extraInitializers);
            }
            return BulkJobDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _bulkId_decorators = [(0, swagger_1.ApiProperty)({ format: 'uuid' })];
            _status_decorators = [(0, swagger_1.ApiProperty)({ enum: ['processing', 'completed', 'failed'] })];
            _total_decorators = [(0, swagger_1.ApiProperty)()];
            _accepted_decorators = [(0, swagger_1.ApiProperty)()];
            _rejected_decorators = [(0, swagger_1.ApiProperty)()];
            _errors_decorators = [(0, swagger_1.ApiProperty)({ type: [BulkErrorDto], description: 'at most 1,000 kept per job' })];
            __esDecorate(null, null, _bulkId_decorators, { kind: "field", name: "bulkId", static: false, private: false, access: { has: function (obj) { return "bulkId" in obj; }, get: function (obj) { return obj.bulkId; }, set: function (obj, value) { obj.bulkId = value; } }, metadata: _metadata }, _bulkId_initializers, _bulkId_extraInitializers);
            __esDecorate(null, null, _status_decorators, { kind: "field", name: "status", static: false, private: false, access: { has: function (obj) { return "status" in obj; }, get: function (obj) { return obj.status; }, set: function (obj, value) { obj.status = value; } }, metadata: _metadata }, _status_initializers, _status_extraInitializers);
            __esDecorate(null, null, _total_decorators, { kind: "field", name: "total", static: false, private: false, access: { has: function (obj) { return "total" in obj; }, get: function (obj) { return obj.total; }, set: function (obj, value) { obj.total = value; } }, metadata: _metadata }, _total_initializers, _total_extraInitializers);
            __esDecorate(null, null, _accepted_decorators, { kind: "field", name: "accepted", static: false, private: false, access: { has: function (obj) { return "accepted" in obj; }, get: function (obj) { return obj.accepted; }, set: function (obj, value) { obj.accepted = value; } }, metadata: _metadata }, _accepted_initializers, _accepted_extraInitializers);
            __esDecorate(null, null, _rejected_decorators, { kind: "field", name: "rejected", static: false, private: false, access: { has: function (obj) { return "rejected" in obj; }, get: function (obj) { return obj.rejected; }, set: function (obj, value) { obj.rejected = value; } }, metadata: _metadata }, _rejected_initializers, _rejected_extraInitializers);
            __esDecorate(null, null, _errors_decorators, { kind: "field", name: "errors", static: false, private: false, access: { has: function (obj) { return "errors" in obj; }, get: function (obj) { return obj.errors; }, set: function (obj, value) { obj.errors = value; } }, metadata: _metadata }, _errors_initializers, _errors_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.BulkJobDto = BulkJobDto;
var QuantitiesDto = function () {
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
            function QuantitiesDto() {
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
            return QuantitiesDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _on_hand_decorators = [(0, swagger_1.ApiProperty)({ description: 'available + committed + reserved + damaged + quality_control + safety_stock' })];
            _available_decorators = [(0, swagger_1.ApiProperty)({ description: 'the only quantity that can be reserved or sold to channels' })];
            _committed_decorators = [(0, swagger_1.ApiProperty)({ description: 'order reservations' })];
            _reserved_decorators = [(0, swagger_1.ApiProperty)({ description: 'cart holds' })];
            _damaged_decorators = [(0, swagger_1.ApiProperty)()];
            _quality_control_decorators = [(0, swagger_1.ApiProperty)()];
            _safety_stock_decorators = [(0, swagger_1.ApiProperty)()];
            _incoming_decorators = [(0, swagger_1.ApiProperty)({ description: 'expected against open documents; not on hand' })];
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
exports.QuantitiesDto = QuantitiesDto;
var LocationStockDto = function () {
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
            function LocationStockDto() {
                this.locationId = __runInitializers(this, _locationId_initializers, void 0);
                this.onHand = (__runInitializers(this, _locationId_extraInitializers), __runInitializers(this, _onHand_initializers, void 0));
                this.reserved = (__runInitializers(this, _onHand_extraInitializers), __runInitializers(this, _reserved_initializers, void 0));
                this.available = (__runInitializers(this, _reserved_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.quantities = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _quantities_initializers, void 0));
                __runInitializers(this, _quantities_extraInitializers);
            }
            return LocationStockDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _locationId_decorators = [(0, swagger_1.ApiProperty)({ example: 'WH-EAST' })];
            _onHand_decorators = [(0, swagger_1.ApiProperty)({ example: 5 })];
            _reserved_decorators = [(0, swagger_1.ApiProperty)({ example: 1, description: 'committed + held here' })];
            _available_decorators = [(0, swagger_1.ApiProperty)({ example: 4, description: 'negative when oversold' })];
            _quantities_decorators = [(0, swagger_1.ApiProperty)({ type: QuantitiesDto })];
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            __esDecorate(null, null, _onHand_decorators, { kind: "field", name: "onHand", static: false, private: false, access: { has: function (obj) { return "onHand" in obj; }, get: function (obj) { return obj.onHand; }, set: function (obj, value) { obj.onHand = value; } }, metadata: _metadata }, _onHand_initializers, _onHand_extraInitializers);
            __esDecorate(null, null, _reserved_decorators, { kind: "field", name: "reserved", static: false, private: false, access: { has: function (obj) { return "reserved" in obj; }, get: function (obj) { return obj.reserved; }, set: function (obj, value) { obj.reserved = value; } }, metadata: _metadata }, _reserved_initializers, _reserved_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _quantities_decorators, { kind: "field", name: "quantities", static: false, private: false, access: { has: function (obj) { return "quantities" in obj; }, get: function (obj) { return obj.quantities; }, set: function (obj, value) { obj.quantities = value; } }, metadata: _metadata }, _quantities_initializers, _quantities_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.LocationStockDto = LocationStockDto;
var PoolAvailableDto = function () {
    var _a;
    var _poolId_decorators;
    var _poolId_initializers = [];
    var _poolId_extraInitializers = [];
    var _available_decorators;
    var _available_initializers = [];
    var _available_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PoolAvailableDto() {
                this.poolId = __runInitializers(this, _poolId_initializers, void 0);
                this.available = (__runInitializers(this, _poolId_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                __runInitializers(this, _available_extraInitializers);
            }
            return PoolAvailableDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _poolId_decorators = [(0, swagger_1.ApiProperty)({ example: 'default' })];
            _available_decorators = [(0, swagger_1.ApiProperty)({ description: "sum of its locations' available (a location below zero counts 0)" })];
            __esDecorate(null, null, _poolId_decorators, { kind: "field", name: "poolId", static: false, private: false, access: { has: function (obj) { return "poolId" in obj; }, get: function (obj) { return obj.poolId; }, set: function (obj, value) { obj.poolId = value; } }, metadata: _metadata }, _poolId_initializers, _poolId_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PoolAvailableDto = PoolAvailableDto;
var StockDto = function () {
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
    var _quantities_decorators;
    var _quantities_initializers = [];
    var _quantities_extraInitializers = [];
    var _pools_decorators;
    var _pools_initializers = [];
    var _pools_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    return _a = /** @class */ (function () {
            function StockDto() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                this.onHand = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _onHand_initializers, void 0));
                this.reserved = (__runInitializers(this, _onHand_extraInitializers), __runInitializers(this, _reserved_initializers, void 0));
                this.available = (__runInitializers(this, _reserved_extraInitializers), __runInitializers(this, _available_initializers, void 0));
                this.locations = (__runInitializers(this, _available_extraInitializers), __runInitializers(this, _locations_initializers, void 0));
                this.quantities = (__runInitializers(this, _locations_extraInitializers), __runInitializers(this, _quantities_initializers, void 0));
                this.pools = (__runInitializers(this, _quantities_extraInitializers), __runInitializers(this, _pools_initializers, void 0));
                this.version = (__runInitializers(this, _pools_extraInitializers), __runInitializers(this, _version_initializers, void 0));
                __runInitializers(this, _version_extraInitializers);
            }
            return StockDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, swagger_1.ApiProperty)({ example: 'TSHIRT-RED-M' })];
            _onHand_decorators = [(0, swagger_1.ApiProperty)({ example: 5 })];
            _reserved_decorators = [(0, swagger_1.ApiProperty)({ example: 1, description: 'quantities.committed + quantities.reserved' })];
            _available_decorators = [(0, swagger_1.ApiProperty)({ example: 4, description: 'onHand - reserved' })];
            _locations_decorators = [(0, swagger_1.ApiProperty)({ type: [LocationStockDto] })];
            _quantities_decorators = [(0, swagger_1.ApiProperty)({ type: QuantitiesDto })];
            _pools_decorators = [(0, swagger_1.ApiProperty)({ type: [PoolAvailableDto] })];
            _version_decorators = [(0, swagger_1.ApiProperty)({ example: 3, description: 'events applied to the SKU so far' })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _onHand_decorators, { kind: "field", name: "onHand", static: false, private: false, access: { has: function (obj) { return "onHand" in obj; }, get: function (obj) { return obj.onHand; }, set: function (obj, value) { obj.onHand = value; } }, metadata: _metadata }, _onHand_initializers, _onHand_extraInitializers);
            __esDecorate(null, null, _reserved_decorators, { kind: "field", name: "reserved", static: false, private: false, access: { has: function (obj) { return "reserved" in obj; }, get: function (obj) { return obj.reserved; }, set: function (obj, value) { obj.reserved = value; } }, metadata: _metadata }, _reserved_initializers, _reserved_extraInitializers);
            __esDecorate(null, null, _available_decorators, { kind: "field", name: "available", static: false, private: false, access: { has: function (obj) { return "available" in obj; }, get: function (obj) { return obj.available; }, set: function (obj, value) { obj.available = value; } }, metadata: _metadata }, _available_initializers, _available_extraInitializers);
            __esDecorate(null, null, _locations_decorators, { kind: "field", name: "locations", static: false, private: false, access: { has: function (obj) { return "locations" in obj; }, get: function (obj) { return obj.locations; }, set: function (obj, value) { obj.locations = value; } }, metadata: _metadata }, _locations_initializers, _locations_extraInitializers);
            __esDecorate(null, null, _quantities_decorators, { kind: "field", name: "quantities", static: false, private: false, access: { has: function (obj) { return "quantities" in obj; }, get: function (obj) { return obj.quantities; }, set: function (obj, value) { obj.quantities = value; } }, metadata: _metadata }, _quantities_initializers, _quantities_extraInitializers);
            __esDecorate(null, null, _pools_decorators, { kind: "field", name: "pools", static: false, private: false, access: { has: function (obj) { return "pools" in obj; }, get: function (obj) { return obj.pools; }, set: function (obj, value) { obj.pools = value; } }, metadata: _metadata }, _pools_initializers, _pools_extraInitializers);
            __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockDto = StockDto;
var LocationDeltaDto = function () {
    var _a;
    var _locationId_decorators;
    var _locationId_initializers = [];
    var _locationId_extraInitializers = [];
    var _delta_decorators;
    var _delta_initializers = [];
    var _delta_extraInitializers = [];
    return _a = /** @class */ (function () {
            function LocationDeltaDto() {
                this.locationId = __runInitializers(this, _locationId_initializers, void 0);
                this.delta = (__runInitializers(this, _locationId_extraInitializers), __runInitializers(this, _delta_initializers, void 0));
                __runInitializers(this, _delta_extraInitializers);
            }
            return LocationDeltaDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _locationId_decorators = [(0, swagger_1.ApiProperty)()];
            _delta_decorators = [(0, swagger_1.ApiProperty)()];
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            __esDecorate(null, null, _delta_decorators, { kind: "field", name: "delta", static: false, private: false, access: { has: function (obj) { return "delta" in obj; }, get: function (obj) { return obj.delta; }, set: function (obj, value) { obj.delta = value; } }, metadata: _metadata }, _delta_initializers, _delta_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.LocationDeltaDto = LocationDeltaDto;
var JournalEntryDto = function () {
    var _a;
    var _eventId_decorators;
    var _eventId_initializers = [];
    var _eventId_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    var _type_decorators;
    var _type_initializers = [];
    var _type_extraInitializers = [];
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _occurredAt_decorators;
    var _occurredAt_initializers = [];
    var _occurredAt_extraInitializers = [];
    var _onHandDelta_decorators;
    var _onHandDelta_initializers = [];
    var _onHandDelta_extraInitializers = [];
    var _reservedDelta_decorators;
    var _reservedDelta_initializers = [];
    var _reservedDelta_extraInitializers = [];
    var _locationDeltas_decorators;
    var _locationDeltas_initializers = [];
    var _locationDeltas_extraInitializers = [];
    var _reservationId_decorators;
    var _reservationId_initializers = [];
    var _reservationId_extraInitializers = [];
    var _wentNegative_decorators;
    var _wentNegative_initializers = [];
    var _wentNegative_extraInitializers = [];
    var _recordedAt_decorators;
    var _recordedAt_initializers = [];
    var _recordedAt_extraInitializers = [];
    return _a = /** @class */ (function () {
            function JournalEntryDto() {
                this.eventId = __runInitializers(this, _eventId_initializers, void 0);
                this.version = (__runInitializers(this, _eventId_extraInitializers), __runInitializers(this, _version_initializers, void 0));
                this.type = (__runInitializers(this, _version_extraInitializers), __runInitializers(this, _type_initializers, void 0));
                this.channel = (__runInitializers(this, _type_extraInitializers), __runInitializers(this, _channel_initializers, void 0));
                this.occurredAt = (__runInitializers(this, _channel_extraInitializers), __runInitializers(this, _occurredAt_initializers, void 0));
                this.onHandDelta = (__runInitializers(this, _occurredAt_extraInitializers), __runInitializers(this, _onHandDelta_initializers, void 0));
                this.reservedDelta = (__runInitializers(this, _onHandDelta_extraInitializers), __runInitializers(this, _reservedDelta_initializers, void 0));
                this.locationDeltas = (__runInitializers(this, _reservedDelta_extraInitializers), __runInitializers(this, _locationDeltas_initializers, void 0));
                this.reservationId = (__runInitializers(this, _locationDeltas_extraInitializers), __runInitializers(this, _reservationId_initializers, void 0));
                this.wentNegative = (__runInitializers(this, _reservationId_extraInitializers), __runInitializers(this, _wentNegative_initializers, void 0));
                this.recordedAt = (__runInitializers(this, _wentNegative_extraInitializers), __runInitializers(this, _recordedAt_initializers, void 0));
                __runInitializers(this, _recordedAt_extraInitializers);
            }
            return JournalEntryDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _eventId_decorators = [(0, swagger_1.ApiProperty)({ format: 'uuid' })];
            _version_decorators = [(0, swagger_1.ApiProperty)()];
            _type_decorators = [(0, swagger_1.ApiProperty)({ example: 'StockReceived' })];
            _channel_decorators = [(0, swagger_1.ApiProperty)()];
            _occurredAt_decorators = [(0, swagger_1.ApiProperty)({ format: 'date-time' })];
            _onHandDelta_decorators = [(0, swagger_1.ApiProperty)()];
            _reservedDelta_decorators = [(0, swagger_1.ApiProperty)()];
            _locationDeltas_decorators = [(0, swagger_1.ApiProperty)({ type: [LocationDeltaDto] })];
            _reservationId_decorators = [(0, swagger_1.ApiProperty)({ nullable: true, type: String })];
            _wentNegative_decorators = [(0, swagger_1.ApiProperty)()];
            _recordedAt_decorators = [(0, swagger_1.ApiProperty)({ format: 'date-time' })];
            __esDecorate(null, null, _eventId_decorators, { kind: "field", name: "eventId", static: false, private: false, access: { has: function (obj) { return "eventId" in obj; }, get: function (obj) { return obj.eventId; }, set: function (obj, value) { obj.eventId = value; } }, metadata: _metadata }, _eventId_initializers, _eventId_extraInitializers);
            __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
            __esDecorate(null, null, _type_decorators, { kind: "field", name: "type", static: false, private: false, access: { has: function (obj) { return "type" in obj; }, get: function (obj) { return obj.type; }, set: function (obj, value) { obj.type = value; } }, metadata: _metadata }, _type_initializers, _type_extraInitializers);
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _occurredAt_decorators, { kind: "field", name: "occurredAt", static: false, private: false, access: { has: function (obj) { return "occurredAt" in obj; }, get: function (obj) { return obj.occurredAt; }, set: function (obj, value) { obj.occurredAt = value; } }, metadata: _metadata }, _occurredAt_initializers, _occurredAt_extraInitializers);
            __esDecorate(null, null, _onHandDelta_decorators, { kind: "field", name: "onHandDelta", static: false, private: false, access: { has: function (obj) { return "onHandDelta" in obj; }, get: function (obj) { return obj.onHandDelta; }, set: function (obj, value) { obj.onHandDelta = value; } }, metadata: _metadata }, _onHandDelta_initializers, _onHandDelta_extraInitializers);
            __esDecorate(null, null, _reservedDelta_decorators, { kind: "field", name: "reservedDelta", static: false, private: false, access: { has: function (obj) { return "reservedDelta" in obj; }, get: function (obj) { return obj.reservedDelta; }, set: function (obj, value) { obj.reservedDelta = value; } }, metadata: _metadata }, _reservedDelta_initializers, _reservedDelta_extraInitializers);
            __esDecorate(null, null, _locationDeltas_decorators, { kind: "field", name: "locationDeltas", static: false, private: false, access: { has: function (obj) { return "locationDeltas" in obj; }, get: function (obj) { return obj.locationDeltas; }, set: function (obj, value) { obj.locationDeltas = value; } }, metadata: _metadata }, _locationDeltas_initializers, _locationDeltas_extraInitializers);
            __esDecorate(null, null, _reservationId_decorators, { kind: "field", name: "reservationId", static: false, private: false, access: { has: function (obj) { return "reservationId" in obj; }, get: function (obj) { return obj.reservationId; }, set: function (obj, value) { obj.reservationId = value; } }, metadata: _metadata }, _reservationId_initializers, _reservationId_extraInitializers);
            __esDecorate(null, null, _wentNegative_decorators, { kind: "field", name: "wentNegative", static: false, private: false, access: { has: function (obj) { return "wentNegative" in obj; }, get: function (obj) { return obj.wentNegative; }, set: function (obj, value) { obj.wentNegative = value; } }, metadata: _metadata }, _wentNegative_initializers, _wentNegative_extraInitializers);
            __esDecorate(null, null, _recordedAt_decorators, { kind: "field", name: "recordedAt", static: false, private: false, access: { has: function (obj) { return "recordedAt" in obj; }, get: function (obj) { return obj.recordedAt; }, set: function (obj, value) { obj.recordedAt = value; } }, metadata: _metadata }, _recordedAt_initializers, _recordedAt_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.JournalEntryDto = JournalEntryDto;
var JournalPageDto = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _entries_decorators;
    var _entries_initializers = [];
    var _entries_extraInitializers = [];
    var _nextBefore_decorators;
    var _nextBefore_initializers = [];
    var _nextBefore_extraInitializers = [];
    return _a = /** @class */ (function () {
            function JournalPageDto() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                this.entries = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _entries_initializers, void 0));
                this.nextBefore = (__runInitializers(this, _entries_extraInitializers), __runInitializers(this, _nextBefore_initializers, void 0));
                __runInitializers(this, _nextBefore_extraInitializers);
            }
            return JournalPageDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, swagger_1.ApiProperty)()];
            _entries_decorators = [(0, swagger_1.ApiProperty)({ type: [JournalEntryDto], description: 'newest first' })];
            _nextBefore_decorators = [(0, swagger_1.ApiProperty)({ nullable: true, type: Number, description: 'pass as `before` for the next page' })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _entries_decorators, { kind: "field", name: "entries", static: false, private: false, access: { has: function (obj) { return "entries" in obj; }, get: function (obj) { return obj.entries; }, set: function (obj, value) { obj.entries = value; } }, metadata: _metadata }, _entries_initializers, _entries_extraInitializers);
            __esDecorate(null, null, _nextBefore_decorators, { kind: "field", name: "nextBefore", static: false, private: false, access: { has: function (obj) { return "nextBefore" in obj; }, get: function (obj) { return obj.nextBefore; }, set: function (obj, value) { obj.nextBefore = value; } }, metadata: _metadata }, _nextBefore_initializers, _nextBefore_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.JournalPageDto = JournalPageDto;
