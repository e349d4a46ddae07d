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
exports.CheckoutLoad = void 0;
exports.merge = merge;
exports.summarise = summarise;
var crypto_1 = require("crypto");
var perf_hooks_1 = require("perf_hooks");
var persistence_1 = require("@stockflow/persistence");
var reservations_1 = require("@stockflow/reservations");
var bench_stats_1 = require("./bench-stats");
/** Partitions the ledger load is spread over (each one's batches in order, as the ledger does). */
var PARTITIONS = 4;
function merge(runs) {
    return {
        checkout: summarise(runs.flatMap(function (r) { return r.checkout.samples; })),
        ledger: summarise(runs.flatMap(function (r) { return r.ledger.samples; })),
    };
}
/**
 * Open-loop load at fixed rates (what a shop sees: orders arrive whether or not
 * the last one finished): reserveOrders calls, and ledger batches spread over
 * PARTITIONS "partitions", each partition's batches in order. Latency is counted
 * from when a call was due, so a stall shows up in full (no coordinated omission).
 */
var CheckoutLoad = /** @class */ (function () {
    function CheckoutLoad(ctx, db, shape) {
        this.ctx = ctx;
        this.db = db;
        this.shape = shape;
        this.order = 0;
        this.offsets = new Map();
        this.fulfil = Array.from({ length: PARTITIONS }, function () { return []; });
        this.partitions = Array.from({ length: PARTITIONS }, function () { return Promise.resolve(); });
        this.ledgerTurn = 0;
    }
    CheckoutLoad.prototype.run = function (windowMs) {
        return __awaiter(this, void 0, void 0, function () {
            var _a, checkout, ledger;
            var _this = this;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0: return [4 /*yield*/, Promise.all([
                            openLoop(this.shape.checkoutRate, windowMs, function () { return _this.reserve(); }),
                            openLoop(this.shape.ledgerRate, windowMs, function () {
                                var partition = _this.ledgerTurn++ % PARTITIONS;
                                var next = _this.partitions[partition].then(function () { return _this.ledgerBatch(partition); });
                                _this.partitions[partition] = next;
                                return next;
                            }),
                        ])];
                    case 1:
                        _a = _b.sent(), checkout = _a[0], ledger = _a[1];
                        return [2 /*return*/, { checkout: summarise(checkout), ledger: summarise(ledger) }];
                }
            });
        });
    };
    CheckoutLoad.prototype.reserve = function () {
        var _this = this;
        var n = this.order++;
        var order = { orderId: "bench-".concat(n), channel: 'web', lines: [{ sku: "SKU-".concat(n % this.shape.skus), quantity: 1 }] };
        return (0, reservations_1.reserveOrders)(this.ctx, [order], new Date(), function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
            return [2 /*return*/, undefined];
        }); }); });
    };
    /** 50 new reservations and the fulfilment of the previous batch's 50: the ledger nets as fast as it reserves. */
    CheckoutLoad.prototype.ledgerBatch = function (partition) {
        return __awaiter(this, void 0, void 0, function () {
            var previous, sku, fresh, events, offset, messages;
            var _this = this;
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        previous = this.fulfil[partition];
                        sku = function () { return "SKU-".concat(partition + PARTITIONS * Math.floor((Math.random() * _this.shape.skus) / PARTITIONS)); };
                        fresh = Array.from({ length: 50 }, function () { return ({ sku: sku(), reservationId: (0, crypto_1.randomUUID)() }); });
                        events = __spreadArray(__spreadArray([], fresh.map(function (r) { return event(__assign(__assign({ type: 'StockReserved' }, r), { quantity: 1 })); }), true), previous.map(function (r) { return event(__assign(__assign({ type: 'ReservationFulfilled' }, r), { locationId: 'WH', quantity: 1 })); }), true);
                        this.fulfil[partition] = fresh;
                        offset = (_a = this.offsets.get(partition)) !== null && _a !== void 0 ? _a : 0;
                        this.offsets.set(partition, offset + events.length);
                        messages = events.map(function (e, i) { return ({
                            key: Buffer.from(e.sku),
                            value: Buffer.from(JSON.stringify(e)),
                            offset: String(offset + i),
                        }); });
                        return [4 /*yield*/, (0, persistence_1.sqlPool)(this.db).transaction(function (tx) { return (0, persistence_1.foldPartitionBatch)(tx, { groupId: 'bench', topic: 'bench', partition: partition }, messages); })];
                    case 1:
                        _b.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    return CheckoutLoad;
}());
exports.CheckoutLoad = CheckoutLoad;
function openLoop(rate, windowMs, op) {
    return __awaiter(this, void 0, void 0, function () {
        var samples, inFlight, start, _loop_1, n, state_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    samples = [];
                    inFlight = [];
                    start = perf_hooks_1.performance.now();
                    _loop_1 = function (n) {
                        var due;
                        return __generator(this, function (_b) {
                            switch (_b.label) {
                                case 0:
                                    due = start + (n * 1000) / rate;
                                    if (due >= start + windowMs)
                                        return [2 /*return*/, "break"];
                                    if (!(due > perf_hooks_1.performance.now())) return [3 /*break*/, 2];
                                    return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, due - perf_hooks_1.performance.now()); })];
                                case 1:
                                    _b.sent();
                                    _b.label = 2;
                                case 2:
                                    inFlight.push(op().then(function () { return samples.push(perf_hooks_1.performance.now() - due); }));
                                    return [2 /*return*/];
                            }
                        });
                    };
                    n = 0;
                    _a.label = 1;
                case 1: return [5 /*yield**/, _loop_1(n)];
                case 2:
                    state_1 = _a.sent();
                    if (state_1 === "break")
                        return [3 /*break*/, 4];
                    _a.label = 3;
                case 3:
                    n++;
                    return [3 /*break*/, 1];
                case 4: return [4 /*yield*/, Promise.all(inFlight)];
                case 5:
                    _a.sent();
                    return [2 /*return*/, samples];
            }
        });
    });
}
function event(fields) {
    return __assign({ eventId: (0, crypto_1.randomUUID)(), channel: 'web', occurredAt: new Date().toISOString(), schemaVersion: 1 }, fields);
}
function summarise(samples) {
    var sorted = __spreadArray([], samples, true).sort(function (a, b) { return a - b; });
    return { samples: samples, count: sorted.length, p50: (0, bench_stats_1.percentile)(sorted, 50), p99: (0, bench_stats_1.percentile)(sorted, 99) };
}
