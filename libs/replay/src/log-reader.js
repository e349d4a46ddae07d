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
exports.readLogRanges = readLogRanges;
var crypto_1 = require("crypto");
/**
 * Reads exactly the given offset range of each partition, in order, and returns
 * once every range is done. A throwaway consumer group (never committed) so a
 * replay never moves anybody's offsets. Fails if onBatch fails.
 */
function readLogRanges(options) {
    return __awaiter(this, void 0, void 0, function () {
        var pending, consumer, settle, finished, _i, pending_1, _a, partition, range;
        var _this = this;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    pending = new Map(__spreadArray([], options.ranges, true).filter(function (_a) {
                        var r = _a[1];
                        return r.from < r.to;
                    }));
                    if (pending.size === 0)
                        return [2 /*return*/];
                    consumer = options.kafka.consumer({
                        groupId: "stockflow-replay-".concat((0, crypto_1.randomBytes)(6).toString('hex')),
                        // Large fetches: replay is throughput-bound; ~25,000 events of ~350 bytes per partition fetch.
                        maxBytesPerPartition: 8 * 1024 * 1024,
                        maxBytes: 32 * 1024 * 1024,
                        maxWaitTimeInMs: 100,
                        sessionTimeout: 60000,
                    });
                    finished = new Promise(function (resolve, reject) { return (settle = { resolve: resolve, reject: reject }); });
                    return [4 /*yield*/, consumer.connect()];
                case 1:
                    _b.sent();
                    _b.label = 2;
                case 2:
                    _b.trys.push([2, , 6, 8]);
                    return [4 /*yield*/, consumer.subscribe({ topic: options.topic, fromBeginning: true })];
                case 3:
                    _b.sent();
                    return [4 /*yield*/, consumer.run({
                            autoCommit: false,
                            partitionsConsumedConcurrently: options.concurrency,
                            eachBatch: function (_a) { return __awaiter(_this, [_a], void 0, function (_b) {
                                var range, wanted, error_1;
                                var batch = _b.batch, heartbeat = _b.heartbeat, pause = _b.pause;
                                return __generator(this, function (_c) {
                                    switch (_c.label) {
                                        case 0:
                                            range = pending.get(batch.partition);
                                            if (!range)
                                                return [2 /*return*/];
                                            wanted = batch.messages.filter(function (m) { return BigInt(m.offset) >= range.from && BigInt(m.offset) < range.to; });
                                            _c.label = 1;
                                        case 1:
                                            _c.trys.push([1, 4, , 5]);
                                            if (!(wanted.length > 0)) return [3 /*break*/, 3];
                                            return [4 /*yield*/, options.onBatch(batch.partition, wanted)];
                                        case 2:
                                            _c.sent();
                                            _c.label = 3;
                                        case 3: return [3 /*break*/, 5];
                                        case 4:
                                            error_1 = _c.sent();
                                            settle.reject(error_1);
                                            pause();
                                            return [2 /*return*/];
                                        case 5: return [4 /*yield*/, heartbeat()];
                                        case 6:
                                            _c.sent();
                                            if (BigInt(batch.lastOffset()) + 1n >= range.to) {
                                                pending.delete(batch.partition);
                                                pause();
                                                if (pending.size === 0)
                                                    settle.resolve();
                                            }
                                            return [2 /*return*/];
                                    }
                                });
                            }); },
                        })];
                case 4:
                    _b.sent();
                    for (_i = 0, pending_1 = pending; _i < pending_1.length; _i++) {
                        _a = pending_1[_i], partition = _a[0], range = _a[1];
                        consumer.seek({ topic: options.topic, partition: partition, offset: range.from.toString() });
                    }
                    return [4 /*yield*/, finished];
                case 5:
                    _b.sent();
                    return [3 /*break*/, 8];
                case 6: return [4 /*yield*/, consumer.disconnect()];
                case 7:
                    _b.sent();
                    return [7 /*endfinally*/];
                case 8: return [2 /*return*/];
            }
        });
    });
}
