"use strict";
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
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
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
exports.OrdersModule = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var reservations_1 = require("@stockflow/reservations");
var service_kit_1 = require("@stockflow/service-kit");
var order_queue_consumer_1 = require("./consumers/order-queue.consumer");
var stock_levels_consumer_1 = require("./consumers/stock-levels.consumer");
var carts_controller_1 = require("./http/carts.controller");
var checkout_1 = require("./http/checkout");
var orders_controller_1 = require("./http/orders.controller");
var job_1 = require("./jobs/job");
var job_runner_1 = require("./jobs/job-runner");
var orders_backlog_metrics_1 = require("./jobs/orders-backlog.metrics");
var outbox_relay_job_1 = require("./jobs/outbox-relay.job");
var requeue_job_1 = require("./jobs/requeue.job");
var orders_config_1 = require("./orders.config");
var order_intake_1 = require("./orders/order-intake");
var order_store_1 = require("./orders/order-store");
var order_topics_1 = require("./orders/order-topics");
var OrdersModule = function () {
    var _classDecorators = [(0, common_1.Module)({})];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var OrdersModule = _classThis = /** @class */ (function () {
        function OrdersModule_1() {
        }
        OrdersModule_1.forRoot = function (config) {
            return {
                module: OrdersModule,
                imports: [
                    service_kit_1.ServiceKitModule.forRoot({
                        channelTokens: config.CHANNEL_TOKENS,
                        operatorTokens: config.OPERATOR_TOKENS,
                        metricsRefreshMs: config.METRICS_REFRESH_MS,
                    }),
                    kafka_1.KafkaModule.forRoot({
                        brokers: config.KAFKA_BROKERS,
                        clientId: "".concat(config.KAFKA_CLIENT_ID, "-orders"),
                        topicPrefix: config.KAFKA_TOPIC_PREFIX,
                    }),
                    persistence_1.DatabaseModule.forRoot({
                        url: config.DATABASE_URL,
                        poolSize: config.DATABASE_POOL_SIZE,
                        applicationName: 'stockflow-orders',
                    }),
                    reservations_1.ReservationsModule.forRoot({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, hydrateOnStart: true }),
                ],
                controllers: [orders_controller_1.OrdersController, carts_controller_1.CartsController],
                providers: __spreadArray([
                    { provide: orders_config_1.OrdersConfig, useValue: config },
                    { provide: order_topics_1.ORDER_TOPICS, useValue: (0, order_topics_1.orderTopics)(config.KAFKA_TOPIC_PREFIX) },
                    order_store_1.OrderStore,
                    order_intake_1.OrderIntake,
                    checkout_1.Checkout,
                    order_queue_consumer_1.OrderQueueConsumer,
                    stock_levels_consumer_1.StockLevelsConsumer,
                    {
                        provide: job_1.JOBS,
                        inject: [reservations_1.RESERVATIONS, kafka_1.BatchingPublisher, kafka_1.TOPICS, order_topics_1.ORDER_TOPICS, order_store_1.OrderStore],
                        useFactory: function (ctx, publisher, topics, queue, store) { return [
                            new outbox_relay_job_1.OutboxRelayJob(ctx, publisher, topics),
                            new requeue_job_1.RequeueJob(store, publisher, queue, config.ORDERS_REQUEUE_AFTER_SECONDS),
                        ]; },
                    },
                    job_runner_1.JobRunner
                ], (0, orders_backlog_metrics_1.ordersBacklogMetrics)(config), true),
            };
        };
        return OrdersModule_1;
    }());
    __setFunctionName(_classThis, "OrdersModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        OrdersModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return OrdersModule = _classThis;
}();
exports.OrdersModule = OrdersModule;
