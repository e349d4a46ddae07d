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
var _a, _b, _c, _d, _e, _f, _g;
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * npm run bench:compaction — reservation cleanup beside checkout, and replay.
 *
 * 1. Loads 1,000,000 netted historical reservations and 10,000 open ones
 *    (generate_series). For the default (paced) and an unpaced cleanup:
 *    - cleanup rows/s: the real compaction service alone on the history;
 *    - checkout latency: fixed arrival rates (open loop) of
 *      · checkout: reserveOrders from libs/reservations (Redis Lua
 *        check-and-reserve plus its Postgres intent rows), the path an order takes;
 *      · ledger: foldPartitionBatch of StockReserved/ReservationFulfilled
 *        batches, the write path into the very table cleanup deletes from;
 *      in alternating windows with the compaction service frozen (SIGSTOP: the
 *      idle baseline) and running, over a fresh history.
 * 2. Produces 1,000,000 events to a fresh topic and times rebuildFromLog (the
 *    replay fold + write into a fresh schema). Baselines: the target (60 s), the
 *    same decode + fold in memory without Kafka or Postgres (the floor no replay
 *    can beat) and foldEvents over all events at once.
 *
 * CPU from /proc: per row the cleanup deletes (the compaction service and every
 * postgres process) and per event replayed (this process, which replays, Kafka
 * and Postgres).
 */
