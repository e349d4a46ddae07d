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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelPipeline = void 0;
var common_1 = require("@nestjs/common");
var channel_sync_metrics_1 = require("../channel-sync.metrics");
var dead_letter_record_1 = require("./dead-letter-record");
var delivery_book_1 = require("./delivery-book");
var retry_policy_1 = require("./retry-policy");
var token_bucket_1 = require("./token-bucket");
var delivery_trace_1 = require("./delivery-trace");
/**
 * Everything one channel needs to receive stock, and nothing shared with any
 * other channel: its own coalescing book, rate limit, connections and retry
 * clock. A channel that is slow, throttling or down only ever delays itself.
 */
var ChannelPipeline = /** @class */ (function () {
    function ChannelPipeline(settings, adapter, hooks) {
        this.settings = settings;
        this.adapter = adapter;
        this.hooks = hooks;
        this.book = new delivery_book_1.DeliveryBook();
        this.offered = new Map();
        /** Set by a 429/503 with Retry-After: the channel asked for quiet, every SKU waits. */
        this.pausedUntil = 0;
        this.sending = 0;
        this.pumpQueued = false;
        this.stopped = false;
        this.name = settings.definition.name;
        this.logger = new common_1.Logger("channel ".concat(this.name));
        this.metrics = (0, channel_sync_metrics_1.channelMetrics)(this.name);
        var rate = settings.definition.ratePerSecond;
        if (rate !== undefined)
            this.bucket = new token_bucket_1.TokenBucket(rate, Date.now());
    }
    /**
     * A new stock state for the channel. `position` ties it to an input offset
     * (replays have none); `source` is what a dead letter of it will point at.
     */
    ChannelPipeline.prototype.offer = function (state, _a, replayIds) {
        var _b = _a === void 0 ? {} : _a, position = _b.position, source = _b.source;
        if (replayIds === void 0) { replayIds = []; }
        if (!this.adapter.lists(state.sku)) {
            if (position)
                this.book.passOver(position);
            this.metrics.updates.not_listed.inc();
            return 'not_listed';
        }
        var update = {
            sku: state.sku,
            version: state.version,
            available: state.available,
            quantity: sellableQuantity(state.available, state.sku, this.settings.definition),
            source: source,
            changedAt: state.changedAt,
            trace: state.trace,
        };
        var result = this.book.offer(update, position, replayIds);
        this.metrics.updates[result].inc();
        var before = this.offered.get(state.sku);
        if (!before || version > before.version) {
            this.offered.set(state.sku, { version: version, ledgerVersion: ledgerVersion, poolVersion: poolVersion });
            this.hooks.availability(availability);
        }
        if (result === 'queued')
            this.schedulePump();
        return result;
    };
    /**
     * Offers the SKU again after a pool change, from the ledger's table. Skipped
     * (`current`) when an update computed under this pool directory was already
     * offered. `deferred` when the feed already offered a newer ledger version
     * than the table holds (the ledger produces a stock level just before its
     * transaction commits): offering the older row would be dropped as stale,
     * leaving the channel on the old pool's numbers, so the caller reads it again.
     */
    ChannelPipeline.prototype.resend = function (state) {
        var before = this.offered.get(state.sku);
        if (before && before.poolVersion >= this.hooks.pools().version && before.ledgerVersion >= state.version)
            return 'current';
        if (before && before.ledgerVersion > state.version)
            return 'deferred';
        return this.offer(state);
    };
    /** SKUs waiting for a send: re-sends after a pool change only fill the channel while this is low. */
    ChannelPipeline.prototype.waitingCount = function () {
        return this.book.waitingCount();
    };
    /** Input offsets that were delivered or dead-lettered, per partition. */
    ChannelPipeline.prototype.committable = function () {
        return this.book.committable();
    };
    /** Input needing no delivery (poison: the input guard dead-letters it once for all channels). */
    ChannelPipeline.prototype.passOver = function (position) {
        this.book.passOver(position);
    };
    ChannelPipeline.prototype.keepPartitions = function (owned) {
        this.book.keepPartitions(owned);
    };
    /** Stops sending; resolves when the sends in flight have ended (waiting updates are abandoned). */
    ChannelPipeline.prototype.stop = function () {
        var _this = this;
        this.stopped = true;
        if (this.wake)
            clearTimeout(this.wake.timer);
        if (this.sending === 0)
            return this.adapter.close();
        return new Promise(function (resolve) { return (_this.drained = resolve); }).then(function () { return _this.adapter.close(); });
    };
    ChannelPipeline.prototype.schedulePump = function () {
        var _this = this;
        if (this.pumpQueued || this.stopped)
            return;
        this.pumpQueued = true;
        // After the current input batch is offered, so a batch coalesces before anything goes out.
        setImmediate(function () {
            _this.pumpQueued = false;
            _this.pump();
        });
    };
    ChannelPipeline.prototype.pump = function () {
        var _this = this;
        this.metrics.pending.set(this.book.waitingCount());
        while (!this.stopped && this.sending < this.settings.concurrency) {
            var now = Date.now();
            if (now < this.pausedUntil)
                return this.wakeAt(this.pausedUntil);
            if (!this.book.hasDue(now)) {
                var at = this.book.nextWakeAt();
                if (at !== undefined)
                    this.wakeAt(at);
                return;
            }
            if (this.bucket && !this.bucket.tryTake(now))
                return this.wakeAt(this.bucket.nextTokenAt(now));
            var pending_1 = this.book.takeDue(now);
            this.sending++;
            void this.deliver(pending_1).finally(function () {
                var _a;
                _this.sending--;
                if (_this.stopped && _this.sending === 0)
                    (_a = _this.drained) === null || _a === void 0 ? void 0 : _a.call(_this);
                _this.schedulePump();
            });
        }
    };
    ChannelPipeline.prototype.wakeAt = function (at) {
        var _this = this;
        if (this.wake && this.wake.at <= at)
            return;
        if (this.wake)
            clearTimeout(this.wake.timer);
        var timer = setTimeout(function () {
            _this.wake = undefined;
            _this.pump();
        }, Math.max(0, at - Date.now()));
        this.wake = { at: at, timer: timer };
    };
    ChannelPipeline.prototype.deliver = function (pending) {
        return __awaiter(this, void 0, void 0, function () {
            var request, stopTimer, outcome, _a, changedAt, version, failure;
            var _this = this;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        request = this.adapter.prepare(pending.update);
                        stopTimer = this.metrics.callSeconds.startTimer();
                        return [4 /*yield*/, (0, delivery_trace_1.traceDelivery)(this.name, pending.update, function () { return _this.adapter.send(request); })];
                    case 1:
                        outcome = _b.sent();
                        stopTimer();
                        if (outcome.ok) {
                            this.metrics.delivered.inc();
                            _a = pending.update, changedAt = _a.changedAt, version = _a.version;
                            if (changedAt)
                                this.metrics.changeToChannelSeconds.observe((Date.now() - changedAt) / 1000);
                            if (this.book.settle(pending, true) && pending.replayIds.length > 0)
                                this.hooks.replaySettled(pending.replayIds, 'replayed', version);
                            return [2 /*return*/];
                        }
                        if (!outcome.retryable) {
                            this.metrics.rejected.inc();
                            failure = { code: 'rejected', reason: outcome.reason, attempts: pending.attempts + 1 };
                            return [2 /*return*/, this.deadLetter(pending, failure, request.payload)];
                        }
                        this.metrics.retried.inc();
                        return [2 /*return*/, this.retryOrGiveUp(pending, outcome)];
                }
            });
        });
    };
    ChannelPipeline.prototype.retryOrGiveUp = function (pending, outcome) {
        return __awaiter(this, void 0, void 0, function () {
            var merged, now, retry, failure;
            var _a;
            return __generator(this, function (_b) {
                merged = this.book.fail(pending);
                if (!merged)
                    return [2 /*return*/]; // a rebalance took the SKU's partition away meanwhile
                now = Date.now();
                if (outcome.retryAfterMs !== undefined)
                    this.pausedUntil = Math.max(this.pausedUntil, now + outcome.retryAfterMs);
                retry = this.settings.retry;
                if (merged.attempts >= retry.maxAttempts) {
                    failure = { code: 'retries_exhausted', reason: outcome.reason, attempts: merged.attempts };
                    // The newest state of the SKU is what the channel lacks (and what a replay will send).
                    return [2 /*return*/, this.deadLetter(merged, failure, this.adapter.prepare(merged.update).payload)];
                }
                this.book.retry(merged, now + ((_a = outcome.retryAfterMs) !== null && _a !== void 0 ? _a : (0, retry_policy_1.backoffDelay)(merged.attempts, retry)));
                return [2 /*return*/];
            });
        });
    };
    ChannelPipeline.prototype.deadLetter = function (pending, failure, payload) {
        return __awaiter(this, void 0, void 0, function () {
            var record, error_1;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        record = (0, dead_letter_record_1.deliveryDeadLetter)(this.name, pending.update, failure, payload, new Date());
                        _a.label = 1;
                    case 1:
                        _a.trys.push([1, 3, , 4]);
                        return [4 /*yield*/, this.hooks.deadLetter(record)];
                    case 2:
                        _a.sent();
                        return [3 /*break*/, 4];
                    case 3:
                        error_1 = _a.sent();
                        // Not durable yet, so its input offset stays uncommitted: try the channel again later.
                        this.logger.error("dead letter for ".concat(pending.update.sku, " not written, retrying delivery: ").concat(error_1.message));
                        this.book.retry(pending, Date.now() + (0, retry_policy_1.backoffDelay)(failure.attempts, this.settings.retry));
                        return [2 /*return*/];
                    case 4:
                        channel_sync_metrics_1.channelSyncMetrics.deadLetters.inc({ channel: this.name, code: failure.code });
                        this.logger.warn("dead-lettered ".concat(pending.update.sku, "@").concat(pending.update.version, " after ").concat(failure.attempts, " attempt(s): ").concat(failure.reason));
                        if (this.book.settle(pending, false) && pending.replayIds.length > 0) {
                            this.hooks.replaySettled(pending.replayIds, 'replay_failed', pending.update.version);
                        }
                        return [2 /*return*/];
                }
            });
        });
    };
    return ChannelPipeline;
}());
exports.ChannelPipeline = ChannelPipeline;
