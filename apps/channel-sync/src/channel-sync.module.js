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
exports.ChannelSyncModule = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
var channel_sync_config_1 = require("./channel-sync.config");
var channel_fleet_1 = require("./consumers/channel-fleet");
var dead_letter_index_consumer_1 = require("./consumers/dead-letter-index.consumer");
var input_guard_consumer_1 = require("./consumers/input-guard.consumer");
var channel_settings_1 = require("./delivery/channel-settings");
var dead_letter_replay_1 = require("./dlq/dead-letter-replay");
var dead_letter_store_1 = require("./dlq/dead-letter-store");
var dead_letter_summary_controller_1 = require("./http/dead-letter-summary.controller");
var dlq_controller_1 = require("./http/dlq.controller");
var channel_sync_backlog_metrics_1 = require("./jobs/channel-sync-backlog.metrics");
var ChannelSyncModule = function () {
    var _classDecorators = [(0, common_1.Module)({})];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var ChannelSyncModule = _classThis = /** @class */ (function () {
        function ChannelSyncModule_1() {
        }
        ChannelSyncModule_1.forRoot = function (config, channels) {
            return {
                module: ChannelSyncModule,
                imports: [
                    service_kit_1.ServiceKitModule.forRoot({
                        channelTokens: config.CHANNEL_TOKENS,
                        operatorTokens: config.OPERATOR_TOKENS,
                        metricsRefreshMs: config.METRICS_REFRESH_MS,
                    }),
                    kafka_1.KafkaModule.forRoot({
                        brokers: config.KAFKA_BROKERS,
                        clientId: "".concat(config.KAFKA_CLIENT_ID, "-channel-sync"),
                        topicPrefix: config.KAFKA_TOPIC_PREFIX,
                    }),
                    persistence_1.DatabaseModule.forRoot({ url: config.DATABASE_URL, poolSize: 4, applicationName: 'stockflow-channel-sync' }),
                ],
                controllers: [dlq_controller_1.DlqController, dead_letter_summary_controller_1.DeadLetterSummaryController],
                providers: __spreadArray([
                    { provide: channel_sync_config_1.ChannelSyncConfig, useValue: config },
                    { provide: channel_fleet_1.CHANNEL_SETTINGS, useValue: channels.map(function (c) { return (0, channel_settings_1.channelSettings)(c, config); }) },
                    dead_letter_store_1.DeadLetterStore,
                    channel_fleet_1.ChannelFleet,
                    input_guard_consumer_1.InputGuardConsumer,
                    dead_letter_index_consumer_1.DeadLetterIndexConsumer,
                    dead_letter_replay_1.DeadLetterReplay
                ], (0, channel_sync_backlog_metrics_1.channelSyncBacklogMetrics)(config, channels), true),
            };
        };
        return ChannelSyncModule_1;
    }());
    __setFunctionName(_classThis, "ChannelSyncModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        ChannelSyncModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return ChannelSyncModule = _classThis;
}();
exports.ChannelSyncModule = ChannelSyncModule;
