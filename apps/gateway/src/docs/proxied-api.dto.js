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
exports.DeadLetterSummaryDto = exports.ChannelDeadLettersDto = exports.ReplayDto = exports.DlqPageDto = exports.DeadLetterEntryDto = exports.DlqQueryDto = exports.CartCancelledDto = exports.HoldViewDto = exports.HoldDto = exports.OrderDto = exports.OrderLineViewDto = exports.PlaceOrderDto = exports.PaymentDto = exports.OrderLineDto = void 0;
var swagger_1 = require("@nestjs/swagger");
/*
 * Request and response shapes of the routes the gateway forwards untouched to
 * orders and channel-sync, for the OpenAPI document only. Their validation
 * lives in those services (apps/orders/src/http/order.dto.ts,
 * apps/channel-sync/src/http/dlq.dto.ts); apps do not import each other, so
 * the documentation states the same rules here.
 */
var CLIENT_ID = { pattern: '^[A-Za-z0-9._-]{1,64}$' };
var SKU = { pattern: '^[A-Za-z0-9._-]{1,64}$', example: 'TSHIRT-RED-M' };
var OrderLineDto = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function () {
            function OrderLineDto() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                this.quantity = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _quantity_initializers, void 0));
                __runInitializers(this, _quantity_extraInitializers);
            }
            return OrderLineDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, swagger_1.ApiProperty)(SKU)];
            _quantity_decorators = [(0, swagger_1.ApiProperty)({ minimum: 1, maximum: 1000000000, example: 1 })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrderLineDto = OrderLineDto;
var PaymentDto = function () {
    var _a;
    var _method_decorators;
    var _method_initializers = [];
    var _method_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PaymentDto() {
                this.method = __runInitializers(this, _method_initializers, void 0);
                __runInitializers(this, _method_extraInitializers);
            }
            return PaymentDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _method_decorators = [(0, swagger_1.ApiProperty)({
                    pattern: '^[A-Za-z0-9_-]{1,64}$',
                    example: 'card',
                    description: 'CHECKOUT_SYNC_PAYMENT_METHODS always go synchronous',
                })];
            __esDecorate(null, null, _method_decorators, { kind: "field", name: "method", static: false, private: false, access: { has: function (obj) { return "method" in obj; }, get: function (obj) { return obj.method; }, set: function (obj, value) { obj.method = value; } }, metadata: _metadata }, _method_initializers, _method_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PaymentDto = PaymentDto;
var PlaceOrderDto = function () {
    var _a;
    var _orderId_decorators;
    var _orderId_initializers = [];
    var _orderId_extraInitializers = [];
    var _cartId_decorators;
    var _cartId_initializers = [];
    var _cartId_extraInitializers = [];
    var _lines_decorators;
    var _lines_initializers = [];
    var _lines_extraInitializers = [];
    var _payment_decorators;
    var _payment_initializers = [];
    var _payment_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PlaceOrderDto() {
                this.orderId = __runInitializers(this, _orderId_initializers, void 0);
                this.cartId = (__runInitializers(this, _orderId_extraInitializers), __runInitializers(this, _cartId_initializers, void 0));
                this.lines = (__runInitializers(this, _cartId_extraInitializers), __runInitializers(this, _lines_initializers, void 0));
                this.payment = (__runInitializers(this, _lines_extraInitializers), __runInitializers(this, _payment_initializers, void 0));
                __runInitializers(this, _payment_extraInitializers);
            }
            return PlaceOrderDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _orderId_decorators = [(0, swagger_1.ApiPropertyOptional)(__assign(__assign({}, CLIENT_ID), { description: 'idempotency: the same orderId answers the same order' }))];
            _cartId_decorators = [(0, swagger_1.ApiPropertyOptional)(__assign(__assign({}, CLIENT_ID), { description: "converts this cart's holds" }))];
            _lines_decorators = [(0, swagger_1.ApiProperty)({
                    type: [OrderLineDto],
                    minItems: 1,
                    maxItems: 100,
                    description: 'each sku at most once',
                })];
            _payment_decorators = [(0, swagger_1.ApiProperty)({ type: PaymentDto })];
            __esDecorate(null, null, _orderId_decorators, { kind: "field", name: "orderId", static: false, private: false, access: { has: function (obj) { return "orderId" in obj; }, get: function (obj) { return obj.orderId; }, set: function (obj, value) { obj.orderId = value; } }, metadata: _metadata }, _orderId_initializers, _orderId_extraInitializers);
            __esDecorate(null, null, _cartId_decorators, { kind: "field", name: "cartId", static: false, private: false, access: { has: function (obj) { return "cartId" in obj; }, get: function (obj) { return obj.cartId; }, set: function (obj, value) { obj.cartId = value; } }, metadata: _metadata }, _cartId_initializers, _cartId_extraInitializers);
            __esDecorate(null, null, _lines_decorators, { kind: "field", name: "lines", static: false, private: false, access: { has: function (obj) { return "lines" in obj; }, get: function (obj) { return obj.lines; }, set: function (obj, value) { obj.lines = value; } }, metadata: _metadata }, _lines_initializers, _lines_extraInitializers);
            __esDecorate(null, null, _payment_decorators, { kind: "field", name: "payment", static: false, private: false, access: { has: function (obj) { return "payment" in obj; }, get: function (obj) { return obj.payment; }, set: function (obj, value) { obj.payment = value; } }, metadata: _metadata }, _payment_initializers, _payment_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PlaceOrderDto = PlaceOrderDto;
var OrderLineViewDto = function () {
    var _a;
    var _classSuper = OrderLineDto;
    var _reservationId_decorators;
    var _reservationId_initializers = [];
    var _reservationId_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(OrderLineViewDto, _super);
            function OrderLineViewDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.reservationId = __runInitializers(_this, _reservationId_initializers, void 0);
                __runInitializers(_this, _reservationId_extraInitializers);
                return _this;
            }
            return OrderLineViewDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _reservationId_decorators = [(0, swagger_1.ApiPropertyOptional)({ description: 'once pending' })];
            __esDecorate(null, null, _reservationId_decorators, { kind: "field", name: "reservationId", static: false, private: false, access: { has: function (obj) { return "reservationId" in obj; }, get: function (obj) { return obj.reservationId; }, set: function (obj, value) { obj.reservationId = value; } }, metadata: _metadata }, _reservationId_initializers, _reservationId_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrderLineViewDto = OrderLineViewDto;
var OrderDto = function () {
    var _a;
    var _orderId_decorators;
    var _orderId_initializers = [];
    var _orderId_extraInitializers = [];
    var _status_decorators;
    var _status_initializers = [];
    var _status_extraInitializers = [];
    var _reason_decorators;
    var _reason_initializers = [];
    var _reason_extraInitializers = [];
    var _lines_decorators;
    var _lines_initializers = [];
    var _lines_extraInitializers = [];
    return _a = /** @class */ (function () {
            function OrderDto() {
                this.orderId = __runInitializers(this, _orderId_initializers, void 0);
                this.status = (__runInitializers(this, _orderId_extraInitializers), __runInitializers(this, _status_initializers, void 0));
                this.reason = (__runInitializers(this, _status_extraInitializers), __runInitializers(this, _reason_initializers, void 0));
                this.lines = (__runInitializers(this, _reason_extraInitializers), __runInitializers(this, _lines_initializers, void 0));
                __runInitializers(this, _lines_extraInitializers);
            }
            return OrderDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _orderId_decorators = [(0, swagger_1.ApiProperty)()];
            _status_decorators = [(0, swagger_1.ApiProperty)({ enum: ['received', 'pending', 'rejected'] })];
            _reason_decorators = [(0, swagger_1.ApiPropertyOptional)({ example: 'out_of_stock' })];
            _lines_decorators = [(0, swagger_1.ApiProperty)({ type: [OrderLineViewDto] })];
            __esDecorate(null, null, _orderId_decorators, { kind: "field", name: "orderId", static: false, private: false, access: { has: function (obj) { return "orderId" in obj; }, get: function (obj) { return obj.orderId; }, set: function (obj, value) { obj.orderId = value; } }, metadata: _metadata }, _orderId_initializers, _orderId_extraInitializers);
            __esDecorate(null, null, _status_decorators, { kind: "field", name: "status", static: false, private: false, access: { has: function (obj) { return "status" in obj; }, get: function (obj) { return obj.status; }, set: function (obj, value) { obj.status = value; } }, metadata: _metadata }, _status_initializers, _status_extraInitializers);
            __esDecorate(null, null, _reason_decorators, { kind: "field", name: "reason", static: false, private: false, access: { has: function (obj) { return "reason" in obj; }, get: function (obj) { return obj.reason; }, set: function (obj, value) { obj.reason = value; } }, metadata: _metadata }, _reason_initializers, _reason_extraInitializers);
            __esDecorate(null, null, _lines_decorators, { kind: "field", name: "lines", static: false, private: false, access: { has: function (obj) { return "lines" in obj; }, get: function (obj) { return obj.lines; }, set: function (obj, value) { obj.lines = value; } }, metadata: _metadata }, _lines_initializers, _lines_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrderDto = OrderDto;
var HoldDto = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    return _a = /** @class */ (function () {
            function HoldDto() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                this.quantity = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _quantity_initializers, void 0));
                __runInitializers(this, _quantity_extraInitializers);
            }
            return HoldDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, swagger_1.ApiProperty)(SKU)];
            _quantity_decorators = [(0, swagger_1.ApiProperty)({ minimum: 1, maximum: 1000000000 })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.HoldDto = HoldDto;
var HoldViewDto = function () {
    var _a;
    var _classSuper = HoldDto;
    var _cartId_decorators;
    var _cartId_initializers = [];
    var _cartId_extraInitializers = [];
    var _reservationId_decorators;
    var _reservationId_initializers = [];
    var _reservationId_extraInitializers = [];
    var _expiresAt_decorators;
    var _expiresAt_initializers = [];
    var _expiresAt_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(HoldViewDto, _super);
            function HoldViewDto() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.cartId = __runInitializers(_this, _cartId_initializers, void 0);
                _this.reservationId = (__runInitializers(_this, _cartId_extraInitializers), __runInitializers(_this, _reservationId_initializers, void 0));
                _this.expiresAt = (__runInitializers(_this, _reservationId_extraInitializers), __runInitializers(_this, _expiresAt_initializers, void 0));
                __runInitializers(_this, _expiresAt_extraInitializers);
                return _this;
            }
            return HoldViewDto;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _cartId_decorators = [(0, swagger_1.ApiProperty)()];
            _reservationId_decorators = [(0, swagger_1.ApiProperty)()];
            _expiresAt_decorators = [(0, swagger_1.ApiProperty)({ format: 'date-time', description: 'after CART_HOLD_TTL_SECONDS (default 900)' })];
            __esDecorate(null, null, _cartId_decorators, { kind: "field", name: "cartId", static: false, private: false, access: { has: function (obj) { return "cartId" in obj; }, get: function (obj) { return obj.cartId; }, set: function (obj, value) { obj.cartId = value; } }, metadata: _metadata }, _cartId_initializers, _cartId_extraInitializers);
            __esDecorate(null, null, _reservationId_decorators, { kind: "field", name: "reservationId", static: false, private: false, access: { has: function (obj) { return "reservationId" in obj; }, get: function (obj) { return obj.reservationId; }, set: function (obj, value) { obj.reservationId = value; } }, metadata: _metadata }, _reservationId_initializers, _reservationId_extraInitializers);
            __esDecorate(null, null, _expiresAt_decorators, { kind: "field", name: "expiresAt", static: false, private: false, access: { has: function (obj) { return "expiresAt" in obj; }, get: function (obj) { return obj.expiresAt; }, set: function (obj, value) { obj.expiresAt = value; } }, metadata: _metadata }, _expiresAt_initializers, _expiresAt_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.HoldViewDto = HoldViewDto;
var CartCancelledDto = function () {
    var _a;
    var _cartId_decorators;
    var _cartId_initializers = [];
    var _cartId_extraInitializers = [];
    var _released_decorators;
    var _released_initializers = [];
    var _released_extraInitializers = [];
    return _a = /** @class */ (function () {
            function CartCancelledDto() {
                this.cartId = __runInitializers(this, _cartId_initializers, void 0);
                this.released = (__runInitializers(this, _cartId_extraInitializers), __runInitializers(this, _released_initializers, void 0));
                __runInitializers(this, _released_extraInitializers);
            }
            return CartCancelledDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _cartId_decorators = [(0, swagger_1.ApiProperty)()];
            _released_decorators = [(0, swagger_1.ApiProperty)({ description: 'holds released' })];
            __esDecorate(null, null, _cartId_decorators, { kind: "field", name: "cartId", static: false, private: false, access: { has: function (obj) { return "cartId" in obj; }, get: function (obj) { return obj.cartId; }, set: function (obj, value) { obj.cartId = value; } }, metadata: _metadata }, _cartId_initializers, _cartId_extraInitializers);
            __esDecorate(null, null, _released_decorators, { kind: "field", name: "released", static: false, private: false, access: { has: function (obj) { return "released" in obj; }, get: function (obj) { return obj.released; }, set: function (obj, value) { obj.released = value; } }, metadata: _metadata }, _released_initializers, _released_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.CartCancelledDto = CartCancelledDto;
var DlqQueryDto = function () {
    var _a;
    var _status_decorators;
    var _status_initializers = [];
    var _status_extraInitializers = [];
    var _limit_decorators;
    var _limit_initializers = [];
    var _limit_extraInitializers = [];
    var _before_decorators;
    var _before_initializers = [];
    var _before_extraInitializers = [];
    return _a = /** @class */ (function () {
            function DlqQueryDto() {
                this.status = __runInitializers(this, _status_initializers, void 0);
                this.limit = (__runInitializers(this, _status_extraInitializers), __runInitializers(this, _limit_initializers, void 0));
                this.before = (__runInitializers(this, _limit_extraInitializers), __runInitializers(this, _before_initializers, void 0));
                __runInitializers(this, _before_extraInitializers);
            }
            return DlqQueryDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _status_decorators = [(0, swagger_1.ApiPropertyOptional)({
                    enum: ['dead', 'replaying', 'replayed', 'replay_failed', 'all'],
                    default: 'dead',
                })];
            _limit_decorators = [(0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: 500, default: 50 })];
            _before_decorators = [(0, swagger_1.ApiPropertyOptional)({ minimum: 1, description: 'id cursor: `nextBefore` of the previous page' })];
            __esDecorate(null, null, _status_decorators, { kind: "field", name: "status", static: false, private: false, access: { has: function (obj) { return "status" in obj; }, get: function (obj) { return obj.status; }, set: function (obj, value) { obj.status = value; } }, metadata: _metadata }, _status_initializers, _status_extraInitializers);
            __esDecorate(null, null, _limit_decorators, { kind: "field", name: "limit", static: false, private: false, access: { has: function (obj) { return "limit" in obj; }, get: function (obj) { return obj.limit; }, set: function (obj, value) { obj.limit = value; } }, metadata: _metadata }, _limit_initializers, _limit_extraInitializers);
            __esDecorate(null, null, _before_decorators, { kind: "field", name: "before", static: false, private: false, access: { has: function (obj) { return "before" in obj; }, get: function (obj) { return obj.before; }, set: function (obj, value) { obj.before = value; } }, metadata: _metadata }, _before_initializers, _before_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.DlqQueryDto = DlqQueryDto;
var DeadLetterEntryDto = function () {
    var _a;
    var _id_decorators;
    var _id_initializers = [];
    var _id_extraInitializers = [];
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    var _code_decorators;
    var _code_initializers = [];
    var _code_extraInitializers = [];
    var _reason_decorators;
    var _reason_initializers = [];
    var _reason_extraInitializers = [];
    var _attempts_decorators;
    var _attempts_initializers = [];
    var _attempts_extraInitializers = [];
    var _update_decorators;
    var _update_initializers = [];
    var _update_extraInitializers = [];
    var _payload_decorators;
    var _payload_initializers = [];
    var _payload_extraInitializers = [];
    var _failedAt_decorators;
    var _failedAt_initializers = [];
    var _failedAt_extraInitializers = [];
    var _status_decorators;
    var _status_initializers = [];
    var _status_extraInitializers = [];
    return _a = /** @class */ (function () {
            function DeadLetterEntryDto() {
                this.id = __runInitializers(this, _id_initializers, void 0);
                this.channel = (__runInitializers(this, _id_extraInitializers), __runInitializers(this, _channel_initializers, void 0));
                this.sku = (__runInitializers(this, _channel_extraInitializers), __runInitializers(this, _sku_initializers, void 0));
                this.code = (__runInitializers(this, _sku_extraInitializers), __runInitializers(this, _code_initializers, void 0));
                this.reason = (__runInitializers(this, _code_extraInitializers), __runInitializers(this, _reason_initializers, void 0));
                this.attempts = (__runInitializers(this, _reason_extraInitializers), __runInitializers(this, _attempts_initializers, void 0));
                this.update = (__runInitializers(this, _attempts_extraInitializers), __runInitializers(this, _update_initializers, void 0));
                this.payload = (__runInitializers(this, _update_extraInitializers), __runInitializers(this, _payload_initializers, void 0));
                this.failedAt = (__runInitializers(this, _payload_extraInitializers), __runInitializers(this, _failedAt_initializers, void 0));
                this.status = (__runInitializers(this, _failedAt_extraInitializers), __runInitializers(this, _status_initializers, void 0));
                __runInitializers(this, _status_extraInitializers);
            }
            return DeadLetterEntryDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _id_decorators = [(0, swagger_1.ApiProperty)()];
            _channel_decorators = [(0, swagger_1.ApiProperty)({ nullable: true, type: String })];
            _sku_decorators = [(0, swagger_1.ApiProperty)({ nullable: true, type: String })];
            _code_decorators = [(0, swagger_1.ApiProperty)({ example: 'retries_exhausted' })];
            _reason_decorators = [(0, swagger_1.ApiProperty)()];
            _attempts_decorators = [(0, swagger_1.ApiProperty)()];
            _update_decorators = [(0, swagger_1.ApiProperty)({
                    type: Object,
                    nullable: true,
                    description: '{sku, version, available, quantity} channel-sync tried to deliver',
                })];
            _payload_decorators = [(0, swagger_1.ApiProperty)({ description: 'the request body the adapter sent' })];
            _failedAt_decorators = [(0, swagger_1.ApiProperty)({ format: 'date-time' })];
            _status_decorators = [(0, swagger_1.ApiProperty)({ enum: ['dead', 'replaying', 'replayed', 'replay_failed'] })];
            __esDecorate(null, null, _id_decorators, { kind: "field", name: "id", static: false, private: false, access: { has: function (obj) { return "id" in obj; }, get: function (obj) { return obj.id; }, set: function (obj, value) { obj.id = value; } }, metadata: _metadata }, _id_initializers, _id_extraInitializers);
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            __esDecorate(null, null, _code_decorators, { kind: "field", name: "code", static: false, private: false, access: { has: function (obj) { return "code" in obj; }, get: function (obj) { return obj.code; }, set: function (obj, value) { obj.code = value; } }, metadata: _metadata }, _code_initializers, _code_extraInitializers);
            __esDecorate(null, null, _reason_decorators, { kind: "field", name: "reason", static: false, private: false, access: { has: function (obj) { return "reason" in obj; }, get: function (obj) { return obj.reason; }, set: function (obj, value) { obj.reason = value; } }, metadata: _metadata }, _reason_initializers, _reason_extraInitializers);
            __esDecorate(null, null, _attempts_decorators, { kind: "field", name: "attempts", static: false, private: false, access: { has: function (obj) { return "attempts" in obj; }, get: function (obj) { return obj.attempts; }, set: function (obj, value) { obj.attempts = value; } }, metadata: _metadata }, _attempts_initializers, _attempts_extraInitializers);
            __esDecorate(null, null, _update_decorators, { kind: "field", name: "update", static: false, private: false, access: { has: function (obj) { return "update" in obj; }, get: function (obj) { return obj.update; }, set: function (obj, value) { obj.update = value; } }, metadata: _metadata }, _update_initializers, _update_extraInitializers);
            __esDecorate(null, null, _payload_decorators, { kind: "field", name: "payload", static: false, private: false, access: { has: function (obj) { return "payload" in obj; }, get: function (obj) { return obj.payload; }, set: function (obj, value) { obj.payload = value; } }, metadata: _metadata }, _payload_initializers, _payload_extraInitializers);
            __esDecorate(null, null, _failedAt_decorators, { kind: "field", name: "failedAt", static: false, private: false, access: { has: function (obj) { return "failedAt" in obj; }, get: function (obj) { return obj.failedAt; }, set: function (obj, value) { obj.failedAt = value; } }, metadata: _metadata }, _failedAt_initializers, _failedAt_extraInitializers);
            __esDecorate(null, null, _status_decorators, { kind: "field", name: "status", static: false, private: false, access: { has: function (obj) { return "status" in obj; }, get: function (obj) { return obj.status; }, set: function (obj, value) { obj.status = value; } }, metadata: _metadata }, _status_initializers, _status_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.DeadLetterEntryDto = DeadLetterEntryDto;
var DlqPageDto = function () {
    var _a;
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _deadLetters_decorators;
    var _deadLetters_initializers = [];
    var _deadLetters_extraInitializers = [];
    var _nextBefore_decorators;
    var _nextBefore_initializers = [];
    var _nextBefore_extraInitializers = [];
    return _a = /** @class */ (function () {
            function DlqPageDto() {
                this.channel = __runInitializers(this, _channel_initializers, void 0);
                this.deadLetters = (__runInitializers(this, _channel_extraInitializers), __runInitializers(this, _deadLetters_initializers, void 0));
                this.nextBefore = (__runInitializers(this, _deadLetters_extraInitializers), __runInitializers(this, _nextBefore_initializers, void 0));
                __runInitializers(this, _nextBefore_extraInitializers);
            }
            return DlqPageDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _channel_decorators = [(0, swagger_1.ApiProperty)()];
            _deadLetters_decorators = [(0, swagger_1.ApiProperty)({ type: [DeadLetterEntryDto], description: 'newest first' })];
            _nextBefore_decorators = [(0, swagger_1.ApiProperty)({ nullable: true, type: Number })];
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _deadLetters_decorators, { kind: "field", name: "deadLetters", static: false, private: false, access: { has: function (obj) { return "deadLetters" in obj; }, get: function (obj) { return obj.deadLetters; }, set: function (obj, value) { obj.deadLetters = value; } }, metadata: _metadata }, _deadLetters_initializers, _deadLetters_extraInitializers);
            __esDecorate(null, null, _nextBefore_decorators, { kind: "field", name: "nextBefore", static: false, private: false, access: { has: function (obj) { return "nextBefore" in obj; }, get: function (obj) { return obj.nextBefore; }, set: function (obj, value) { obj.nextBefore = value; } }, metadata: _metadata }, _nextBefore_initializers, _nextBefore_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.DlqPageDto = DlqPageDto;
var ReplayDto = function () {
    var _a;
    var _skus_decorators;
    var _skus_initializers = [];
    var _skus_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ReplayDto() {
                this.skus = __runInitializers(this, _skus_initializers, void 0);
                __runInitializers(this, _skus_extraInitializers);
            }
            return ReplayDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _skus_decorators = [(0, swagger_1.ApiPropertyOptional)({
                    type: [String],
                    minItems: 1,
                    maxItems: 10000,
                    description: "only these SKUs' dead letters; all of the channel's when absent",
                })];
            __esDecorate(null, null, _skus_decorators, { kind: "field", name: "skus", static: false, private: false, access: { has: function (obj) { return "skus" in obj; }, get: function (obj) { return obj.skus; }, set: function (obj, value) { obj.skus = value; } }, metadata: _metadata }, _skus_initializers, _skus_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ReplayDto = ReplayDto;
var ChannelDeadLettersDto = function () {
    var _a;
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    var _depth_decorators;
    var _depth_initializers = [];
    var _depth_extraInitializers = [];
    var _replayable_decorators;
    var _replayable_initializers = [];
    var _replayable_extraInitializers = [];
    var _newest_decorators;
    var _newest_initializers = [];
    var _newest_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ChannelDeadLettersDto() {
                this.channel = __runInitializers(this, _channel_initializers, void 0);
                this.depth = (__runInitializers(this, _channel_extraInitializers), __runInitializers(this, _depth_initializers, void 0));
                this.replayable = (__runInitializers(this, _depth_extraInitializers), __runInitializers(this, _replayable_initializers, void 0));
                this.newest = (__runInitializers(this, _replayable_extraInitializers), __runInitializers(this, _newest_initializers, void 0));
                __runInitializers(this, _newest_extraInitializers);
            }
            return ChannelDeadLettersDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _channel_decorators = [(0, swagger_1.ApiProperty)({ example: 'web' })];
            _depth_decorators = [(0, swagger_1.ApiProperty)({ description: 'dead letters waiting for a replay' })];
            _replayable_decorators = [(0, swagger_1.ApiProperty)({ description: 'false for _input (poison messages cannot be replayed)' })];
            _newest_decorators = [(0, swagger_1.ApiProperty)({ type: [DeadLetterEntryDto], description: 'the newest 5' })];
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            __esDecorate(null, null, _depth_decorators, { kind: "field", name: "depth", static: false, private: false, access: { has: function (obj) { return "depth" in obj; }, get: function (obj) { return obj.depth; }, set: function (obj, value) { obj.depth = value; } }, metadata: _metadata }, _depth_initializers, _depth_extraInitializers);
            __esDecorate(null, null, _replayable_decorators, { kind: "field", name: "replayable", static: false, private: false, access: { has: function (obj) { return "replayable" in obj; }, get: function (obj) { return obj.replayable; }, set: function (obj, value) { obj.replayable = value; } }, metadata: _metadata }, _replayable_initializers, _replayable_extraInitializers);
            __esDecorate(null, null, _newest_decorators, { kind: "field", name: "newest", static: false, private: false, access: { has: function (obj) { return "newest" in obj; }, get: function (obj) { return obj.newest; }, set: function (obj, value) { obj.newest = value; } }, metadata: _metadata }, _newest_initializers, _newest_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelDeadLettersDto = ChannelDeadLettersDto;
var DeadLetterSummaryDto = function () {
    var _a;
    var _channels_decorators;
    var _channels_initializers = [];
    var _channels_extraInitializers = [];
    return _a = /** @class */ (function () {
            function DeadLetterSummaryDto() {
                this.channels = __runInitializers(this, _channels_initializers, void 0);
                __runInitializers(this, _channels_extraInitializers);
            }
            return DeadLetterSummaryDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _channels_decorators = [(0, swagger_1.ApiProperty)({ type: [ChannelDeadLettersDto] })];
            __esDecorate(null, null, _channels_decorators, { kind: "field", name: "channels", static: false, private: false, access: { has: function (obj) { return "channels" in obj; }, get: function (obj) { return obj.channels; }, set: function (obj, value) { obj.channels = value; } }, metadata: _metadata }, _channels_initializers, _channels_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.DeadLetterSummaryDto = DeadLetterSummaryDto;
