"use strict";
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
exports.ChannelFeed = void 0;
var common_1 = require("@nestjs/common");
var tracing_1 = require("@stockflow/tracing");
var decode_stock_level_1 = require("./decode-stock-level");
/**
 * One channel's Kafka consumer on inventory.stock-levels, in a consumer group
 * of its own, so each channel reads at its own pace. It hands every message to
 * the channel's pipeline at once (the pipeline coalesces), and commits only the
 * offsets the pipeline reports delivered or dead-lettered: after a crash the
 * group resumes below every update the channel had not got, and the channel
 * receives the newest state again (at least once; versions make repeats harmless).
 */
var ChannelFeed = /** @class */ (function () {
    function ChannelFeed(kafka, pipeline, options, channel) {
        this.kafka = kafka;
        this.pipeline = pipeline;
        this.options = options;
        this.channel = channel;
        this.committed = new Map();
        this.owned = new Set();
        /** Readiness: the group has been joined (partitions assigned) at least once. */
        this.joined = false;
        this.logger = new common_1.Logger("feed ".concat(channel));
    }
    ChannelFeed.prototype.start = function () {
        return __awaiter(this, void 0, void 0, function () {
            var topic, consumer;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        topic = this.options.topic;
                        consumer = this.kafka.consumer({
                            groupId: this.options.groupId,
                            // Under load a fetch returns once 16 KiB (~60 stock levels) are there, at most 25 ms
                            // after it was sent: one round trip per batch instead of one per trickle of messages,
                            // which kept five consumers busy re-fetching. Idle, it long-polls for 25 ms.
                            minBytes: 16 * 1024,
                            maxWaitTimeInMs: 25,
                            sessionTimeout: 30000,
                            heartbeatInterval: 3000,
                            retry: { retries: 8, restartOnFailure: function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                                    return [2 /*return*/, true];
                                }); }); } },
                        });
                        consumer.on(consumer.events.GROUP_JOIN, function (_a) {
                            var _b;
                            var payload = _a.payload;
                            _this.owned = new Set((_b = payload.memberAssignment[topic]) !== null && _b !== void 0 ? _b : []);
                            _this.pipeline.keepPartitions(_this.owned);
                            // Kafka resumes every owned partition from its committed offset; what we knew before may be stale.
                            _this.committed = new Map();
                            _this.joined = true;
                            _this.crashed = undefined;
                        });
                        consumer.on(consumer.events.CRASH, function (_a) {
                            var payload = _a.payload;
                            _this.crashed = payload.error;
                            _this.logger.error("consumer crashed (restart: ".concat(payload.restart, "): ").concat(payload.error.message));
                        });
                        return [4 /*yield*/, consumer.connect()];
                    case 1:
                        _a.sent();
                        // A new channel starts from the beginning of the compacted topic: it learns every SKU's current state.
                        return [4 /*yield*/, consumer.subscribe({ topic: topic, fromBeginning: true })];
                    case 2:
                        // A new channel starts from the beginning of the compacted topic: it learns every SKU's current state.
                        _a.sent();
                        return [4 /*yield*/, consumer.run({
                                autoCommit: false,
                                eachBatchAutoResolve: false,
                                eachBatch: function (_a) { return __awaiter(_this, [_a], void 0, function (_b) {
                                    var _i, _c, message, position, decoded, _d, sku, version, available, locations, updatedAt, source;
                                    var _e, _f;
                                    var batch = _b.batch, resolveOffset = _b.resolveOffset, isRunning = _b.isRunning, isStale = _b.isStale;
                                    return __generator(this, function (_g) {
                                        if (!isRunning() || isStale())
                                            return [2 /*return*/];
                                        for (_i = 0, _c = batch.messages; _i < _c.length; _i++) {
                                            message = _c[_i];
                                            position = { partition: batch.partition, offset: Number(message.offset) };
                                            decoded = (0, decode_stock_level_1.decodeStockLevel)(message);
                                            if (!decoded.ok) {
                                                this.pipeline.passOver(position);
                                                continue;
                                            }
                                            _d = decoded.level, sku = _d.sku, version = _d.version, available = _d.available, locations = _d.locations, updatedAt = _d.updatedAt;
                                            source = { topic: topic, partition: batch.partition, offset: message.offset, key: (_f = (_e = message.key) === null || _e === void 0 ? void 0 : _e.toString()) !== null && _f !== void 0 ? _f : null, value: message.value };
                                            this.pipeline.offer({ sku: sku, version: version, available: available, changedAt: Date.parse(updatedAt) || undefined, trace: (0, tracing_1.traceHeadersOf)(message.headers) }, { position: position, source: source });
                                        }
                                        // Only moves the fetch position; what is committed is decided by the pipeline.
                                        resolveOffset(batch.lastOffset());
                                        return [2 /*return*/];
                                    });
                                }); },
                            })];
                    case 3:
                        _a.sent();
                        this.consumer = consumer;
                        this.commitTimer = setInterval(function () { return void _this.commitDelivered(); }, this.options.commitIntervalMs);
                        return [2 /*return*/];
                }
            });
        });
    };
    /**
     * SIGTERM: stop fetching, let the sends in flight finish, commit what they
     * delivered, leave the group. Updates not yet sent are not committed, so the
     * next owner of the group sends them.
     */
    ChannelFeed.prototype.stop = function () {
        return __awaiter(this, void 0, void 0, function () {
            var _a, _b;
            return __generator(this, function (_c) {
                switch (_c.label) {
                    case 0:
                        clearInterval(this.commitTimer);
                        (_a = this.consumer) === null || _a === void 0 ? void 0 : _a.pause([{ topic: this.options.topic }]);
                        return [4 /*yield*/, this.pipeline.stop()];
                    case 1:
                        _c.sent();
                        return [4 /*yield*/, this.commitDelivered()];
                    case 2:
                        _c.sent();
                        return [4 /*yield*/, ((_b = this.consumer) === null || _b === void 0 ? void 0 : _b.disconnect())];
                    case 3:
                        _c.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    ChannelFeed.prototype.commitDelivered = function () {
        return __awaiter(this, void 0, void 0, function () {
            var offsets, _i, offsets_1, o, error_1;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (!this.consumer)
                            return [2 /*return*/];
                        offsets = __spreadArray([], this.pipeline.committable(), true).filter(function (_a) {
                            var _b;
                            var partition = _a[0], offset = _a[1];
                            return _this.owned.has(partition) && offset > ((_b = _this.committed.get(partition)) !== null && _b !== void 0 ? _b : -1);
                        })
                            .map(function (_a) {
                            var partition = _a[0], offset = _a[1];
                            return ({ topic: _this.options.topic, partition: partition, offset: offset.toString() });
                        });
                        if (offsets.length === 0)
                            return [2 /*return*/];
                        _a.label = 1;
                    case 1:
                        _a.trys.push([1, 3, , 4]);
                        return [4 /*yield*/, this.consumer.commitOffsets(offsets)];
                    case 2:
                        _a.sent();
                        for (_i = 0, offsets_1 = offsets; _i < offsets_1.length; _i++) {
                            o = offsets_1[_i];
                            this.committed.set(o.partition, Number(o.offset));
                        }
                        return [3 /*break*/, 4];
                    case 3:
                        error_1 = _a.sent();
                        // A rebalance or a coordinator move; the next tick commits again (nothing is lost by waiting).
                        this.logger.warn("commit failed, will retry: ".concat(error_1.message));
                        return [3 /*break*/, 4];
                    case 4: return [2 /*return*/];
                }
            });
        });
    };
    return ChannelFeed;
}());
exports.ChannelFeed = ChannelFeed;