require("reflect-metadata");
var crypto_1 = require("crypto");
var ioredis_1 = require("ioredis");
var kafkajs_1 = require("kafkajs");
var ledger_core_1 = require("@stockflow/ledger-core");
var persistence_1 = require("@stockflow/persistence");
var replay_1 = require("@stockflow/replay");
var reservations_1 = require("@stockflow/reservations");
var testing_1 = require("@stockflow/testing");
var compaction_load_1 = require("./compaction-load");
var cpu_meter_1 = require("./support/cpu-meter");
var cpu_report_1 = require("./support/cpu-report");
/** What the bench-result line reports, filled in as the phases run. */
var result = {};
var infra = function () { return (0, cpu_meter_1.infrastructureGroups)((0, testing_1.repoRoot)()); };
var HISTORY = Number((_a = process.env.BENCH_HISTORY) !== null && _a !== void 0 ? _a : 1000000);
var OPEN = Number((_b = process.env.BENCH_OPEN) !== null && _b !== void 0 ? _b : 10000);
var REPLAY_EVENTS = Number((_c = process.env.BENCH_REPLAY_EVENTS) !== null && _c !== void 0 ? _c : 1000000);
var WINDOW_MS = Number((_d = process.env.BENCH_WINDOW_MS) !== null && _d !== void 0 ? _d : 4000);
var CHECKOUT_RATE = Number((_e = process.env.BENCH_CHECKOUT_RATE) !== null && _e !== void 0 ? _e : 100);
var LEDGER_RATE = Number((_f = process.env.BENCH_LEDGER_RATE) !== null && _f !== void 0 ? _f : 10);
var SKUS = 1000;
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var stack, db, redis, load, modes, results, _i, _a, _b, i, mode, rate, latency, _c, results_1, r, _loop_1, _d, results_2, r;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    console.log("bench:compaction  ".concat(HISTORY, " netted + ").concat(OPEN, " open reservations; replay of ").concat(REPLAY_EVENTS, " events"));
                    return [4 /*yield*/, (0, testing_1.createTestStack)('benchcompaction')];
                case 1:
                    stack = _e.sent();
                    return [4 /*yield*/, (0, persistence_1.connectDatabase)({ url: stack.databaseUrl, poolSize: 12 })];
                case 2:
                    db = _e.sent();
                    redis = new ioredis_1.default(stack.redisUrl);
                    _e.label = 3;
                case 3:
                    _e.trys.push([3, , 14, 16]);
                    return [4 /*yield*/, loadHistory(db, true)];
                case 4:
                    _e.sent();
                    load = new compaction_load_1.CheckoutLoad({ stock: new reservations_1.RedisStock(redis, stack.redisKeyPrefix), db: db }, db, {
                        checkoutRate: CHECKOUT_RATE,
                        ledgerRate: LEDGER_RATE,
                        skus: SKUS,
                    });
                    return [4 /*yield*/, load.run(2000)];
                case 5:
                    _e.sent(); // warm-up: counters hydrated, plans cached, JIT
                    modes = [
                        { name: 'paced (default RESERVATION_CLEANUP_ROWS_PER_SECOND=10000)', env: {} },
                        {
                            name: 'unpaced (RESERVATION_CLEANUP_ROWS_PER_SECOND=0)',
                            env: { RESERVATION_CLEANUP_ROWS_PER_SECOND: '0' },
                        },
                    ];
                    results = [];
                    _i = 0, _a = modes.entries();
                    _e.label = 6;
                case 6:
                    if (!(_i < _a.length)) return [3 /*break*/, 13];
                    _b = _a[_i], i = _b[0], mode = _b[1];
                    if (!(i > 0)) return [3 /*break*/, 8];
                    return [4 /*yield*/, loadHistory(db, false)];
                case 7:
                    _e.sent();
                    _e.label = 8;
                case 8: return [4 /*yield*/, cleanupRate(stack, db, mode.env)];
                case 9:
                    rate = _e.sent();
                    return [4 /*yield*/, loadHistory(db, false)];
                case 10:
                    _e.sent();
                    return [4 /*yield*/, besideCheckout(stack, db, load, mode.env)];
                case 11:
                    latency = _e.sent();
                    results.push(__assign(__assign({}, mode), { rate: rate, latency: latency }));
                    _e.label = 12;
                case 12:
                    _i++;
                    return [3 /*break*/, 6];
                case 13:
                    console.log('');
                    console.log('| cleanup of the history (no other load) | rows deleted | seconds | rows/s | open rows left |');
                    console.log('|---|---|---|---|---|');
                    for (_c = 0, results_1 = results; _c < results_1.length; _c++) {
                        r = results_1[_c];
                        console.log("| ".concat(r.name, " | ").concat(r.rate.deleted, " | ").concat(r.rate.seconds.toFixed(1), " | ").concat(Math.round(r.rate.deleted / r.rate.seconds), " | ").concat(r.rate.openLeft, " |"));
                    }
                    console.log('');
                    console.log("load: ".concat(CHECKOUT_RATE, " reserveOrders/s + ").concat(LEDGER_RATE, " ledger batches/s of 100 events (open loop); ") +
                        "".concat(ROUNDS, " rounds of ").concat(WINDOW_MS / 1000, " s idle then ").concat(WINDOW_MS / 1000, " s with cleanup running"));
                    console.log('| path | cleanup | idle p50 / p99 ms (baseline) | with cleanup p50 / p99 ms | p99 vs idle | median of round p99s, idle / cleanup | baseline: idle vs idle (median p99, even vs odd rounds) | p99 per round, idle/cleanup |');
                    console.log('|---|---|---|---|---|---|---|---|');
                    _loop_1 = function (r) {
                        var _loop_2 = function (path) {
                            var label = path === 'checkout'
                                ? 'checkout reserveOrders (Redis Lua + intents)'
                                : 'ledger reservation batch (100 events)';
                            var _h = [r.latency.idle[path], r.latency.busy[path]], idle = _h[0], busy = _h[1];
                            var rounds = r.latency.rounds
                                .map(function (x) { return "".concat(x.idle[path].p99.toFixed(0), "/").concat(x.busy[path].p99.toFixed(0)); })
                                .join(' ');
                            // The median of per-round p99s shrugs off one round hit by another engineer's test run.
                            var _j = ['idle', 'busy'].map(function (k) {
                                return median(r.latency.rounds.map(function (x) { return x[k][path].p99; }));
                            }), idleMedian = _j[0], busyMedian = _j[1];
                            var medians = "".concat(idleMedian.toFixed(1), " / ").concat(busyMedian.toFixed(1), " (").concat(pct(busyMedian, idleMedian), ")");
                            // The same comparison between two halves of the idle rounds: how far apart
                            // two windows with nothing changed land on this machine (the noise floor).
                            var idleRounds = r.latency.rounds.map(function (x) { return x.idle[path].p99; });
                            var _k = [0, 1].map(function (parity) {
                                return median(idleRounds.filter(function (_, i) { return i % 2 === parity; }));
                            }), even = _k[0], odd = _k[1];
                            var noise = "".concat(even.toFixed(1), " / ").concat(odd.toFixed(1), " (").concat(pct(odd, even), ")");
                            if (path === 'checkout') {
                                var mode = r.name.split(' ')[0];
                                result["".concat(mode, "CleanupRowsPerSecond")] = r.rate.deleted / r.rate.seconds;
                                result["".concat(mode, "CheckoutP99IdleMs")] = idleMedian;
                                result["".concat(mode, "CheckoutP99CleanupMs")] = busyMedian;
                                result["".concat(mode, "IdleVsIdleP99Ms")] = [even, odd];
                                result["".concat(mode, "CpuUsPerCleanedRow")] = (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(r.rate.cpu), r.rate.total, 'µs');
                            }
                            console.log("| ".concat(label, " | ").concat(r.name.split(' ')[0], " | ").concat(fmt(idle), " | ").concat(fmt(busy), " | ").concat(pct(busy.p99, idle.p99), " | ").concat(medians, " | ").concat(noise, " | ").concat(rounds, " |"));
                        };
                        for (var _f = 0, _g = ['checkout', 'ledger']; _f < _g.length; _f++) {
                            var path = _g[_f];
                            _loop_2(path);
                        }
                    };
                    for (_d = 0, results_2 = results; _d < results_2.length; _d++) {
                        r = results_2[_d];
                        _loop_1(r);
                    }
                    return [3 /*break*/, 16];
                case 14:
                    redis.disconnect();
                    return [4 /*yield*/, db.destroy()];
                case 15:
                    _e.sent();
                    return [7 /*endfinally*/];
                case 16: return [4 /*yield*/, benchReplay(stack)];
                case 17:
                    _e.sent();
                    return [4 /*yield*/, cleanup(stack)];
                case 18:
                    _e.sent();
                    (0, cpu_report_1.printBenchResult)('compaction', result);
                    return [2 /*return*/];
            }
        });
    });
}
var ROUNDS = Number((_g = process.env.BENCH_ROUNDS) !== null && _g !== void 0 ? _g : 10);
function startCleanup(stack, env) {
    return __awaiter(this, void 0, void 0, function () {
        var service, deleted;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, testing_1.startService)('compaction', __assign(__assign(__assign({}, stack.env), { COMPACTION_JOBS: 'reservation-cleanup' }), env))];
                case 1:
                    service = _a.sent();
                    deleted = function () { return __awaiter(_this, void 0, void 0, function () {
                        var metrics;
                        var _a, _b;
                        return __generator(this, function (_c) {
                            switch (_c.label) {
                                case 0: return [4 /*yield*/, fetch("".concat(service.url, "/metrics"))];
                                case 1: return [4 /*yield*/, (_c.sent()).text()];
                                case 2:
                                    metrics = _c.sent();
                                    return [2 /*return*/, Number((_b = (_a = /stockflow_compaction_items_total\{job="reservation-cleanup"\} (\d+)/.exec(metrics)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : 0)];
                            }
                        });
                    }); };
                    return [2 /*return*/, { service: service, deleted: deleted }];
            }
        });
    });
}
/** The real compaction service alone on the history: rows/s from its first deletion to the last. */
function cleanupRate(stack, db, env) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, service, deleted, meter, first_1, total, cpu;
        var _b;
        var _this = this;
        var _c;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0: return [4 /*yield*/, startCleanup(stack, env)];
                case 1:
                    _a = _d.sent(), service = _a.service, deleted = _a.deleted;
                    meter = new cpu_meter_1.CpuMeter(__spreadArray([
                        { name: 'compaction', role: 'service', pids: function () { return [service.child.pid]; } }
                    ], infra().filter(function (g) { return g.name.startsWith('postgres'); }), true)).start();
                    _d.label = 2;
                case 2:
                    _d.trys.push([2, , 6, 8]);
                    return [4 /*yield*/, (0, testing_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () {
                            var count;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0: return [4 /*yield*/, deleted()];
                                    case 1:
                                        count = _a.sent();
                                        if (!first_1 && count > 0)
                                            first_1 = { at: process.hrtime.bigint(), count: count };
                                        return [4 /*yield*/, netted(db)];
                                    case 2: return [2 /*return*/, (_a.sent()) === 0];
                                }
                            });
                        }); }, { timeoutMs: 600000, intervalMs: 100, what: 'history compacted' })];
                case 3:
                    _d.sent();
                    return [4 /*yield*/, deleted()];
                case 4:
                    total = _d.sent();
                    cpu = meter.stop();
                    console.log((0, cpu_report_1.cpuTable)("  cleanup ".concat(env.RESERVATION_CLEANUP_ROWS_PER_SECOND === '0' ? 'unpaced' : 'paced'), cpu, total, 'deleted row', 'µs'));
                    _b = {
                        deleted: total - ((_c = first_1 === null || first_1 === void 0 ? void 0 : first_1.count) !== null && _c !== void 0 ? _c : 0),
                        seconds: first_1 ? seconds(first_1.at) : NaN
                    };
                    return [4 /*yield*/, openRows(db)];
                case 5: return [2 /*return*/, (_b.openLeft = _d.sent(),
                        _b.cpu = cpu,
                        _b.total = total,
                        _b)];
                case 6: return [4 /*yield*/, service.stop()];
                case 7:
                    _d.sent();
                    return [7 /*endfinally*/];
                case 8: return [2 /*return*/];
            }
        });
    });
}
/**
 * Idle and cleanup windows alternate (the service is frozen with SIGSTOP in the
 * idle ones), so that both see the same background noise of this shared machine.
 */
