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
var _a, _b, _c;
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * npm run bench:ledger — ledger throughput with the exactly-once write path.
 *
 * Produces 200,000 events over 10,000 SKUs to a fresh topic, then starts the real
 * ledger service and times from its first committed batch until every event is
 * folded (stored offsets reach the log end): the ledger's own throughput, not the
 * producer's or the group join's (both printed too). Baseline, same machine, same run, same data: one Postgres transaction per
 * event (the naive exactly-once path), over the first BASELINE_EVENTS events.
 *
 * CPU per event from /proc over each timed window: the ledger, Kafka, every
 * postgres process and Redis for the service; this process and Postgres for the
 * baseline (which runs its transactions from here).
 */
require("reflect-metadata");
var pg_1 = require("pg");
var ledger_core_1 = require("@stockflow/ledger-core");
var persistence_1 = require("@stockflow/persistence");
var testing_1 = require("@stockflow/testing");
var cpu_meter_1 = require("./support/cpu-meter");
var cpu_report_1 = require("./support/cpu-report");
var EVENTS = Number((_a = process.env.BENCH_EVENTS) !== null && _a !== void 0 ? _a : 200000);
var SKUS = Number((_b = process.env.BENCH_SKUS) !== null && _b !== void 0 ? _b : 10000);
var BASELINE_EVENTS = Number((_c = process.env.BENCH_BASELINE_EVENTS) !== null && _c !== void 0 ? _c : 10000);
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var events, batched, baseline, cpuUsPerEvent, baselineCpuUsPerEvent;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    events = (0, testing_1.generateWorkload)({ count: EVENTS, skus: SKUS, seed: 1 });
                    console.log("bench:ledger  ".concat(EVENTS, " events over ").concat(SKUS, " SKUs (every event type, ~1% duplicates)"));
                    return [4 /*yield*/, measureLedgerService(events)];
                case 1:
                    batched = _a.sent();
                    return [4 /*yield*/, measureOneTransactionPerEvent(events.slice(0, BASELINE_EVENTS))];
                case 2:
                    baseline = _a.sent();
                    console.log('');
                    console.log('| path | events | seconds | events/s |');
                    console.log('|---|---|---|---|');
                    console.log("| ledger service (batch per partition, 1 tx/batch) | ".concat(EVENTS, " | ").concat(batched.seconds.toFixed(2), " | ").concat(Math.round(batched.rate), " |"));
                    console.log("| baseline (1 tx per event) | ".concat(BASELINE_EVENTS, " | ").concat(baseline.seconds.toFixed(2), " | ").concat(Math.round(baseline.rate), " |"));
                    console.log("speed-up: ".concat((batched.rate / baseline.rate).toFixed(1), "x   (targets: >= 20,000 events/s and >= 10x)"));
                    console.log('');
                    console.log((0, cpu_report_1.cpuTable)('ledger service', batched.cpu, batched.events, 'event', 'µs'));
                    console.log((0, cpu_report_1.cpuTable)('baseline (1 tx per event, run from this process)', baseline.cpu, BASELINE_EVENTS, 'event', 'µs'));
                    cpuUsPerEvent = (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(batched.cpu), batched.events, 'µs');
                    baselineCpuUsPerEvent = (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(baseline.cpu), BASELINE_EVENTS, 'µs');
                    console.log("CPU per event: ".concat(cpuUsPerEvent.toFixed(1), " \u00B5s batched vs ").concat(baselineCpuUsPerEvent.toFixed(1), " \u00B5s one transaction per event (bench process counted as the ledger there)"));
                    (0, cpu_report_1.printBenchResult)('ledger', {
                        eventsPerSecond: batched.rate,
                        baselinePerSecond: baseline.rate,
                        speedUp: batched.rate / baseline.rate,
                        cpuUsPerEvent: cpuUsPerEvent,
                        cpuUsPerEventLedger: (0, cpu_report_1.perUnit)(batched.cpu.groups.find(function (g) { return g.name === 'ledger'; }).seconds, batched.events, 'µs'),
                        cpuUsPerEventByProcess: Object.fromEntries(batched.cpu.groups.map(function (g) { return [g.name, (0, cpu_report_1.perUnit)(g.seconds, batched.events, 'µs')]; })),
                        baselineCpuUsPerEvent: baselineCpuUsPerEvent,
                    });
                    return [2 /*return*/];
            }
        });
    });
}
function measureLedgerService(events) {
    return __awaiter(this, void 0, void 0, function () {
        var stack, db, folded, ledger, produceStart, launched, firstBatch, meter, before, elapsed, cpu;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, testing_1.createTestStack)('benchledger')];
                case 1:
                    stack = _a.sent();
                    db = new pg_1.Pool({ connectionString: stack.databaseUrl, max: 1 });
                    folded = function () { return __awaiter(_this, void 0, void 0, function () {
                        var _a;
                        return __generator(this, function (_b) {
                            switch (_b.label) {
                                case 0:
                                    _a = Number;
                                    return [4 /*yield*/, db.query('SELECT coalesce(sum(next_offset), 0)::bigint AS n FROM consumer_offsets')];
                                case 1: return [2 /*return*/, _a.apply(void 0, [(_b.sent())
                                            .rows[0].n])];
                            }
                        });
                    }); };
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 8, 12]);
                    produceStart = process.hrtime.bigint();
                    return [4 /*yield*/, (0, testing_1.produceEvents)(stack.kafka, stack.topics.events, events, 10000)];
                case 3:
                    _a.sent();
                    console.log("  produced ".concat(events.length, " events in ").concat(seconds(produceStart).toFixed(2), " s"));
                    launched = process.hrtime.bigint();
                    return [4 /*yield*/, (0, testing_1.startService)('ledger', stack.env)];
                case 4:
                    ledger = _a.sent();
                    return [4 /*yield*/, (0, testing_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                            switch (_a.label) {
                                case 0: return [4 /*yield*/, folded()];
                                case 1: return [2 /*return*/, (_a.sent()) > 0];
                            }
                        }); }); }, {
                            timeoutMs: 120000,
                            intervalMs: 20,
                            what: 'first batch',
                        })];
                case 5:
                    _a.sent();
                    firstBatch = process.hrtime.bigint();
                    meter = new cpu_meter_1.CpuMeter(__spreadArray(__spreadArray([
                        { name: 'ledger', role: 'service', pids: function () { return [ledger.child.pid]; } }
                    ], (0, cpu_meter_1.infrastructureGroups)((0, testing_1.repoRoot)()), true), [
                        (0, cpu_meter_1.benchGroup)('bench (polls the offsets)'),
                    ], false)).start();
                    return [4 /*yield*/, folded()];
                case 6:
                    before = _a.sent();
                    return [4 /*yield*/, (0, testing_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                            switch (_a.label) {
                                case 0: return [4 /*yield*/, folded()];
                                case 1: return [2 /*return*/, (_a.sent()) >= events.length];
                            }
                        }); }); }, {
                            timeoutMs: 600000,
                            intervalMs: 50,
                            what: 'caught up',
                        })];
                case 7:
                    _a.sent();
                    elapsed = seconds(firstBatch);
                    cpu = meter.stop();
                    console.log("  ledger start to first batch ".concat((Number(firstBatch - launched) / 1e9).toFixed(2), " s; then caught up in ").concat(elapsed.toFixed(2), " s"));
                    return [2 /*return*/, {
                            seconds: elapsed,
                            rate: (events.length - before) / elapsed,
                            events: events.length - before,
                            cpu: cpu,
                        }];
                case 8: return [4 /*yield*/, (ledger === null || ledger === void 0 ? void 0 : ledger.stop())];
                case 9:
                    _a.sent();
                    return [4 /*yield*/, db.end()];
                case 10:
                    _a.sent();
                    return [4 /*yield*/, stack.teardown()];
                case 11:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 12: return [2 /*return*/];
            }
        });
    });
}
function measureOneTransactionPerEvent(events) {
    return __awaiter(this, void 0, void 0, function () {
        var stack, db, client, tx, key, meter, started, i, event_1, before, result, elapsed;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, testing_1.createTestStack)('benchbaseline')];
                case 1:
                    stack = _a.sent();
                    db = new pg_1.Pool({ connectionString: stack.databaseUrl, max: 1 });
                    return [4 /*yield*/, db.connect()];
                case 2:
                    client = _a.sent();
                    tx = (0, persistence_1.clientTransaction)(client);
                    key = { groupId: 'baseline', topic: 'baseline', partition: 0 };
                    _a.label = 3;
                case 3:
                    _a.trys.push([3, , 13, 16]);
                    meter = new cpu_meter_1.CpuMeter(__spreadArray(__spreadArray([], (0, cpu_meter_1.infrastructureGroups)((0, testing_1.repoRoot)()).filter(function (g) { return g.name !== 'kafka'; }), true), [
                        // The baseline's ledger is this process: its CPU is the work here, not load.
                        { name: 'bench (is the ledger here)', role: 'service', pids: function () { return [process.pid]; } },
                    ], false)).start();
                    started = process.hrtime.bigint();
                    i = 0;
                    _a.label = 4;
                case 4:
                    if (!(i < events.length)) return [3 /*break*/, 12];
                    event_1 = events[i];
                    return [4 /*yield*/, client.query('BEGIN')];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, (0, persistence_1.lockOffset)(tx, key)];
                case 6:
                    _a.sent();
                    return [4 /*yield*/, (0, persistence_1.loadLedgerSlice)(tx, [event_1.sku], 'reservationId' in event_1 ? [event_1.reservationId] : [], [event_1.eventId])];
                case 7:
                    before = _a.sent();
                    result = (0, ledger_core_1.foldEvents)(before, [event_1]);
                    return [4 /*yield*/, (0, persistence_1.writeBatch)(tx, result, new Map([[event_1.eventId, { event: event_1, position: { partition: 0, offset: String(i) } }]]))];
                case 8:
                    _a.sent();
                    return [4 /*yield*/, (0, persistence_1.saveOffset)(tx, key, BigInt(i + 1))];
                case 9:
                    _a.sent();
                    return [4 /*yield*/, client.query('COMMIT')];
                case 10:
                    _a.sent();
                    _a.label = 11;
                case 11:
                    i++;
                    return [3 /*break*/, 4];
                case 12:
                    elapsed = seconds(started);
                    return [2 /*return*/, { seconds: elapsed, rate: events.length / elapsed, cpu: meter.stop() }];
                case 13:
                    client.release();
                    return [4 /*yield*/, db.end()];
                case 14:
                    _a.sent();
                    return [4 /*yield*/, stack.teardown()];
                case 15:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 16: return [2 /*return*/];
            }
        });
    });
}
function seconds(since) {
    return Number(process.hrtime.bigint() - since) / 1e9;
}
main().then(function () { return process.exit(0); }, function (error) {
    console.error(error);
    process.exit(1);
});
