"use strict";
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
exports.BatchConsumer = void 0;
var common_1 = require("@nestjs/common");
var service_kit_1 = require("@stockflow/service-kit");
var batchRetries = (0, service_kit_1.counter)({
    name: 'stockflow_consumer_batch_retries_total',
    help: 'Consumer batches retried in place because a dependency failed (the handler is idempotent)',
    labelNames: ['consumer'],
});
/**
 * The one kafkajs eachBatch loop of the services: a partition batch is handed
 * to `handle`, and its offset is resolved and committed only once `handle`
 * resolved, so a crash re-delivers it (handlers are idempotent). A batch that
 * arrives while stopping or after losing the partition is abandoned untouched.
 * Subclasses are Nest providers: they start with the app, leave the group on
 * SIGTERM after the batch in progress, and /health/ready waits for them.
 */
var BatchConsumer = /** @class */ (function () {
    function BatchConsumer(kafka, subscription, name, readiness) {
        var _this = this;
        this.kafka = kafka;
        this.subscription = subscription;
        this.name = name;
        this.logger = new common_1.Logger(name);
        readiness.register(name, function () {
            if (_this.crashed)
                throw new Error("consumer crashed: ".concat(_this.crashed.message));
            if (!_this.consumer)
                throw new Error('consumer not started');
        });
    }
    /** Runs before the consumer connects: create topics, listen to group events. */
    BatchConsumer.prototype.prepare = function (_consumer) {
        return __awaiter(this, void 0, void 0, function () { return __generator(this, function (_a) {
            return [2 /*return*/];
        }); });
    };
    BatchConsumer.prototype.onApplicationBootstrap = function () {
        return __awaiter(this, void 0, void 0, function () {
            var _a, groupId, topic, tuning, partitionsConsumedConcurrently, autoCommitInterval, consumer;
            var _this = this;
            var _b;
            return __generator(this, function (_c) {
                switch (_c.label) {
                    case 0:
                        _a = this.subscription, groupId = _a.groupId, topic = _a.topic, tuning = _a.tuning, partitionsConsumedConcurrently = _a.partitionsConsumedConcurrently, autoCommitInterval = _a.autoCommitInterval;
                        consumer = this.kafka.consumer(__assign(__assign({ retry: { retries: 8, restartOnFailure: function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                                    return [2 /*return*/, true];
                                }); }); } } }, tuning), { groupId: groupId }));
                        consumer.on(consumer.events.CRASH, function (_a) {
                            var payload = _a.payload;
                            _this.crashed = payload.error;
                            _this.logger.error("consumer crashed (restart: ".concat(payload.restart, "): ").concat(payload.error.message));
                        });
                        // Rejoined after a crash (e.g. "coordinator is loading" on a fresh broker): ready again,
                        // not only once a non-empty batch arrives, which on a quiet topic may take forever.
                        consumer.on(consumer.events.GROUP_JOIN, function () { return (_this.crashed = undefined); });
                        return [4 /*yield*/, this.prepare(consumer)];
                    case 1:
                        _c.sent();
                        return [4 /*yield*/, consumer.connect()];
                    case 2:
                        _c.sent();
                        return [4 /*yield*/, consumer.subscribe({ topic: topic, fromBeginning: (_b = this.subscription.fromBeginning) !== null && _b !== void 0 ? _b : true })];
                    case 3:
                        _c.sent();
                        return [4 /*yield*/, consumer.run({
                                autoCommitInterval: autoCommitInterval,
                                eachBatchAutoResolve: false,
                                partitionsConsumedConcurrently: partitionsConsumedConcurrently,
                                eachBatch: function (_a) { return __awaiter(_this, [_a], void 0, function (_b) {
                                    var run, done, _c;
                                    var _this = this;
                                    var batch = _b.batch, resolveOffset = _b.resolveOffset, heartbeat = _b.heartbeat, isRunning = _b.isRunning, isStale = _b.isStale, commitOffsetsIfNecessary = _b.commitOffsetsIfNecessary;
                                    return __generator(this, function (_d) {
                                        switch (_d.label) {
                                            case 0:
                                                if (!isRunning() || isStale() || batch.messages.length === 0)
                                                    return [2 /*return*/];
                                                run = function () { return _this.handle(batch.partition, batch.messages); };
                                                if (!this.subscription.retryFailedBatches) return [3 /*break*/, 2];
                                                return [4 /*yield*/, this.untilDone(run, { isRunning: isRunning, isStale: isStale, heartbeat: heartbeat })];
                                            case 1:
                                                _c = _d.sent();
                                                return [3 /*break*/, 4];
                                            case 2: return [4 /*yield*/, run()];
                                            case 3:
                                                _c = (_d.sent(), true);
                                                _d.label = 4;
                                            case 4:
                                                done = _c;
                                                if (!done)
                                                    return [2 /*return*/];
                                                this.crashed = undefined;
                                                resolveOffset(batch.lastOffset());
                                                return [4 /*yield*/, commitOffsetsIfNecessary()];
                                            case 5:
                                                _d.sent();
                                                return [4 /*yield*/, heartbeat()];
                                            case 6:
                                                _d.sent();
                                                return [2 /*return*/];
                                        }
                                    });
                                }); },
                            })];
                    case 4:
                        _c.sent();
                        this.consumer = consumer;
                        return [2 /*return*/];
                }
            });
        });
    };
    BatchConsumer.prototype.beforeApplicationShutdown = function () {
        return __awaiter(this, void 0, void 0, function () {
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0: return [4 /*yield*/, ((_a = this.consumer) === null || _a === void 0 ? void 0 : _a.disconnect())];
                    case 1:
                        _b.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    /** False when the batch was abandoned (stopping, or the partition moved to another member). */
    BatchConsumer.prototype.untilDone = function (run, control) {
        return __awaiter(this, void 0, void 0, function () {
            var _loop_1, this_1, attempt, state_1;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        _loop_1 = function (attempt) {
                            var error_1;
                            return __generator(this, function (_b) {
                                switch (_b.label) {
                                    case 0:
                                        _b.trys.push([0, 2, , 5]);
                                        return [4 /*yield*/, run()];
                                    case 1:
                                        _b.sent();
                                        return [2 /*return*/, { value: true }];
                                    case 2:
                                        error_1 = _b.sent();
                                        batchRetries.inc({ consumer: this_1.name });
                                        this_1.logger.warn("batch failed (attempt ".concat(attempt, "), retrying: ").concat(error_1.message));
                                        if (!control.isRunning() || control.isStale())
                                            return [2 /*return*/, { value: false }];
                                        return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, Math.min(100 * attempt, 2000)); })];
                                    case 3:
                                        _b.sent();
                                        return [4 /*yield*/, control.heartbeat().catch(function () { return undefined; })];
                                    case 4:
                                        _b.sent();
                                        return [3 /*break*/, 5];
                                    case 5: return [2 /*return*/];
                                }
                            });
                        };
                        this_1 = this;
                        attempt = 1;
                        _a.label = 1;
                    case 1: return [5 /*yield**/, _loop_1(attempt)];
                    case 2:
                        state_1 = _a.sent();
                        if (typeof state_1 === "object")
                            return [2 /*return*/, state_1.value];
                        _a.label = 3;
                    case 3:
                        attempt++;
                        return [3 /*break*/, 1];
                    case 4: return [2 /*return*/];
                }
            });
        });
    };
    return BatchConsumer;
}());
exports.BatchConsumer = BatchConsumer;
