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
exports.PoolResend = void 0;
var common_1 = require("@nestjs/common");
var ledger_core_1 = require("@stockflow/ledger-core");
var persistence_1 = require("@stockflow/persistence");
var token_bucket_1 = require("../delivery/token-bucket");
var resend_plan_1 = require("./resend-plan");
var resend_metrics_1 = require("./resend-metrics");
var PAGE_SIZE = 500;
/** A deferred SKU waits for the ledger's commit that follows its stock-level message: milliseconds, normally. */
var DEFERRED_ROUNDS = 60;
var DEFERRED_WAIT_MS = 1000;
var sleep = function (ms) { return new Promise(function (resolve) { return setTimeout(resolve, ms); }); };
/**
 * After a pool change, sends every affected channel each SKU whose numbers
 * moved (docs/channel-sync.md "Pool changes"). The latest per-location state
 * comes from the ledger's table (stock_locations), read in SKU pages: the
 * compacted stock-levels topic would have to be read whole and held in memory.
 *
 * Each channel runs its passes one after the other, independently of the other
 * channels (a slow channel delays only its own re-send). A pass offers a SKU
 * only while the channel has fewer than `concurrency` updates waiting, at most
 * CHANNEL_RESEND_PER_SECOND a second, so ordinary updates never queue behind a
 * catalog's worth of re-sends.
 *
 * The pools version up to which a channel's re-sends are done is kept in
 * channel_pool_resends: a pool change made while the service was down, or
 * whose pass a restart cut short, is re-sent at the next start.
 */
