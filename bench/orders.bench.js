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
var _a, _b, _c;
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * bench:orders — HTTP order acceptance under load through the public API
 * (gateway -> orders), async mode (202 received) then sync mode (201/409), with
 * autocannon. Floor in the same run: GET /health/live of the same process
 * (what this machine's HTTP stack does with no work at all).
 *
 * Each run waits for every accepted order to be decided and for the ledger to
 * fold every event it caused, then reports any order lost. The rate that counts
 * is orders accepted AND decided per second: decided orders over the time from
 * the load's start to the last decision, so a backlog left at the end of the
 * load lowers it. CPU is read from /proc for every process on the path
 * (services, Kafka, Postgres, Redis) over the same window, the load generator
 * apart. A last async run at half the sustained rate measures the accept p99 a
 * shop sees below saturation.
 */
require("reflect-metadata");
var autocannon_1 = require("autocannon");
var crypto_1 = require("crypto");
var os_1 = require("os");
var pg_1 = require("pg");
var testing_1 = require("@stockflow/testing");
var cpu_meter_1 = require("./support/cpu-meter");
var cpu_report_1 = require("./support/cpu-report");
var SECONDS = Number((_a = process.env.BENCH_SECONDS) !== null && _a !== void 0 ? _a : 10);
var CONNECTIONS = Number((_b = process.env.BENCH_CONNECTIONS) !== null && _b !== void 0 ? _b : 64);
var IDLE_SECONDS = Number((_c = process.env.BENCH_IDLE_SECONDS) !== null && _c !== void 0 ? _c : 10);
var SKUS = Array.from({ length: 100 }, function (_, i) { return "OB-".concat(i); });
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var stack, db, admin, infra, groups, ledger, orders, gateway, settle, idleMeter, idle, idleCores_1, marginalMs, floor, ordersFloor, direct, viaGateway_1, halfRate, half, sync, runs, _i, runs_1, r, ratio;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, testing_1.createTestStack)('benchorders')];
                case 1:
                    stack = _a.sent();
                    db = new pg_1.Client({ connectionString: stack.databaseUrl });
                    return [4 /*yield*/, db.connect()];
                case 2:
                    _a.sent();
                    admin = stack.kafka.admin();
                    return [4 /*yield*/, admin.connect()];
                case 3:
                    _a.sent();
                    infra = (0, cpu_meter_1.infrastructureGroups)((0, testing_1.repoRoot)());
                    groups = function (services) { return __spreadArray(__spreadArray(__spreadArray([], services.map(function (s) { return ({
                        name: s.name,
                        role: 'service',
                        pids: function () { return [s.child.pid]; },
                    }); }), true), infra, true), [
                        (0, cpu_meter_1.benchGroup)(),
                    ], false); };
                    return [4 /*yield*/, (0, testing_1.startService)('ledger', stack.env)];
                case 4:
                    ledger = _a.sent();
                    return [4 /*yield*/, (0, testing_1.startService)('orders', stack.env)];
                case 5:
                    orders = _a.sent();
                    return [4 /*yield*/, (0, testing_1.startService)('gateway', __assign(__assign({}, stack.env), { ORDERS_URL: orders.url }))];
                case 6:
                    gateway = _a.sent();
                    console.log("bench:orders  ".concat(CONNECTIONS, " connections, ").concat(SECONDS, " s per run, load ").concat((0, os_1.loadavg)()
                        .map(function (l) { return l.toFixed(2); })
                        .join(' ')));
                    settle = { db: db, admin: admin, stack: stack };
                    _a.label = 7;
                case 7:
                    _a.trys.push([7, , 18, 23]);
                    return [4 /*yield*/, seed(gateway.url, stack.redisKeyPrefix, stack.redisUrl)];
                case 8:
                    _a.sent();
                    idleMeter = new cpu_meter_1.CpuMeter(groups([ledger, orders, gateway])).start();
                    return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, IDLE_SECONDS * 1000); })];
                case 9:
                    _a.sent();
                    idle = idleMeter.stop();
                    console.log((0, cpu_report_1.cpuTable)("  idle, services up and no load", idle, IDLE_SECONDS, 'second', 'ms'));
                    idleCores_1 = (0, cpu_meter_1.workSeconds)(idle) / idle.wallSeconds;
                    marginalMs = function (r) {
                        return (0, cpu_report_1.perUnit)(Math.max(0, (0, cpu_meter_1.workSeconds)(r.cpu) - idleCores_1 * r.cpu.wallSeconds), r.decided, 'ms');
                    };
                    return [4 /*yield*/, floorRun('floor GET /health/live (gateway)', gateway, groups([gateway]))];
                case 10:
                    floor = _a.sent();
                    return [4 /*yield*/, floorRun('floor GET /health/live (orders)', orders, groups([orders]))];
                case 11:
                    ordersFloor = _a.sent();
                    return [4 /*yield*/, orderRun('async POST /v1/orders (orders direct)', orderRequests(orders.url), groups([ledger, orders]), settle)];
                case 12:
                    direct = _a.sent();
                    return [4 /*yield*/, orderRun('async POST /v1/orders (gateway)', orderRequests(gateway.url), groups([ledger, orders, gateway]), settle)];
                case 13:
                    viaGateway_1 = _a.sent();
                    halfRate = Math.max(1, Math.floor(viaGateway_1.decidedPerSecond / 2));
                    return [4 /*yield*/, orderRun("async POST /v1/orders (gateway) at ".concat(halfRate, "/s"), __assign(__assign({}, orderRequests(gateway.url)), { overallRate: halfRate }), groups([ledger, orders, gateway]), settle)];
                case 14:
                    half = _a.sent();
                    return [4 /*yield*/, orders.stop()];
                case 15:
                    _a.sent();
                    return [4 /*yield*/, (0, testing_1.startService)('orders', __assign(__assign({}, stack.env), { CHECKOUT_ASYNC: '0' }), { port: orders.port })];
                case 16:
                    orders = _a.sent();
                    return [4 /*yield*/, orderRun('sync  POST /v1/orders (gateway)', orderRequests(gateway.url), groups([ledger, orders, gateway]), settle)];
                case 17:
                    sync = _a.sent();
                    runs = [direct, viaGateway_1, half, sync];
                    console.log('');
                    console.log('| run | accepted req/s | decided/s (sustained) | p50 ms | p99 ms | backlog at end of load | lost | CPU ms per order (work) | above idle |');
                    console.log('|---|---|---|---|---|---|---|---|---|');
                    for (_i = 0, runs_1 = runs; _i < runs_1.length; _i++) {
                        r = runs_1[_i];
                        console.log("| ".concat(r.label, " | ").concat(r.perSecond, " | ").concat(Math.round(r.decidedPerSecond), " | ").concat(r.p50, " | ").concat(r.p99, " | ").concat(r.backlog, " | ").concat(r.lost, " | ").concat((0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(r.cpu), r.decided, 'ms').toFixed(2), " | ").concat(marginalMs(r).toFixed(2), " |"));
                    }
                    console.log("| ".concat(floor.label, " | ").concat(floor.perSecond, " | | ").concat(floor.p50, " | ").concat(floor.p99, " | | | ").concat((0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(floor.cpu), floor.requests, 'ms').toFixed(3), " per request | |"));
                    console.log("| ".concat(ordersFloor.label, " | ").concat(ordersFloor.perSecond, " | | ").concat(ordersFloor.p50, " | ").concat(ordersFloor.p99, " | | | ").concat((0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(ordersFloor.cpu), ordersFloor.requests, 'ms').toFixed(3), " per request | |"));
                    ratio = viaGateway_1.decidedPerSecond / floor.perSecond;
                    console.log("orders decided/s through the gateway = ".concat((100 * ratio).toFixed(1), " % of the same process's bare floor (target >= 15 %)"));
                    console.log("accept p99 at half that rate: ".concat(half.p99, " ms (target < 50 ms); CPU per order end to end: ").concat((0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(viaGateway_1.cpu), viaGateway_1.decided, 'ms').toFixed(2), " ms (target <= 1.0 ms)"));
                    (0, cpu_report_1.printBenchResult)('orders', {
                        ordersPerSecond: viaGateway_1.decidedPerSecond,
                        acceptedPerSecond: viaGateway_1.perSecond,
                        floorPerSecond: floor.perSecond,
                        floorRatio: ratio,
                        p99Ms: viaGateway_1.p99,
                        p99AtHalfRateMs: half.p99,
                        halfRate: halfRate,
                        cpuMsPerOrder: (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(viaGateway_1.cpu), viaGateway_1.decided, 'ms'),
                        cpuMsPerOrderAboveIdle: marginalMs(viaGateway_1),
                        idleCores: idleCores_1,
                        cpuMsPerOrderDirect: (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(direct.cpu), direct.decided, 'ms'),
                        cpuMsPerOrderSync: (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(sync.cpu), sync.decided, 'ms'),
                        cpuMsPerFloorRequest: (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(floor.cpu), floor.requests, 'ms'),
                        cpuMsPerOrderByProcess: Object.fromEntries(viaGateway_1.cpu.groups.map(function (g) { return [g.name, (0, cpu_report_1.perUnit)(g.seconds, viaGateway_1.decided, 'ms')]; })),
                        directPerSecond: direct.decidedPerSecond,
                        syncPerSecond: sync.decidedPerSecond,
                        lost: runs.reduce(function (sum, r) { return sum + r.lost; }, 0),
                    });
                    return [3 /*break*/, 23];
                case 18: return [4 /*yield*/, Promise.all([gateway.stop(), orders.stop(), ledger.stop()])];
                case 19:
                    _a.sent();
                    return [4 /*yield*/, admin.disconnect()];
                case 20:
                    _a.sent();
                    return [4 /*yield*/, db.end()];
                case 21:
                    _a.sent();
                    return [4 /*yield*/, stack.teardown()];
                case 22:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 23: return [2 /*return*/];
            }
        });
    });
}
function floorRun(label, service, groups) {
    return __awaiter(this, void 0, void 0, function () {
        var meter, r, cpu;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: 
                // Warm-up outside the window: a freshly started process's first seconds are JIT and lazy initialisation.
                return [4 /*yield*/, run("".concat(label, " (warm-up)"), { url: "".concat(service.url, "/health/live"), duration: 2 })];
                case 1:
                    // Warm-up outside the window: a freshly started process's first seconds are JIT and lazy initialisation.
                    _a.sent();
                    meter = new cpu_meter_1.CpuMeter(groups).start();
                    return [4 /*yield*/, run(label, { url: "".concat(service.url, "/health/live") })];
                case 2:
                    r = _a.sent();
                    cpu = meter.stop();
                    print(r);
                    console.log((0, cpu_report_1.cpuTable)("  ".concat(label), cpu, r.requests, 'request', 'µs'));
                    return [2 /*return*/, __assign(__assign({}, r), { cpu: cpu })];
            }
        });
    });
}
/**
 * One load run, then the wait until every stored order is decided and the
 * ledger has folded every event: all of it inside the CPU window.
 */