function besideCheckout(stack, db, load, env) {
    return __awaiter(this, void 0, void 0, function () {
        var service, rounds, round, idle, _a, _b;
        var _c;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0: return [4 /*yield*/, startCleanup(stack, env)];
                case 1:
                    service = (_d.sent()).service;
                    rounds = [];
                    _d.label = 2;
                case 2:
                    _d.trys.push([2, , 8, 10]);
                    round = 0;
                    _d.label = 3;
                case 3:
                    if (!(round < ROUNDS)) return [3 /*break*/, 7];
                    service.child.kill('SIGSTOP');
                    return [4 /*yield*/, load.run(WINDOW_MS)];
                case 4:
                    idle = _d.sent();
                    service.child.kill('SIGCONT');
                    _b = (_a = rounds).push;
                    _c = { idle: idle };
                    return [4 /*yield*/, load.run(WINDOW_MS)];
                case 5:
                    _b.apply(_a, [(_c.busy = _d.sent(), _c)]);
                    _d.label = 6;
                case 6:
                    round++;
                    return [3 /*break*/, 3];
                case 7: return [3 /*break*/, 10];
                case 8:
                    service.child.kill('SIGCONT');
                    return [4 /*yield*/, service.stop()];
                case 9:
                    _d.sent();
                    return [7 /*endfinally*/];
                case 10: 
                // What is left of this history is not needed any more.
                return [4 /*yield*/, db.query('DELETE FROM reservations WHERE open = 0')];
                case 11:
                    // What is left of this history is not needed any more.
                    _d.sent();
                    return [2 /*return*/, { rounds: rounds, idle: (0, compaction_load_1.merge)(rounds.map(function (r) { return r.idle; })), busy: (0, compaction_load_1.merge)(rounds.map(function (r) { return r.busy; })) }];
            }
        });
    });
}
/** 1,000,000 netted rows (oldest first by updated_at, as cleanup reads them) and, the first time, 10,000 open ones. */
function loadHistory(db, first) {
    return __awaiter(this, void 0, void 0, function () {
        var started, batch;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    started = process.hrtime.bigint();
                    batch = (0, crypto_1.randomUUID)().slice(0, 8);
                    if (!first) return [3 /*break*/, 3];
                    return [4 /*yield*/, db.query("INSERT INTO stock_levels (sku, on_hand, reserved, version)\n       SELECT 'SKU-' || g, 1000000000, 0, 1 FROM generate_series(0, $1 - 1) g", [SKUS])];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, db.query("INSERT INTO reservations (reservation_id, sku, order_id, quantity, open)\n       SELECT 'open-' || g, 'SKU-' || (g % $2), 'o-open-' || g, 2, 2 FROM generate_series(1, $1) g", [OPEN, SKUS])];
                case 2:
                    _a.sent();
                    _a.label = 3;
                case 3: return [4 /*yield*/, db.query("INSERT INTO reservations (reservation_id, sku, order_id, quantity, open, updated_at)\n     SELECT 'hist-' || $3 || '-' || g, 'SKU-' || (g % $2), 'o-' || g, 1 + g % 3, 0, now() - interval '1 day' + g * interval '1 ms'\n     FROM generate_series(1, $1) g", [HISTORY, SKUS, batch])];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, db.query('VACUUM ANALYZE reservations')];
                case 5:
                    _a.sent();
                    console.log("  loaded ".concat(HISTORY, " netted reservations").concat(first ? " and ".concat(OPEN, " open ones") : '', " in ").concat(seconds(started).toFixed(1), " s"));
                    return [2 /*return*/];
            }
        });
    });
}
function benchReplay(stack) {
    return __awaiter(this, void 0, void 0, function () {
        var workload, produced, admin, ends, meter, stats, cpu, events, folded, foldSeconds, inMemorySeconds;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    workload = function () { return (0, testing_1.generateWorkload)({ count: REPLAY_EVENTS, skus: 10000, seed: 3 }); };
                    produced = process.hrtime.bigint();
                    return [4 /*yield*/, produceFast(stack, workload())];
                case 1:
                    _a.sent();
                    console.log('');
                    console.log("replay: produced ".concat(REPLAY_EVENTS, " events in ").concat(seconds(produced).toFixed(1), " s"));
                    admin = stack.kafka.admin();
                    return [4 /*yield*/, admin.connect()];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, admin.fetchTopicOffsets(stack.topics.events)];
                case 3:
                    ends = _a.sent();
                    return [4 /*yield*/, admin.disconnect()];
                case 4:
                    _a.sent();
                    meter = new cpu_meter_1.CpuMeter(__spreadArray([
                        { name: 'bench (replays)', role: 'service', pids: function () { return [process.pid]; } }
                    ], infra(), true)).start();
                    return [4 /*yield*/, (0, replay_1.rebuildFromLog)({
                            kafka: stack.kafka,
                            databaseUrl: stack.databaseUrl,
                            key: { groupId: 'bench-replay', topic: stack.topics.events },
                            poolsTopic: stack.topics.pools,
                            schema: 'replay_bench',
                            liveSchema: 'public',
                            until: new Map(ends.map(function (e) { return [e.partition, BigInt(e.high)]; })),
                            concurrency: 2,
                        })];
                case 5:
                    stats = _a.sent();
                    cpu = meter.stop();
                    events = workload();
                    folded = process.hrtime.bigint();
                    (0, ledger_core_1.foldEvents)((0, ledger_core_1.emptyLedger)(), events);
                    foldSeconds = seconds(folded);
                    return [4 /*yield*/, replayInMemory(events)];
                case 6:
                    inMemorySeconds = _a.sent();
                    console.log('');
                    console.log('| replay of the log | events | seconds | events/s |');
                    console.log('|---|---|---|---|');
                    console.log("| rebuildFromLog (Kafka read + decode + fold + write, 2 partitions in parallel) | ".concat(stats.events, " | ").concat(stats.seconds.toFixed(1), " | ").concat(Math.round(stats.events / stats.seconds), " |"));
                    console.log("| baseline: target | ".concat(REPLAY_EVENTS, " | 60.0 | ").concat(Math.round(REPLAY_EVENTS / 60), " |"));
                    console.log("| baseline: the same decode + fold in memory, no Kafka, no Postgres (the floor) | ".concat(REPLAY_EVENTS, " | ").concat(inMemorySeconds.toFixed(1), " | ").concat(Math.round(REPLAY_EVENTS / inMemorySeconds), " |"));
                    console.log("| baseline: foldEvents over all events as one batch (no decode, no I/O) | ".concat(REPLAY_EVENTS, " | ").concat(foldSeconds.toFixed(1), " | ").concat(Math.round(REPLAY_EVENTS / foldSeconds), " |"));
                    console.log("(".concat(stats.applied, " applied, ").concat(stats.duplicates, " duplicates, ").concat(stats.rejected, " rejected)"));
                    console.log((0, cpu_report_1.cpuTable)('rebuildFromLog', cpu, stats.events, 'event', 'µs'));
                    console.log("replay took ".concat((stats.seconds / inMemorySeconds).toFixed(2), "x the same-run in-memory floor (target <= 2x)"));
                    Object.assign(result, {
                        replaySeconds: stats.seconds,
                        replayFloorSeconds: inMemorySeconds,
                        replayFloorRatio: stats.seconds / inMemorySeconds,
                        foldOnlySeconds: foldSeconds,
                        replayEvents: stats.events,
                        cpuUsPerReplayedEvent: (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(cpu), stats.events, 'µs'),
                        cpuUsPerReplayedEventByProcess: Object.fromEntries(cpu.groups.map(function (g) { return [g.name, (0, cpu_report_1.perUnit)(g.seconds, stats.events, 'µs')]; })),
                    });
                    return [2 /*return*/];
            }
        });
    });
}
/**
 * What rebuildFromLog does per chunk of log messages, minus reading Kafka and
 * writing Postgres. Messages are encoded chunk by chunk, outside the timing, so
 * that a million of them are never alive at once (a replay holds one fetch).
 */
