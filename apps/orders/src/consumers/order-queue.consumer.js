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
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
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
exports.OrderQueueConsumer = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var reservations_1 = require("@stockflow/reservations");
var orders_metrics_1 = require("../orders.metrics");
var order_topics_1 = require("../orders/order-topics");
var queued_order_1 = require("../orders/queued-order");
/**
 * Decides queued orders: first-in, first-out per partition, a whole partition
 * batch at a time (one Postgres round trip for intents, one Redis pipeline, one
 * transaction for the decisions). Offsets are committed only after the decisions
 * are durable; re-processing after a crash decides nothing twice (orders already
 * decided are skipped, scripts return their stored outcome).
 */
var OrderQueueConsumer = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _classSuper = kafka_1.BatchConsumer;
    var OrderQueueConsumer = _classThis = /** @class */ (function (_super) {
        __extends(OrderQueueConsumer_1, _super);
        function OrderQueueConsumer_1(config, kafkaClient, publisher, store, topics, reservations, readiness) {
            var _this = _super.call(this, kafkaClient, {
                groupId: config.KAFKA_TOPIC_PREFIX + config.ORDERS_GROUP_ID,
                topic: topics.received,
                tuning: {
                    // Let the broker gather up to ~200 orders (or wait 100 ms) per fetch: a batch's
                    // fixed cost (a few Postgres round trips, one pipeline) is then shared by many.
                    minBytes: 32 * 1024,
                    maxWaitTimeInMs: 100,
                    maxBytesPerPartition: 1024 * 1024,
                    // Short: after a crash the partitions move on within seconds, not half a minute.
                    sessionTimeout: 15000,
                    heartbeatInterval: 2000,
                },
                partitionsConsumedConcurrently: 3,
                autoCommitInterval: 500,
                // Redis or Postgres down: orders stay `received`, the batch waits for them.
                retryFailedBatches: true,
            }, 'order-queue', readiness) || this;
            _this.config = config;
            _this.kafkaClient = kafkaClient;
            _this.publisher = publisher;
            _this.store = store;
            _this.topics = topics;
            _this.reservations = reservations;
            return _this;
        }
        OrderQueueConsumer_1.prototype.prepare = function () {
            return __awaiter(this, void 0, void 0, function () {
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, (0, kafka_1.ensureTopics)(this.kafkaClient, (0, order_topics_1.orderTopicConfigs)(this.topics, this.config.ORDERS_PARTITIONS))];
                        case 1:
                            _a.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        OrderQueueConsumer_1.prototype.handle = function (partition, messages) {
            var _this = this;
            return (0, kafka_1.inBatchSpan)('orders decide batch', this.topics.received, partition, messages, function () { return _this.decide(partition, messages); });
        };
        OrderQueueConsumer_1.prototype.decide = function (partition, messages) {
            return __awaiter(this, void 0, void 0, function () {
                var dead, queued, _i, messages_1, message, order, statuses, todo, decisions, _a, decisions_1, d;
                var _this = this;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            dead = [];
                            queued = new Map();
                            for (_i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
                                message = messages_1[_i];
                                order = (0, queued_order_1.decodeQueuedOrder)(message.value);
                                if (typeof order === 'string') {
                                    this.logger.warn("dead-lettering ".concat(this.topics.received, "[").concat(partition, "]@").concat(message.offset, ": ").concat(order));
                                    dead.push((0, kafka_1.deadLetter)({ topic: this.topics.received, partition: partition, message: message }, 'schema', order));
                                }
                                else if (!queued.has(order.orderId)) {
                                    queued.set(order.orderId, order);
                                }
                            }
                            return [4 /*yield*/, this.store.statuses(__spreadArray([], queued.keys(), true))];
                        case 1:
                            statuses = _b.sent();
                            todo = __spreadArray([], queued.values(), true).filter(function (o) { return statuses.get(o.orderId) === 'received'; });
                            return [4 /*yield*/, (0, reservations_1.reserveOrders)(this.reservations, todo.map(function (o) { return (__assign(__assign({}, o), { cartId: o.cartId ? (0, reservations_1.channelCartId)(o.channel, o.cartId) : null })); }), new Date(), function (tx, d) { return _this.store.applyDecisions(tx, d); })];
                        case 2:
                            decisions = _b.sent();
                            return [4 /*yield*/, this.publisher.publish(this.topics.receivedDlq, dead)];
                        case 3:
                            _b.sent();
                            for (_a = 0, decisions_1 = decisions; _a < decisions_1.length; _a++) {
                                d = decisions_1[_a];
                                orders_metrics_1.ordersMetrics.decided.inc({ status: d.status, mode: 'async' });
                            }
                            return [2 /*return*/];
                    }
                });
            });
        };
        return OrderQueueConsumer_1;
    }(_classSuper));
    __setFunctionName(_classThis, "OrderQueueConsumer");
    (function () {
        var _a;
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_a = _classSuper[Symbol.metadata]) !== null && _a !== void 0 ? _a : null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        OrderQueueConsumer = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return OrderQueueConsumer = _classThis;
}();
exports.OrderQueueConsumer = OrderQueueConsumer;
