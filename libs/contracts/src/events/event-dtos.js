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
exports.EVENT_DTOS = exports.IncomingCancelledDto = exports.StockIncomingDto = exports.StockStateChangedDto = exports.StockTransferredDto = exports.ReservationReleasedDto = exports.StockReservedDto = exports.ReservationFulfilledDto = exports.StockCountedDto = exports.StockAdjustedDto = exports.ItemSoldDto = exports.StockReceivedDto = exports.EventBaseDto = exports.MAX_ALLOCATIONS = exports.MAX_QUANTITY = exports.MAX_METADATA_BYTES = void 0;
var class_validator_1 = require("class-validator");
var event_types_1 = require("./event-types");
/** `metadata` rides along on every event and into the journal, so it must stay small. */
exports.MAX_METADATA_BYTES = 2048;
/** Upper bound of any quantity: keeps journal deltas within a 32-bit column and catches typos. */
exports.MAX_QUANTITY = 1000000000;
/** A reservation split over more locations than this is a mistake, not a plan. */
exports.MAX_ALLOCATIONS = 50;
var ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
var ID_MESSAGE = '$property must be 1-128 characters of letters, digits, . _ : -';
function IsSmallJson(maxBytes) {
    return function (target, propertyName) {
        return (0, class_validator_1.registerDecorator)({
            name: 'isSmallJson',
            target: target.constructor,
            propertyName: propertyName,
            constraints: [maxBytes],
            options: { message: function (a) { return "".concat(a.property, " must serialize to at most ").concat(maxBytes, " bytes"); } },
            validator: {
                validate: function (value) { return value === undefined || Buffer.byteLength(JSON.stringify(value)) <= maxBytes; },
            },
        });
    };
}
var REFERENCE_REQUIRED = ['StockIncoming', 'IncomingCancelled'];
/** Fields every event carries. Class-validator rules mirror the contract's table. */
var EventBaseDto = function () {
    var _a;
    var _eventId_decorators;
    var _eventId_initializers = [];
    var _eventId_extraInitializers = [];
    var _type_decorators;
    var _type_initializers = [];
    var _type_extraInitializers = [];
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _occurredAt_decorators;
    var _occurredAt_initializers = [];
    var _occurredAt_extraInitializers = [];
    var _schemaVersion_decorators;
    var _schemaVersion_initializers = [];
    var _schemaVersion_extraInitializers = [];
    var _metadata_decorators;
    var _metadata_initializers = [];
    var _metadata_extraInitializers = [];
    var _referenceDocumentUri_decorators;
    var _referenceDocumentUri_initializers = [];
    var _referenceDocumentUri_extraInitializers = [];
    return _a = /** @class */ (function () {
            function EventBaseDto() {
                this.eventId = __runInitializers(this, _eventId_initializers, void 0);
                this.type = (__runInitializers(this, _eventId_extraInitializers), __runInitializers(this, _type_initializers, void 0));
                this.sku = (__runInitializers(this, _type_extraInitializers), __runInitializers(this, _sku_initializers, void 0));
                this.channel = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _channel_initializers, void 0));
                this.occurredAt = (__runInitializers(this, _channel_extraInitializers), __runInitializers(this, _occurredAt_initializers, void 0));
                this.schemaVersion = (__runInitializers(this, _occurredAt_extraInitializers), __runInitializers(this, _schemaVersion_initializers, void 0));
                // Absent is fine; null is not an object (IsOptional would let null through).
                this.metadata = (__runInitializers(this, _schemaVersion_extraInitializers), __runInitializers(this, _metadata_initializers, void 0));
                // Optional, except on the events that are about a document (StockIncoming, IncomingCancelled).
                this.referenceDocumentUri = (__runInitializers(this, _metadata_extraInitializers), __runInitializers(this, _referenceDocumentUri_initializers, void 0));
                __runInitializers(this, _referenceDocumentUri_extraInitializers);
            }
            return EventBaseDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _eventId_decorators = [(0, class_validator_1.IsUUID)('all')];
            _type_decorators = [(0, class_validator_1.IsIn)(event_types_1.EVENT_TYPES)];
            _sku_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(event_types_1.SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })];
            _channel_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(/^[a-z0-9_-]{1,32}$/, { message: 'channel must be 1-32 characters of a-z, 0-9, _ or -' })];
            _occurredAt_decorators = [(0, class_validator_1.IsISO8601)({ strict: true })];
            _schemaVersion_decorators = [(0, class_validator_1.Equals)(event_types_1.SCHEMA_VERSION)];
            _metadata_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.metadata !== undefined; }), (0, class_validator_1.IsObject)(), IsSmallJson(exports.MAX_METADATA_BYTES)];
            _referenceDocumentUri_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.referenceDocumentUri !== undefined || REFERENCE_REQUIRED.includes(o.type); }), (0, class_validator_1.IsString)(), (0, class_validator_1.IsNotEmpty)(), (0, class_validator_1.MaxLength)(event_types_1.MAX_REFERENCE_LENGTH)];
            __esDecorate(null, null, _eventId_decorators, { kind: "field", name: "eventId", static: false, private: false, access: { has: function (obj) { return "eventId" in obj; }, get: function (obj) { return obj.eventId; }, set: function (obj, value) { obj.eventId = value; } }, metadata: _metadata }, _eventId_initializers, _eventId_extraInitializers);
            __esDecorate(null, null, _type_decorators, { kind: "field", name: "type", static: false, private: false, access: { has: function (obj) { return "type" in obj; }, get: function (obj) { return obj.type; }, set: function (obj, value) { obj.type = value; } }, metadata: _metadata }, _type_initializers, _type_extraInitializers);
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _occurredAt_decorators, { kind: "field", name: "occurredAt", static: false, private: false, access: { has: function (obj) { return "occurredAt" in obj; }, get: function (obj) { return obj.occurredAt; }, set: function (obj, value) { obj.occurredAt = value; } }, metadata: _metadata }, _occurredAt_initializers, _occurredAt_extraInitializers);
            __esDecorate(null, null, _schemaVersion_decorators, { kind: "field", name: "schemaVersion", static: false, private: false, access: { has: function (obj) { return "schemaVersion" in obj; }, get: function (obj) { return obj.schemaVersion; }, set: function (obj, value) { obj.schemaVersion = value; } }, metadata: _metadata }, _schemaVersion_initializers, _schemaVersion_extraInitializers);
            __esDecorate(null, null, _metadata_decorators, { kind: "field", name: "metadata", static: false, private: false, access: { has: function (obj) { return "metadata" in obj; }, get: function (obj) { return obj.metadata; }, set: function (obj, value) { obj.metadata = value; } }, metadata: _metadata }, _metadata_initializers, _metadata_extraInitializers);
            __esDecorate(null, null, _referenceDocumentUri_decorators, { kind: "field", name: "referenceDocumentUri", static: false, private: false, access: { has: function (obj) { return "referenceDocumentUri" in obj; }, get: function (obj) { return obj.referenceDocumentUri; }, set: function (obj, value) { obj.referenceDocumentUri = value; } }, metadata: _metadata }, _referenceDocumentUri_initializers, _referenceDocumentUri_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.EventBaseDto = EventBaseDto;
var LocationEventDto = function () {
    var _a;
    var _classSuper = EventBaseDto;
    var _locationId_decorators;
    var _locationId_initializers = [];
    var _locationId_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(LocationEventDto, _super);
            function LocationEventDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.locationId = __runInitializers(_this, _locationId_initializers, void 0);
                __runInitializers(_this, _locationId_extraInitializers);
                return _this;
            }
            return LocationEventDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _locationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
var StockReceivedDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockReceivedDto, _super);
            function StockReceivedDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.quantity = __runInitializers(_this, _quantity_initializers, void 0);
                __runInitializers(_this, _quantity_extraInitializers);
                return _this;
            }
            return StockReceivedDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockReceivedDto = StockReceivedDto;
var ItemSoldDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(ItemSoldDto, _super);
            function ItemSoldDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.quantity = __runInitializers(_this, _quantity_initializers, void 0);
                __runInitializers(_this, _quantity_extraInitializers);
                return _this;
            }
            return ItemSoldDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ItemSoldDto = ItemSoldDto;
var StockAdjustedDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _delta_decorators;
    var _delta_initializers = [];
    var _delta_extraInitializers = [];
    var _reason_decorators;
    var _reason_initializers = [];
    var _reason_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockAdjustedDto, _super);
            function StockAdjustedDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.delta = __runInitializers(_this, _delta_initializers, void 0);
                _this.reason = (__runInitializers(_this, _delta_extraInitializers), __runInitializers(_this, _reason_initializers, void 0));
                __runInitializers(_this, _reason_extraInitializers);
                return _this;
            }
            return StockAdjustedDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _delta_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.NotEquals)(0), (0, class_validator_1.Min)(-exports.MAX_QUANTITY), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            _reason_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.IsNotEmpty)(), (0, class_validator_1.MaxLength)(64)];
            __esDecorate(null, null, _delta_decorators, { kind: "field", name: "delta", static: false, private: false, access: { has: function (obj) { return "delta" in obj; }, get: function (obj) { return obj.delta; }, set: function (obj, value) { obj.delta = value; } }, metadata: _metadata }, _delta_initializers, _delta_extraInitializers);
            __esDecorate(null, null, _reason_decorators, { kind: "field", name: "reason", static: false, private: false, access: { has: function (obj) { return "reason" in obj; }, get: function (obj) { return obj.reason; }, set: function (obj, value) { obj.reason = value; } }, metadata: _metadata }, _reason_initializers, _reason_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockAdjustedDto = StockAdjustedDto;
var StockCountedDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _countedQuantity_decorators;
    var _countedQuantity_initializers = [];
    var _countedQuantity_extraInitializers = [];
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _changeFromQuantity_decorators;
    var _changeFromQuantity_initializers = [];
    var _changeFromQuantity_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockCountedDto, _super);
            function StockCountedDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.countedQuantity = __runInitializers(_this, _countedQuantity_initializers, void 0);
                _this.name = (__runInitializers(_this, _countedQuantity_extraInitializers), __runInitializers(_this, _name_initializers, void 0));
                _this.changeFromQuantity = (__runInitializers(_this, _name_extraInitializers), __runInitializers(_this, _changeFromQuantity_initializers, void 0));
                __runInitializers(_this, _changeFromQuantity_extraInitializers);
                return _this;
            }
            return StockCountedDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _countedQuantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            _name_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.name !== undefined; }), (0, class_validator_1.IsIn)(event_types_1.SETTABLE_QUANTITIES)];
            _changeFromQuantity_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.changeFromQuantity !== undefined && o.changeFromQuantity !== null; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(-exports.MAX_QUANTITY), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            __esDecorate(null, null, _countedQuantity_decorators, { kind: "field", name: "countedQuantity", static: false, private: false, access: { has: function (obj) { return "countedQuantity" in obj; }, get: function (obj) { return obj.countedQuantity; }, set: function (obj, value) { obj.countedQuantity = value; } }, metadata: _metadata }, _countedQuantity_initializers, _countedQuantity_extraInitializers);
            __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
            __esDecorate(null, null, _changeFromQuantity_decorators, { kind: "field", name: "changeFromQuantity", static: false, private: false, access: { has: function (obj) { return "changeFromQuantity" in obj; }, get: function (obj) { return obj.changeFromQuantity; }, set: function (obj, value) { obj.changeFromQuantity = value; } }, metadata: _metadata }, _changeFromQuantity_initializers, _changeFromQuantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockCountedDto = StockCountedDto;
/**
 * 1 to MAX_ALLOCATIONS rows of exactly {locationId, quantity}. A custom rule, not
 * ValidateNested: events are validated as the plain objects JSON.parse gives
 * (see parseEvent), and nested DTO classes would need class-transformer there.
 * That they add up to `quantity` is checked in parse-event.ts.
 */
function IsAllocations() {
    return function (target, propertyName) {
        return (0, class_validator_1.registerDecorator)({
            name: 'isAllocations',
            target: target.constructor,
            propertyName: propertyName,
            options: {
                message: "allocations must be 1-".concat(exports.MAX_ALLOCATIONS, " objects {locationId (").concat(ID_MESSAGE.replace('$property ', ''), "), quantity (integer 1-").concat(exports.MAX_QUANTITY, ")}"),
            },
            validator: {
                validate: function (value) {
                    return Array.isArray(value) &&
                        value.length >= 1 &&
                        value.length <= exports.MAX_ALLOCATIONS &&
                        value.every(function (row) {
                            return row !== null &&
                                typeof row === 'object' &&
                                Object.keys(row).every(function (k) { return k === 'locationId' || k === 'quantity'; }) &&
                                typeof row.locationId === 'string' &&
                                ID_PATTERN.test(row.locationId) &&
                                Number.isInteger(row.quantity) &&
                                row.quantity >= 1 &&
                                row.quantity <= exports.MAX_QUANTITY;
                        });
                },
            },
        });
    };
}
var ReservationFulfilledDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _reservationId_decorators;
    var _reservationId_initializers = [];
    var _reservationId_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(ReservationFulfilledDto, _super);
            function ReservationFulfilledDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.reservationId = __runInitializers(_this, _reservationId_initializers, void 0);
                _this.quantity = (__runInitializers(_this, _reservationId_extraInitializers), __runInitializers(_this, _quantity_initializers, void 0));
                __runInitializers(_this, _quantity_extraInitializers);
                return _this;
            }
            return ReservationFulfilledDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _reservationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            __esDecorate(null, null, _reservationId_decorators, { kind: "field", name: "reservationId", static: false, private: false, access: { has: function (obj) { return "reservationId" in obj; }, get: function (obj) { return obj.reservationId; }, set: function (obj, value) { obj.reservationId = value; } }, metadata: _metadata }, _reservationId_initializers, _reservationId_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ReservationFulfilledDto = ReservationFulfilledDto;
var StockReservedDto = function () {
    var _a;
    var _classSuper = EventBaseDto;
    var _reservationId_decorators;
    var _reservationId_initializers = [];
    var _reservationId_extraInitializers = [];
    var _orderId_decorators;
    var _orderId_initializers = [];
    var _orderId_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    var _allocations_decorators;
    var _allocations_initializers = [];
    var _allocations_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockReservedDto, _super);
            function StockReservedDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.reservationId = __runInitializers(_this, _reservationId_initializers, void 0);
                _this.orderId = (__runInitializers(_this, _reservationId_extraInitializers), __runInitializers(_this, _orderId_initializers, void 0));
                _this.quantity = (__runInitializers(_this, _orderId_extraInitializers), __runInitializers(_this, _quantity_initializers, void 0));
                _this.allocations = (__runInitializers(_this, _quantity_extraInitializers), __runInitializers(_this, _allocations_initializers, void 0));
                __runInitializers(_this, _allocations_extraInitializers);
                return _this;
            }
            return StockReservedDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _reservationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            _orderId_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.orderId !== undefined; }), (0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            _allocations_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.allocations !== undefined; }), IsAllocations()];
            __esDecorate(null, null, _reservationId_decorators, { kind: "field", name: "reservationId", static: false, private: false, access: { has: function (obj) { return "reservationId" in obj; }, get: function (obj) { return obj.reservationId; }, set: function (obj, value) { obj.reservationId = value; } }, metadata: _metadata }, _reservationId_initializers, _reservationId_extraInitializers);
            __esDecorate(null, null, _orderId_decorators, { kind: "field", name: "orderId", static: false, private: false, access: { has: function (obj) { return "orderId" in obj; }, get: function (obj) { return obj.orderId; }, set: function (obj, value) { obj.orderId = value; } }, metadata: _metadata }, _orderId_initializers, _orderId_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            __esDecorate(null, null, _allocations_decorators, { kind: "field", name: "allocations", static: false, private: false, access: { has: function (obj) { return "allocations" in obj; }, get: function (obj) { return obj.allocations; }, set: function (obj, value) { obj.allocations = value; } }, metadata: _metadata }, _allocations_initializers, _allocations_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockReservedDto = StockReservedDto;
var ReservationReleasedDto = function () {
    var _a;
    var _classSuper = EventBaseDto;
    var _reservationId_decorators;
    var _reservationId_initializers = [];
    var _reservationId_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    var _reason_decorators;
    var _reason_initializers = [];
    var _reason_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(ReservationReleasedDto, _super);
            function ReservationReleasedDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.reservationId = __runInitializers(_this, _reservationId_initializers, void 0);
                _this.quantity = (__runInitializers(_this, _reservationId_extraInitializers), __runInitializers(_this, _quantity_initializers, void 0));
                _this.reason = (__runInitializers(_this, _quantity_extraInitializers), __runInitializers(_this, _reason_initializers, void 0));
                __runInitializers(_this, _reason_extraInitializers);
                return _this;
            }
            return ReservationReleasedDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _reservationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            _reason_decorators = [(0, class_validator_1.IsIn)(event_types_1.RELEASE_REASONS)];
            __esDecorate(null, null, _reservationId_decorators, { kind: "field", name: "reservationId", static: false, private: false, access: { has: function (obj) { return "reservationId" in obj; }, get: function (obj) { return obj.reservationId; }, set: function (obj, value) { obj.reservationId = value; } }, metadata: _metadata }, _reservationId_initializers, _reservationId_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            __esDecorate(null, null, _reason_decorators, { kind: "field", name: "reason", static: false, private: false, access: { has: function (obj) { return "reason" in obj; }, get: function (obj) { return obj.reason; }, set: function (obj, value) { obj.reason = value; } }, metadata: _metadata }, _reason_initializers, _reason_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ReservationReleasedDto = ReservationReleasedDto;
var StockTransferredDto = function () {
    var _a;
    var _classSuper = EventBaseDto;
    var _fromLocationId_decorators;
    var _fromLocationId_initializers = [];
    var _fromLocationId_extraInitializers = [];
    var _toLocationId_decorators;
    var _toLocationId_initializers = [];
    var _toLocationId_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockTransferredDto, _super);
            function StockTransferredDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.fromLocationId = __runInitializers(_this, _fromLocationId_initializers, void 0);
                _this.toLocationId = (__runInitializers(_this, _fromLocationId_extraInitializers), __runInitializers(_this, _toLocationId_initializers, void 0));
                _this.quantity = (__runInitializers(_this, _toLocationId_extraInitializers), __runInitializers(_this, _quantity_initializers, void 0));
                __runInitializers(_this, _quantity_extraInitializers);
                return _this;
            }
            return StockTransferredDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _fromLocationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            _toLocationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: ID_MESSAGE })];
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            __esDecorate(null, null, _fromLocationId_decorators, { kind: "field", name: "fromLocationId", static: false, private: false, access: { has: function (obj) { return "fromLocationId" in obj; }, get: function (obj) { return obj.fromLocationId; }, set: function (obj, value) { obj.fromLocationId = value; } }, metadata: _metadata }, _fromLocationId_initializers, _fromLocationId_extraInitializers);
            __esDecorate(null, null, _toLocationId_decorators, { kind: "field", name: "toLocationId", static: false, private: false, access: { has: function (obj) { return "toLocationId" in obj; }, get: function (obj) { return obj.toLocationId; }, set: function (obj, value) { obj.toLocationId = value; } }, metadata: _metadata }, _toLocationId_initializers, _toLocationId_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockTransferredDto = StockTransferredDto;
var StockStateChangedDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    var _from_decorators;
    var _from_initializers = [];
    var _from_extraInitializers = [];
    var _to_decorators;
    var _to_initializers = [];
    var _to_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockStateChangedDto, _super);
            function StockStateChangedDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.quantity = __runInitializers(_this, _quantity_initializers, void 0);
                _this.from = (__runInitializers(_this, _quantity_extraInitializers), __runInitializers(_this, _from_initializers, void 0));
                _this.to = (__runInitializers(_this, _from_extraInitializers), __runInitializers(_this, _to_initializers, void 0));
                __runInitializers(_this, _to_extraInitializers);
                return _this;
            }
            return StockStateChangedDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            _from_decorators = [(0, class_validator_1.IsIn)(event_types_1.MOVABLE_STATES)];
            _to_decorators = [(0, class_validator_1.IsIn)(event_types_1.MOVABLE_STATES)];
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            __esDecorate(null, null, _from_decorators, { kind: "field", name: "from", static: false, private: false, access: { has: function (obj) { return "from" in obj; }, get: function (obj) { return obj.from; }, set: function (obj, value) { obj.from = value; } }, metadata: _metadata }, _from_initializers, _from_extraInitializers);
            __esDecorate(null, null, _to_decorators, { kind: "field", name: "to", static: false, private: false, access: { has: function (obj) { return "to" in obj; }, get: function (obj) { return obj.to; }, set: function (obj, value) { obj.to = value; } }, metadata: _metadata }, _to_initializers, _to_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockStateChangedDto = StockStateChangedDto;
var StockIncomingDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    var _expectedAt_decorators;
    var _expectedAt_initializers = [];
    var _expectedAt_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(StockIncomingDto, _super);
            function StockIncomingDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.quantity = __runInitializers(_this, _quantity_initializers, void 0);
                _this.expectedAt = (__runInitializers(_this, _quantity_extraInitializers), __runInitializers(_this, _expectedAt_initializers, void 0));
                __runInitializers(_this, _expectedAt_extraInitializers);
                return _this;
            }
            return StockIncomingDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            _expectedAt_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.expectedAt !== undefined; }), (0, class_validator_1.IsISO8601)({ strict: true })];
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            __esDecorate(null, null, _expectedAt_decorators, { kind: "field", name: "expectedAt", static: false, private: false, access: { has: function (obj) { return "expectedAt" in obj; }, get: function (obj) { return obj.expectedAt; }, set: function (obj, value) { obj.expectedAt = value; } }, metadata: _metadata }, _expectedAt_initializers, _expectedAt_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.StockIncomingDto = StockIncomingDto;
var IncomingCancelledDto = function () {
    var _a;
    var _classSuper = LocationEventDto;
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(IncomingCancelledDto, _super);
            function IncomingCancelledDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.quantity = __runInitializers(_this, _quantity_initializers, void 0);
                __runInitializers(_this, _quantity_extraInitializers);
                return _this;
            }
            return IncomingCancelledDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_QUANTITY)];
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.IncomingCancelledDto = IncomingCancelledDto;
exports.EVENT_DTOS = {
    StockReceived: StockReceivedDto,
    StockAdjusted: StockAdjustedDto,
    StockCounted: StockCountedDto,
    ItemSold: ItemSoldDto,
    StockReserved: StockReservedDto,
    ReservationReleased: ReservationReleasedDto,
    ReservationFulfilled: ReservationFulfilledDto,
    StockTransferred: StockTransferredDto,
    StockStateChanged: StockStateChangedDto,
    StockIncoming: StockIncomingDto,
    IncomingCancelled: IncomingCancelledDto,
};