var PoolResend = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var PoolResend = _classThis = /** @class */ (function () {
        function PoolResend_1(feed, fleet, db, config, progress) {
            var _this = this;
            this.feed = feed;
            this.fleet = fleet;
            this.db = db;
            this.config = config;
            this.progress = progress;
            this.logger = new common_1.Logger(PoolResend.name);
            this.queues = new Map();
            /** The pool directory after each change read during startup, by version: where an unfinished pass starts. */
            this.history = new Map([[0, { directory: (0, ledger_core_1.emptyDirectory)(), version: 0 }]]);
            this.current = { directory: (0, ledger_core_1.emptyDirectory)(), version: 0 };
            this.stopped = false;
            // Registered before the feed starts, so no change is missed.
            feed.onChange(function (before, after) {
                var previous = _this.current;
                _this.current = { directory: after, version: feed.version() };
                if (!feed.isCaughtUp()) {
                    _this.history.set(_this.current.version, _this.current);
                    return;
                }
                var channels = (0, resend_plan_1.affectedChannels)(before, after, _this.fleet.names());
                _this.logger.log("pool change ".concat(previous.version, " -> ").concat(_this.current.version, ": ").concat(channels.length > 0 ? "re-sending to ".concat(channels.join(', ')) : 'no channel affected'));
                for (var _i = 0, channels_1 = channels; _i < channels_1.length; _i++) {
                    var channel = channels_1[_i];
                    _this.enqueue(channel, previous, _this.current);
                }
                // Unaffected channels are done with this change too.
                for (var _a = 0, _b = _this.fleet.names(); _a < _b.length; _a++) {
                    var channel = _b[_a];
                    if (!channels.includes(channel))
                        _this.enqueueMark(channel, _this.current.version);
                }
            });
        }
        PoolResend_1.prototype.onApplicationBootstrap = function () {
            return __awaiter(this, void 0, void 0, function () {
                var done, _i, _a, channel, from, before;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0: return [4 /*yield*/, this.feed.whenCaughtUp()];
                        case 1:
                            _b.sent();
                            return [4 /*yield*/, this.progress.doneVersions()];
                        case 2:
                            done = _b.sent();
                            for (_i = 0, _a = this.fleet.names(); _i < _a.length; _i++) {
                                channel = _a[_i];
                                from = done.get(channel);
                                // A new channel's feed reads stock levels from the beginning under the current pools: nothing to re-send.
                                if (from === undefined || from >= this.current.version) {
                                    this.enqueueMark(channel, this.current.version);
                                    continue;
                                }
                                before = this.viewAt(from);
                                if ((0, resend_plan_1.affectedChannels)(before.directory, this.current.directory, [channel]).length === 0)
                                    this.enqueueMark(channel, this.current.version);
                                else {
                                    this.logger.log("channel ".concat(channel, ": pool changes ").concat(from, " -> ").concat(this.current.version, " happened while stopped, re-sending"));
                                    this.enqueue(channel, before, this.current);
                                }
                            }
                            return [2 /*return*/];
                    }
                });
            });
        };
        PoolResend_1.prototype.beforeApplicationShutdown = function () {
            return __awaiter(this, void 0, void 0, function () {
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            this.stopped = true;
                            return [4 /*yield*/, Promise.all(this.queues.values())];
                        case 1:
                            _a.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        /** Resolves when every pass queued so far has ended (tests, shutdown). */
        PoolResend_1.prototype.idle = function () {
            return Promise.all(this.queues.values()).then(function () { return undefined; });
        };
        PoolResend_1.prototype.enqueue = function (channel, before, after) {
            var _this = this;
            this.chain(channel, function () { return __awaiter(_this, void 0, void 0, function () {
                var finished;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, this.pass(channel, before, after)];
                        case 1:
                            finished = _a.sent();
                            if (!finished) return [3 /*break*/, 3];
                            return [4 /*yield*/, this.progress.markDone(channel, after.version)];
                        case 2:
                            _a.sent();
                            _a.label = 3;
                        case 3: return [2 /*return*/];
                    }
                });
            }); });
        };
        PoolResend_1.prototype.enqueueMark = function (channel, version) {
            var _this = this;
            this.chain(channel, function () { return _this.progress.markDone(channel, version); });
        };
        PoolResend_1.prototype.chain = function (channel, work) {
            var _this = this;
            var _a;
            var previous = (_a = this.queues.get(channel)) !== null && _a !== void 0 ? _a : Promise.resolve();
            this.queues.set(channel, previous.then(work).catch(function (error) { return _this.logger.error("channel ".concat(channel, ": pool re-send failed: ").concat(error.message)); }));
        };
        /** One pass over every SKU for one channel; false if shutdown cut it short. */
        PoolResend_1.prototype.pass = function (channel, before, after) {
            return __awaiter(this, void 0, void 0, function () {
                var pipeline, settings, bucket, counts, deferred, offer, started, scanned, lastLog, afterSku, page, _i, page_1, level, round, _a, _b, level;
                var _this = this;
                return __generator(this, function (_c) {
                    switch (_c.label) {
                        case 0:
                            if (!!this.fleet.pipeline(channel)) return [3 /*break*/, 2];
                            return [4 /*yield*/, sleep(50)];
                        case 1:
                            _c.sent();
                            return [3 /*break*/, 0];
                        case 2:
                            pipeline = this.fleet.pipeline(channel);
                            settings = this.fleet.settings(channel);
                            bucket = new token_bucket_1.TokenBucket(this.config.CHANNEL_RESEND_PER_SECOND, Date.now());
                            counts = new Map();
                            deferred = new Set();
                            offer = function (level) { return __awaiter(_this, void 0, void 0, function () {
                                var result;
                                var _a;
                                return __generator(this, function (_b) {
                                    switch (_b.label) {
                                        case 0:
                                            if (!(0, resend_plan_1.movedAvailability)(channel, level, before, after, settings.definition))
                                                return [2 /*return*/];
                                            return [4 /*yield*/, this.capacity(pipeline, settings, bucket)];
                                        case 1:
                                            _b.sent();
                                            result = pipeline.resend(level);
                                            counts.set(result, ((_a = counts.get(result)) !== null && _a !== void 0 ? _a : 0) + 1);
                                            resend_metrics_1.poolResendMetrics.skus.inc({ channel: channel, result: result });
                                            if (result === 'deferred')
                                                deferred.add(level.sku);
                                            else
                                                deferred.delete(level.sku);
                                            return [2 /*return*/];
                                    }
                                });
                            }); };
                            started = Date.now();
                            resend_metrics_1.poolResendMetrics.passes.inc({ channel: channel, phase: 'started' });
                            resend_metrics_1.poolResendMetrics.running.set({ channel: channel }, 1);
                            this.logger.log("channel ".concat(channel, ": re-send for pools ").concat(before.version, " -> ").concat(after.version, " started"));
                            scanned = 0;
                            lastLog = started;
                            _c.label = 3;
                        case 3:
                            _c.trys.push([3, , 20, 21]);
                            afterSku = '';
                            _c.label = 4;
                        case 4:
                            if (this.stopped)
                                return [2 /*return*/, this.stop(channel, scanned)];
                            return [4 /*yield*/, (0, persistence_1.locationLevelsPage)(this.db, afterSku, PAGE_SIZE)];
                        case 5:
                            page = _c.sent();
                            if (page.length === 0)
                                return [3 /*break*/, 11];
                            _i = 0, page_1 = page;
                            _c.label = 6;
                        case 6:
                            if (!(_i < page_1.length)) return [3 /*break*/, 9];
                            level = page_1[_i];
                            if (this.stopped)
                                return [2 /*return*/, this.stop(channel, scanned)];
                            return [4 /*yield*/, offer(level)];
                        case 7:
                            _c.sent();
                            _c.label = 8;
                        case 8:
                            _i++;
                            return [3 /*break*/, 6];
                        case 9:
                            scanned += page.length;
                            resend_metrics_1.poolResendMetrics.scanned.inc({ channel: channel }, page.length);
                            afterSku = page[page.length - 1].sku;
                            if (Date.now() - lastLog >= 5000) {
                                lastLog = Date.now();
                                this.logger.log("channel ".concat(channel, ": re-send progress: ").concat(scanned, " SKUs examined, up to ").concat(afterSku, "; ").concat(summary(counts)));
                            }
                            _c.label = 10;
                        case 10: return [3 /*break*/, 4];
                        case 11:
                            round = 0;
                            _c.label = 12;
                        case 12:
                            if (!(deferred.size > 0 && round < DEFERRED_ROUNDS)) return [3 /*break*/, 19];
                            return [4 /*yield*/, sleep(DEFERRED_WAIT_MS)];
                        case 13:
                            _c.sent();
                            if (this.stopped)
                                return [2 /*return*/, this.stop(channel, scanned)];
                            _a = 0;
                            return [4 /*yield*/, (0, persistence_1.locationLevelsOf)(this.db, __spreadArray([], deferred, true))];
                        case 14:
                            _b = _c.sent();
                            _c.label = 15;
                        case 15:
                            if (!(_a < _b.length)) return [3 /*break*/, 18];
                            level = _b[_a];
                            return [4 /*yield*/, offer(level)];
                        case 16:
                            _c.sent();
                            _c.label = 17;
                        case 17:
                            _a++;
                            return [3 /*break*/, 15];
                        case 18:
                            round++;
                            return [3 /*break*/, 12];
                        case 19:
                            if (deferred.size > 0)
                                this.logger.warn("channel ".concat(channel, ": ").concat(deferred.size, " SKUs stayed behind the ledger; their next change sends them"));
                            resend_metrics_1.poolResendMetrics.passes.inc({ channel: channel, phase: 'done' });
                            this.logger.log("channel ".concat(channel, ": re-send done in ").concat(Date.now() - started, " ms: ").concat(scanned, " SKUs examined; ").concat(summary(counts)));
                            return [2 /*return*/, true];
                        case 20:
                            resend_metrics_1.poolResendMetrics.running.set({ channel: channel }, 0);
                            return [7 /*endfinally*/];
                        case 21: return [2 /*return*/];
                    }
                });
            });
        };
        /** Waits until the channel has room: its waiting updates below its concurrency, and a token of the pass's rate. */
        PoolResend_1.prototype.capacity = function (pipeline, settings, bucket) {
            return __awaiter(this, void 0, void 0, function () {
                var now;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            if (!(!this.stopped && pipeline.waitingCount() >= settings.concurrency)) return [3 /*break*/, 2];
                            return [4 /*yield*/, sleep(20)];
                        case 1:
                            _a.sent();
                            return [3 /*break*/, 0];
                        case 2:
                            now = Date.now();
                            _a.label = 3;
                        case 3:
                            if (!!bucket.tryTake(now)) return [3 /*break*/, 6];
                            return [4 /*yield*/, sleep(Math.max(1, bucket.nextTokenAt(now) - now))];
                        case 4:
                            _a.sent();
                            _a.label = 5;
                        case 5:
                            now = Date.now();
                            return [3 /*break*/, 3];
                        case 6: return [2 /*return*/];
                    }
                });
            });
        };
        PoolResend_1.prototype.stop = function (channel, scanned) {
            resend_metrics_1.poolResendMetrics.passes.inc({ channel: channel, phase: 'stopped' });
            this.logger.log("channel ".concat(channel, ": re-send stopped by shutdown after ").concat(scanned, " SKUs; the next start finishes it"));
            return false;
        };
        /** The directory as it was at `version` (the newest change at or before it). */
        PoolResend_1.prototype.viewAt = function (version) {
            var best = this.history.get(0);
            for (var _i = 0, _a = this.history.values(); _i < _a.length; _i++) {
                var view = _a[_i];
                if (view.version <= version && view.version >= best.version)
                    best = view;
            }
            return best;
        };
        return PoolResend_1;
    }());
    __setFunctionName(_classThis, "PoolResend");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        PoolResend = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return PoolResend = _classThis;
}();
exports.PoolResend = PoolResend;
function summary(counts) {
    var parts = __spreadArray([], counts, true).map(function (_a) {
        var result = _a[0], n = _a[1];
        return "".concat(result, " ").concat(n);
    });
    return parts.length > 0 ? parts.join(', ') : 'nothing moved';
}
