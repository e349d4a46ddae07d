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
exports.OrdersConfig = void 0;
exports.syncPaymentMethods = syncPaymentMethods;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var OrdersConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithChannelTokens)((0, config_1.WithRedis)((0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.HttpEnv))));
    var _CHECKOUT_ASYNC_decorators;
    var _CHECKOUT_ASYNC_initializers = [];
    var _CHECKOUT_ASYNC_extraInitializers = [];
    var _CHECKOUT_SYNC_PAYMENT_METHODS_decorators;
    var _CHECKOUT_SYNC_PAYMENT_METHODS_initializers = [];
    var _CHECKOUT_SYNC_PAYMENT_METHODS_extraInitializers = [];
    var _CART_HOLD_TTL_SECONDS_decorators;
    var _CART_HOLD_TTL_SECONDS_initializers = [];
    var _CART_HOLD_TTL_SECONDS_extraInitializers = [];
    var _ORDERS_GROUP_ID_decorators;
    var _ORDERS_GROUP_ID_initializers = [];
    var _ORDERS_GROUP_ID_extraInitializers = [];
    var _ORDERS_PARTITIONS_decorators;
    var _ORDERS_PARTITIONS_initializers = [];
    var _ORDERS_PARTITIONS_extraInitializers = [];
    var _ORDERS_REQUEUE_AFTER_SECONDS_decorators;
    var _ORDERS_REQUEUE_AFTER_SECONDS_initializers = [];
    var _ORDERS_REQUEUE_AFTER_SECONDS_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(OrdersConfig, _super);
            function OrdersConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.PORT = 3002;
                /** 1: accept orders as `received` (202) and decide them from the queue; 0: decide inline (201/409). */
                _this.CHECKOUT_ASYNC = __runInitializers(_this, _CHECKOUT_ASYNC_initializers, true);
                /** Payment methods that always take the synchronous path, comma-separated (e.g. `pos_cash,gift_card`). */
                _this.CHECKOUT_SYNC_PAYMENT_METHODS = (__runInitializers(_this, _CHECKOUT_ASYNC_extraInitializers), __runInitializers(_this, _CHECKOUT_SYNC_PAYMENT_METHODS_initializers, ''));
                /** How long a cart hold keeps its stock. */
                _this.CART_HOLD_TTL_SECONDS = (__runInitializers(_this, _CHECKOUT_SYNC_PAYMENT_METHODS_extraInitializers), __runInitializers(_this, _CART_HOLD_TTL_SECONDS_initializers, 900));
                /** Consumer group of the order queue and of the stock-level follower; prefixed with KAFKA_TOPIC_PREFIX. */
                _this.ORDERS_GROUP_ID = (__runInitializers(_this, _CART_HOLD_TTL_SECONDS_extraInitializers), __runInitializers(_this, _ORDERS_GROUP_ID_initializers, 'stockflow-orders'));
                /** Partitions of orders.received: the unit of FIFO order and of consumer scale-out. */
                _this.ORDERS_PARTITIONS = (__runInitializers(_this, _ORDERS_GROUP_ID_extraInitializers), __runInitializers(_this, _ORDERS_PARTITIONS_initializers, 6));
                /** An order still `received` this long after acceptance is queued again (its message may never have reached Kafka). */
                _this.ORDERS_REQUEUE_AFTER_SECONDS = (__runInitializers(_this, _ORDERS_PARTITIONS_extraInitializers), __runInitializers(_this, _ORDERS_REQUEUE_AFTER_SECONDS_initializers, 60));
                __runInitializers(_this, _ORDERS_REQUEUE_AFTER_SECONDS_extraInitializers);
                return _this;
            }
            return OrdersConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _CHECKOUT_ASYNC_decorators = [(0, class_validator_1.IsBoolean)({ message: 'CHECKOUT_ASYNC must be 1 or 0' })];
            _CHECKOUT_SYNC_PAYMENT_METHODS_decorators = [(0, class_validator_1.Matches)(/^([A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*)?$/, {
                    message: 'CHECKOUT_SYNC_PAYMENT_METHODS must be method[,method...] of letters, digits, _ or -',
                })];
            _CART_HOLD_TTL_SECONDS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(7 * 24 * 3600)];
            _ORDERS_GROUP_ID_decorators = [(0, class_validator_1.IsString)()];
            _ORDERS_PARTITIONS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(256)];
            _ORDERS_REQUEUE_AFTER_SECONDS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(5), (0, class_validator_1.Max)(3600)];
            __esDecorate(null, null, _CHECKOUT_ASYNC_decorators, { kind: "field", name: "CHECKOUT_ASYNC", static: false, private: false, access: { has: function (obj) { return "CHECKOUT_ASYNC" in obj; }, get: function (obj) { return obj.CHECKOUT_ASYNC; }, set: function (obj, value) { obj.CHECKOUT_ASYNC = value; } }, metadata: _metadata }, _CHECKOUT_ASYNC_initializers, _CHECKOUT_ASYNC_extraInitializers);
            __esDecorate(null, null, _CHECKOUT_SYNC_PAYMENT_METHODS_decorators, { kind: "field", name: "CHECKOUT_SYNC_PAYMENT_METHODS", static: false, private: false, access: { has: function (obj) { return "CHECKOUT_SYNC_PAYMENT_METHODS" in obj; }, get: function (obj) { return obj.CHECKOUT_SYNC_PAYMENT_METHODS; }, set: function (obj, value) { obj.CHECKOUT_SYNC_PAYMENT_METHODS = value; } }, metadata: _metadata }, _CHECKOUT_SYNC_PAYMENT_METHODS_initializers, _CHECKOUT_SYNC_PAYMENT_METHODS_extraInitializers);
            __esDecorate(null, null, _CART_HOLD_TTL_SECONDS_decorators, { kind: "field", name: "CART_HOLD_TTL_SECONDS", static: false, private: false, access: { has: function (obj) { return "CART_HOLD_TTL_SECONDS" in obj; }, get: function (obj) { return obj.CART_HOLD_TTL_SECONDS; }, set: function (obj, value) { obj.CART_HOLD_TTL_SECONDS = value; } }, metadata: _metadata }, _CART_HOLD_TTL_SECONDS_initializers, _CART_HOLD_TTL_SECONDS_extraInitializers);
            __esDecorate(null, null, _ORDERS_GROUP_ID_decorators, { kind: "field", name: "ORDERS_GROUP_ID", static: false, private: false, access: { has: function (obj) { return "ORDERS_GROUP_ID" in obj; }, get: function (obj) { return obj.ORDERS_GROUP_ID; }, set: function (obj, value) { obj.ORDERS_GROUP_ID = value; } }, metadata: _metadata }, _ORDERS_GROUP_ID_initializers, _ORDERS_GROUP_ID_extraInitializers);
            __esDecorate(null, null, _ORDERS_PARTITIONS_decorators, { kind: "field", name: "ORDERS_PARTITIONS", static: false, private: false, access: { has: function (obj) { return "ORDERS_PARTITIONS" in obj; }, get: function (obj) { return obj.ORDERS_PARTITIONS; }, set: function (obj, value) { obj.ORDERS_PARTITIONS = value; } }, metadata: _metadata }, _ORDERS_PARTITIONS_initializers, _ORDERS_PARTITIONS_extraInitializers);
            __esDecorate(null, null, _ORDERS_REQUEUE_AFTER_SECONDS_decorators, { kind: "field", name: "ORDERS_REQUEUE_AFTER_SECONDS", static: false, private: false, access: { has: function (obj) { return "ORDERS_REQUEUE_AFTER_SECONDS" in obj; }, get: function (obj) { return obj.ORDERS_REQUEUE_AFTER_SECONDS; }, set: function (obj, value) { obj.ORDERS_REQUEUE_AFTER_SECONDS = value; } }, metadata: _metadata }, _ORDERS_REQUEUE_AFTER_SECONDS_initializers, _ORDERS_REQUEUE_AFTER_SECONDS_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.OrdersConfig = OrdersConfig;
function syncPaymentMethods(config) {
    return new Set(config.CHECKOUT_SYNC_PAYMENT_METHODS.split(',').filter(Boolean));
}
