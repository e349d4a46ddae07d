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
Object.defineProperty(exports, "__esModule", { value: true });
exports.GatewayModule = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
var bulk_controller_1 = require("./bulk/bulk.controller");
var bulk_ingest_1 = require("./bulk/bulk-ingest");
var channel_stock_controller_1 = require("./channels/channel-stock.controller");
var event_ingest_1 = require("./events/event-ingest");
var event_results_consumer_1 = require("./events/event-results.consumer");
var events_controller_1 = require("./events/events.controller");
var gateway_config_1 = require("./gateway.config");
var consumer_lag_source_1 = require("./ops/consumer-lag-source");
var dead_letter_summary_1 = require("./ops/dead-letter-summary");
var ops_controller_1 = require("./ops/ops.controller");
var service_health_1 = require("./ops/service-health");
var ledger_controller_1 = require("./ledger/ledger.controller");
var pool_writes_1 = require("./pools/pool-writes");
var pools_controller_1 = require("./pools/pools.controller");
var set_quantity_controller_1 = require("./stock/set-quantity.controller");
var stock_controller_1 = require("./stock/stock.controller");
var GatewayModule = function () {
    var _classDecorators = [(0, common_1.Module)({})];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var GatewayModule = _classThis = /** @class */ (function () {
        function GatewayModule_1() {
        }
        GatewayModule_1.forRoot = function (config, channels) {
            return {
                module: GatewayModule,
                imports: [
                    service_kit_1.ServiceKitModule.forRoot({ channelTokens: config.CHANNEL_TOKENS, operatorTokens: config.OPERATOR_TOKENS }),
                    kafka_1.KafkaModule.forRoot({
                        brokers: config.KAFKA_BROKERS,
                        clientId: "".concat(config.KAFKA_CLIENT_ID, "-gateway"),
                        topicPrefix: config.KAFKA_TOPIC_PREFIX,
                    }),
                    persistence_1.DatabaseModule.forRoot({
                        url: config.DATABASE_URL,
                        poolSize: config.DATABASE_POOL_SIZE,
                        applicationName: 'stockflow-gateway',
                    }),
                ],
                controllers: [
                    events_controller_1.EventsController,
                    bulk_controller_1.BulkController,
                    stock_controller_1.StockController,
                    set_quantity_controller_1.SetQuantityController,
                    pools_controller_1.PoolsController,
                    ledger_controller_1.LedgerController,
                    ops_controller_1.OpsController,
                    channel_stock_controller_1.ChannelStockController,
                ],
                providers: [
                    { provide: gateway_config_1.GatewayConfig, useValue: config },
                    { provide: channel_stock_controller_1.CHANNEL_SAFETY_STOCK, useValue: new Map(channels.map(function (c) { return [c.name, c]; })) },
                    event_ingest_1.EventIngest,
                    bulk_ingest_1.BulkIngest,
                    kafka_1.PoolFeed,
                    pool_writes_1.PoolWrites,
                    event_results_consumer_1.EventResults,
                    service_health_1.ServiceHealth,
                    consumer_lag_source_1.ConsumerLagSource,
                    dead_letter_summary_1.DeadLetterSummary,
                ],
            };
        };
        return GatewayModule_1;
    }());
    __setFunctionName(_classThis, "GatewayModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        GatewayModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return GatewayModule = _classThis;
}();
exports.GatewayModule = GatewayModule;