function replayInMemory(events) {
    return __awaiter(this, void 0, void 0, function () {
        var ledger, elapsed, _loop_3, i;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    ledger = replay_1.ReplayedLedger.empty();
                    elapsed = 0;
                    _loop_3 = function (i) {
                        var chunk, started;
                        return __generator(this, function (_b) {
                            switch (_b.label) {
                                case 0:
                                    chunk = events.slice(i, i + replay_1.REPLAY_CHUNK).map(function (e, n) { return ({
                                        key: Buffer.from(e.sku),
                                        value: Buffer.from(JSON.stringify(e)),
                                        offset: String(i + n),
                                    }); });
                                    started = process.hrtime.bigint();
                                    return [4 /*yield*/, ledger.fold(chunk, 0)];
                                case 1:
                                    _b.sent();
                                    elapsed += seconds(started);
                                    return [2 /*return*/];
                            }
                        });
                    };
                    i = 0;
                    _a.label = 1;
                case 1:
                    if (!(i < events.length)) return [3 /*break*/, 4];
                    return [5 /*yield**/, _loop_3(i)];
                case 2:
                    _a.sent();
                    _a.label = 3;
                case 3:
                    i += replay_1.REPLAY_CHUNK;
                    return [3 /*break*/, 1];
                case 4: return [2 /*return*/, elapsed];
            }
        });
    });
}
/** Large batches, several in flight (produceEvents sends one at a time): the log is only the bench's input. */
function produceFast(stack, events) {
    return __awaiter(this, void 0, void 0, function () {
        var producer, inFlight, i, messages;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    producer = stack.kafka.producer({ createPartitioner: kafkajs_1.Partitioners.DefaultPartitioner });
                    return [4 /*yield*/, producer.connect()];
                case 1:
                    _a.sent();
                    inFlight = [];
                    i = 0;
                    _a.label = 2;
                case 2:
                    if (!(i < events.length)) return [3 /*break*/, 5];
                    messages = events
                        .slice(i, i + 20000)
                        .map(function (e) { return ({ key: e.sku, value: JSON.stringify(e) }); });
                    inFlight.push(producer.send({ topic: stack.topics.events, acks: 1, messages: messages }));
                    if (!(inFlight.length >= 4)) return [3 /*break*/, 4];
                    return [4 /*yield*/, inFlight.shift()];
                case 3:
                    _a.sent();
                    _a.label = 4;
                case 4:
                    i += 20000;
                    return [3 /*break*/, 2];
                case 5: return [4 /*yield*/, Promise.all(inFlight)];
                case 6:
                    _a.sent();
                    return [4 /*yield*/, producer.disconnect()];
                case 7:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function cleanup(stack) {
    return __awaiter(this, void 0, void 0, function () {
        var redis, keys, i;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    redis = new ioredis_1.default(stack.redisUrl);
                    return [4 /*yield*/, redis.keys("".concat(stack.redisKeyPrefix, "*"))];
                case 1:
                    keys = _a.sent();
                    i = 0;
                    _a.label = 2;
                case 2:
                    if (!(i < keys.length)) return [3 /*break*/, 5];
                    return [4 /*yield*/, redis.del.apply(redis, keys.slice(i, i + 1000))];
                case 3:
                    _a.sent();
                    _a.label = 4;
                case 4:
                    i += 1000;
                    return [3 /*break*/, 2];
                case 5:
                    redis.disconnect();
                    return [4 /*yield*/, stack.teardown()];
                case 6:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
var netted = function (db) { return __awaiter(void 0, void 0, void 0, function () { var _a; return __generator(this, function (_b) {
    switch (_b.label) {
        case 0:
            _a = Number;
            return [4 /*yield*/, db.query('SELECT count(*) FROM reservations WHERE open = 0')];
        case 1: return [2 /*return*/, _a.apply(void 0, [(_b.sent())[0].count])];
    }
}); }); };
var openRows = function (db) { return __awaiter(void 0, void 0, void 0, function () { var _a; return __generator(this, function (_b) {
    switch (_b.label) {
        case 0:
            _a = Number;
            return [4 /*yield*/, db.query('SELECT count(*) FROM reservations WHERE open > 0')];
        case 1: return [2 /*return*/, _a.apply(void 0, [(_b.sent())[0].count])];
    }
}); }); };
function median(values) {
    var sorted = __spreadArray([], values, true).sort(function (a, b) { return a - b; });
    var mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
var fmt = function (l) { return "".concat(l.p50.toFixed(2), " / ").concat(l.p99.toFixed(2)); };
var pct = function (value, base) {
    return "".concat(value >= base ? '+' : '').concat((((value - base) / base) * 100).toFixed(0), "%");
};
function seconds(since) {
    return Number(process.hrtime.bigint() - since) / 1e9;
}
main().then(function () { return process.exit(0); }, function (error) {
    console.error(error);
    process.exit(1);
});