function orderRun(label_1, options_1, groups_1, _a) {
    return __awaiter(this, arguments, void 0, function (label, options, groups, _b) {
        var meter, started, r, backlog, decidedSeconds, cpu, rows, by, answered, decided, stored;
        var _this = this;
        var _c, _d, _e, _f, _g, _h, _j, _k;
        var db = _b.db, admin = _b.admin, stack = _b.stack;
        return __generator(this, function (_l) {
            switch (_l.label) {
                case 0:
                    meter = new cpu_meter_1.CpuMeter(groups).start();
                    started = Date.now();
                    return [4 /*yield*/, run(label, options)];
                case 1:
                    r = _l.sent();
                    return [4 /*yield*/, countReceived(db)];
                case 2:
                    backlog = _l.sent();
                    return [4 /*yield*/, (0, testing_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                            switch (_a.label) {
                                case 0: return [4 /*yield*/, countReceived(db)];
                                case 1: return [2 /*return*/, (_a.sent()) === 0];
                            }
                        }); }); }, {
                            timeoutMs: 180000,
                            intervalMs: 100,
                            what: 'every accepted order decided',
                        })];
                case 3:
                    _l.sent();
                    decidedSeconds = (Date.now() - started) / 1000;
                    return [4 /*yield*/, ledgerCaughtUp(db, admin, stack)];
                case 4:
                    _l.sent();
                    cpu = meter.stop();
                    print(r);
                    return [4 /*yield*/, db.query("SELECT status, count(*)::int AS n FROM orders GROUP BY status")];
                case 5:
                    rows = (_l.sent()).rows;
                    by = Object.fromEntries(rows.map(function (row) { return [row.status, row.n]; }));
                    return [4 /*yield*/, db.query('DELETE FROM orders')];
                case 6:
                    _l.sent();
                    answered = ((_c = r.codes['202']) !== null && _c !== void 0 ? _c : 0) + ((_d = r.codes['201']) !== null && _d !== void 0 ? _d : 0) + ((_e = r.codes['409']) !== null && _e !== void 0 ? _e : 0);
                    decided = ((_f = by.pending) !== null && _f !== void 0 ? _f : 0) + ((_g = by.rejected) !== null && _g !== void 0 ? _g : 0);
                    stored = decided + ((_h = by.received) !== null && _h !== void 0 ? _h : 0);
                    // Answers the client saw can be fewer than the stored orders (autocannon stops with requests in flight), never more.
                    console.log("  answered ".concat(answered, ", stored ").concat(stored, ", decided ").concat(decided, " (pending ").concat((_j = by.pending) !== null && _j !== void 0 ? _j : 0, ", rejected ").concat((_k = by.rejected) !== null && _k !== void 0 ? _k : 0, "), ") +
                        "lost ".concat(stored - decided).concat(answered > stored ? ' (MORE ANSWERS THAN ORDERS)' : '', "; backlog ").concat(backlog, " at the end of the load, ") +
                        "last decided ".concat((decidedSeconds - SECONDS).toFixed(1), " s after it"));
                    console.log((0, cpu_report_1.cpuTable)("  ".concat(label), cpu, decided, 'order', 'ms'));
                    return [2 /*return*/, __assign(__assign({}, r), { decided: decided, lost: stored - decided + Math.max(0, answered - stored), backlog: backlog, decidedPerSecond: decided / decidedSeconds, cpu: cpu })];
            }
        });
    });
}
function countReceived(db) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("SELECT count(*)::int AS n FROM orders WHERE status = 'received'")];
                case 1: return [2 /*return*/, (_a.sent()).rows[0]
                        .n];
            }
        });
    });
}
/** The ledger's stored offsets reach the end of inventory.events: every reservation is folded (and its level published). */
function ledgerCaughtUp(db, admin, stack) {
    return __awaiter(this, void 0, void 0, function () {
        var ends, end;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, admin.fetchTopicOffsets(stack.topics.events)];
                case 1:
                    ends = _a.sent();
                    end = ends.reduce(function (sum, p) { return sum + Number(p.high); }, 0);
                    return [4 /*yield*/, (0, testing_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () {
                            var _a;
                            return __generator(this, function (_b) {
                                switch (_b.label) {
                                    case 0:
                                        _a = Number;
                                        return [4 /*yield*/, db.query('SELECT coalesce(sum(next_offset), 0)::bigint AS n FROM consumer_offsets WHERE topic = $1', [stack.topics.events])];
                                    case 1: return [2 /*return*/, _a.apply(void 0, [(_b.sent()).rows[0].n]) >= end];
                                }
                            });
                        }); }, { timeoutMs: 180000, intervalMs: 100, what: 'the ledger folded every event' })];
                case 2:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function orderRequests(base) {
    var run = (0, crypto_1.randomBytes)(3).toString('hex');
    var n = 0;
    return {
        url: "".concat(base, "/v1/orders"),
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: "Bearer ".concat(testing_1.TEST_TOKENS.web) },
        requests: [
            {
                setupRequest: function (req) {
                    var i = n++;
                    var body = {
                        orderId: "b-".concat(run, "-").concat(i),
                        lines: [{ sku: SKUS[i % SKUS.length], quantity: 1 }],
                        payment: { method: 'card' },
                    };
                    return __assign(__assign({}, req), { body: JSON.stringify(body) });
                },
            },
        ],
    };
}
function run(label, options) {
    return new Promise(function (resolve, reject) {
        (0, autocannon_1.default)(__assign({ connections: CONNECTIONS, duration: SECONDS }, options), function (error, result) {
            var _a;
            if (error)
                return reject(error);
            var codes = {};
            for (var _i = 0, _b = Object.entries((_a = result.statusCodeStats) !== null && _a !== void 0 ? _a : {}); _i < _b.length; _i++) {
                var _c = _b[_i], code = _c[0], stat = _c[1];
                codes[code] = stat.count;
            }
            resolve({
                label: label,
                requests: result.requests.total,
                perSecond: Math.round(result.requests.average),
                p50: result.latency.p50,
                p99: result.latency.p99,
                codes: codes,
            });
        });
    });
}
function print(r) {
    var codes = Object.entries(r.codes)
        .map(function (_a) {
        var c = _a[0], n = _a[1];
        return "".concat(c, ":").concat(n);
    })
        .join(' ');
    console.log("".concat(r.label.padEnd(44), " ").concat(String(r.perSecond).padStart(6), " req/s   p50 ").concat(String(r.p50).padStart(4), " ms   p99 ").concat(String(r.p99).padStart(4), " ms   [").concat(codes, "]"));
}
/** 100 skus with plenty of stock, visible to checkout before the runs start. */
function seed(gatewayUrl, redisPrefix, redisUrl) {
    return __awaiter(this, void 0, void 0, function () {
        var events, res, Redis, redis;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    events = SKUS.map(function (sku) {
                        return (0, testing_1.makeEvent)('StockReceived', { sku: sku, channel: '3pl', locationId: 'wh-1', quantity: 10000000 });
                    });
                    return [4 /*yield*/, (0, testing_1.api)(gatewayUrl, 'POST', '/v1/events', {
                            token: testing_1.TEST_TOKENS['3pl'],
                            body: events,
                        })];
                case 1:
                    res = _a.sent();
                    if (res.status !== 202)
                        throw new Error("seed refused: ".concat(res.status));
                    return [4 /*yield*/, Promise.resolve().then(function () { return require('ioredis'); })];
                case 2:
                    Redis = (_a.sent()).default;
                    redis = new Redis(redisUrl);
                    _a.label = 3;
                case 3:
                    _a.trys.push([3, , 5, 6]);
                    return [4 /*yield*/, (0, testing_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                            switch (_a.label) {
                                case 0: return [4 /*yield*/, redis.exists.apply(redis, SKUS.map(function (s) { return "".concat(redisPrefix, "stock:").concat(s); }))];
                                case 1: return [2 /*return*/, (_a.sent()) === SKUS.length];
                            }
                        }); }); }, {
                            timeoutMs: 60000,
                            what: 'seeded stock visible to checkout',
                        })];
                case 4:
                    _a.sent();
                    return [3 /*break*/, 6];
                case 5:
                    redis.disconnect();
                    return [7 /*endfinally*/];
                case 6: return [2 /*return*/];
            }
        });
    });
}
void (function () { return __awaiter(void 0, void 0, void 0, function () {
    var error_1;
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0:
                _a.trys.push([0, 2, , 3]);
                return [4 /*yield*/, main()];
            case 1:
                _a.sent();
                process.exit(0);
                return [3 /*break*/, 3];
            case 2:
                error_1 = _a.sent();
                console.error(error_1);
                process.exit(1);
                return [3 /*break*/, 3];
            case 3: return [2 /*return*/];
        }
    });
}); })();
