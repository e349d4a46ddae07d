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
exports.LedgerModule = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
var ledger_consumer_1 = require("./consumers/ledger.consumer");
var ledger_backlog_metrics_1 = require("./jobs/ledger-backlog.metrics");
var pools_consumer_1 = require("./consumers/pools.consumer");
var ledger_config_1 = require("./ledger.config");
var LedgerModule = function () {
    var _classDecorators = [(0, common_1.Module)({})];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var LedgerModule = _classThis = /** @class */ (function () {
        function LedgerModule_1() {
        }
        LedgerModule_1.forRoot = function (config) {
            return {
                module: LedgerModule,
                imports: [
                    service_kit_1.ServiceKitModule.forRoot({ metricsRefreshMs: config.METRICS_REFRESH_MS }),
                    kafka_1.KafkaModule.forRoot({
                        brokers: config.KAFKA_BROKERS,
                        clientId: "".concat(config.KAFKA_CLIENT_ID, "-ledger"),
                        topicPrefix: config.KAFKA_TOPIC_PREFIX,
                    }),
                    persistence_1.DatabaseModule.forRoot({
                        url: config.DATABASE_URL,
                        // one connection per partition batch folded in parallel, plus health checks and reads
                        poolSize: config.LEDGER_PARTITIONS_CONCURRENCY + 2,
                        applicationName: 'stockflow-ledger',
                    }),
                ],
                providers: __spreadArray([{ provide: ledger_config_1.LedgerConfig, useValue: config }, ledger_consumer_1.LedgerConsumer, pools_consumer_1.PoolsConsumer], (0, ledger_backlog_metrics_1.ledgerBacklogMetrics)(config), true),
            };
        };
        return LedgerModule_1;
    }());
    __setFunctionName(_classThis, "LedgerModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        LedgerModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return LedgerModule = _classThis;
}();
exports.LedgerModule = LedgerModule;
