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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelFleet = exports.CHANNEL_SETTINGS = void 0;
var common_1 = require("@nestjs/common");
var contracts_1 = require("@stockflow/contracts");
var service_kit_1 = require("@stockflow/service-kit");
var create_adapter_1 = require("../adapters/create-adapter");
var channel_pipeline_1 = require("../delivery/channel-pipeline");
var channel_feed_1 = require("./channel-feed");
var availabilityFailures = (0, service_kit_1.counter)({
    name: 'stockflow_channel_availability_publish_failures_total',
    help: 'Messages to inventory.channel-availability Kafka did not take (the next change of the SKU writes it again)',
    labelNames: ['channel'],
});
/** Injection token of the resolved ChannelSettings[] (from CHANNELS_FILE). */
exports.CHANNEL_SETTINGS = Symbol('CHANNEL_SETTINGS');
/** Starts one independent pipeline and feed per configured channel, and stops them on SIGTERM. */
var ChannelFleet = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var ChannelFleet = _classThis = /** @class */ (function () {
        function ChannelFleet_1(config, channels, kafka, publisher, topics, store, pools, readiness) {
            var _this = this;
            this.config = config;
            this.channels = channels;
            this.kafka = kafka;
            this.publisher = publisher;
            this.topics = topics;
            this.store = store;
            this.pools = pools;
            this.logger = new common_1.Logger(ChannelFleet.name);
            this.pipelines = new Map();
            this.feeds = [];
            readiness.register('channel-feeds', function () {
                var waiting = _this.feeds.filter(function (f) { return !f.joined || f.crashed; }).map(function (f) { return f.channel; });
                if (_this.feeds.length === 0 || waiting.length > 0)
                    throw new Error("not consuming yet: ".concat(waiting.join(', ') || 'all'));
            });
        }
        ChannelFleet_1.prototype.onApplicationBootstrap = function () {
            return __awaiter(this, void 0, void 0, function () {
                var _i, _a, settings, name_1, adapter, pipeline, groupId, feed;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0: 
                        // A channel's numbers depend on its pool: deciding them on a half-read directory would send wrong ones.
                        return [4 /*yield*/, this.pools.whenCaughtUp()];
                        case 1:
                            // A channel's numbers depend on its pool: deciding them on a half-read directory would send wrong ones.
                            _b.sent();
                            for (_i = 0, _a = this.channels; _i < _a.length; _i++) {
                                settings = _a[_i];
                                name_1 = settings.definition.name;
                                adapter = (0, create_adapter_1.createAdapter)(settings.definition, settings.concurrency, settings.timeoutMs);
                                pipeline = new channel_pipeline_1.ChannelPipeline(settings, adapter, this.hooks());
                                this.pipelines.set(name_1, pipeline);
                                groupId = "".concat(this.config.KAFKA_TOPIC_PREFIX).concat(this.config.CHANNEL_SYNC_GROUP_ID, ".").concat(name_1);
                                feed = new channel_feed_1.ChannelFeed(this.kafka, pipeline, { groupId: groupId, topic: this.topics.stockLevels, commitIntervalMs: this.config.CHANNEL_COMMIT_INTERVAL_MS }, name_1);
                                this.feeds.push(feed);
                            }
                            return [4 /*yield*/, Promise.all(this.feeds.map(function (f) { return f.start(); }))];
                        case 2:
                            _b.sent();
                            this.logger.log("syncing ".concat(this.channels.map(function (c) { return "".concat(c.definition.name, " (").concat(c.definition.adapter, ")"); }).join(', ')));
                            return [2 /*return*/];
                    }
                });
            });
        };
        ChannelFleet_1.prototype.beforeApplicationShutdown = function () {
            return __awaiter(this, void 0, void 0, function () {
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, Promise.all(this.feeds.map(function (f) { return f.stop(); }))];
                        case 1:
                            _a.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        /** Every configured channel, in CHANNELS_FILE order. */
        ChannelFleet_1.prototype.names = function () {
            return this.channels.map(function (c) { return c.definition.name; });
        };
        ChannelFleet_1.prototype.settings = function (channel) {
            return this.channels.find(function (c) { return c.definition.name === channel; });
        };
        ChannelFleet_1.prototype.pipeline = function (channel) {
            return this.pipelines.get(channel);
        };
        ChannelFleet_1.prototype.hooks = function () {
            var _this = this;
            return {
                deadLetter: function (record) {
                    return _this.publisher.publish(_this.topics.channelSyncDlq, [
                        { key: "".concat(record.channel, ":").concat(record.sku), value: JSON.stringify(record), headers: { 'x-dlq-code': record.code } },
                    ]);
                },
                availability: function (message) {
                    var record = { key: (0, contracts_1.channelAvailabilityKey)(message.channel, message.sku), value: JSON.stringify(message) };
                    _this.publisher.publish(_this.topics.channelAvailability, [record]).catch(function (error) {
                        availabilityFailures.inc({ channel: message.channel });
                        _this.logger.error("channel-availability of ".concat(message.channel, ":").concat(message.sku, "@").concat(message.version, " not written: ").concat(error.message));
                    });
                },
                pools: function () { return ({ directory: _this.pools.current(), version: _this.pools.version() }); },
                replaySettled: function (ids, outcome, version) {
                    // Left 'replaying' if this fails: the next replay of the channel takes such rows again.
                    _this.store.settleReplay(ids, outcome, version).catch(function (error) {
                        _this.logger.error("could not record replay outcome of dead letters ".concat(ids.join(', '), ": ").concat(error.message));
                    });
                },
            };
        };
        return ChannelFleet_1;
    }());
    __setFunctionName(_classThis, "ChannelFleet");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        ChannelFleet = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return ChannelFleet = _classThis;
}();
exports.ChannelFleet = ChannelFleet;
