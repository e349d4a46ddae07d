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
var _a, _b, _c, _d, _e;
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * npm run bench:fanout — stock changes fanned out to three channels, end to end.
 *
 * Real gateway, ledger and channel-sync; three local HTTP receivers act as the
 * channels (two signed webhooks, one Shopify-style). BENCH_RATE changes a second
 * (StockReceived of 1 unit, so `available` equals the SKU's version) over
 * BENCH_SKUS SKUs for BENCH_SECONDS, posted to POST /v1/events in requests of
 * BENCH_BATCH events. A change's latency is from the start of its HTTP request
 * to the first receipt, at a channel, of a version at least as new (coalescing
 * folds several changes into one call, which then delivers all of them).
 *
 * Baseline, same run: the same changes from HTTP ingest to their stock-level
 * message on inventory.stock-levels (what the ledger takes before channel sync
 * can start); the difference is channel sync's own share.
 *
 * CPU from /proc, load start to all delivered, for every process on the path
 * (gateway, ledger, channel-sync, Kafka, Postgres, Redis), per change and per
 * channel delivery; the load generator and the channel receivers apart.
 */
require("reflect-metadata");
var node_child_process_1 = require("node:child_process");
var node_crypto_1 = require("node:crypto");
var node_fs_1 = require("node:fs");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var undici_1 = require("undici");
var testing_1 = require("@stockflow/testing");
var cpu_meter_1 = require("./support/cpu-meter");
var cpu_report_1 = require("./support/cpu-report");
var RATE = Number((_a = process.env.BENCH_RATE) !== null && _a !== void 0 ? _a : 1000);
var SKUS = Number((_b = process.env.BENCH_SKUS) !== null && _b !== void 0 ? _b : 1000);
var SECONDS = Number((_c = process.env.BENCH_SECONDS) !== null && _c !== void 0 ? _c : 20);
var BATCH = Number((_d = process.env.BENCH_BATCH) !== null && _d !== void 0 ? _d : 10);
/** Sends in flight per channel: at ~1,000 updates/s and tens of ms a call (on a loaded box), 16 would cap throughput. */
var CONCURRENCY = Number((_e = process.env.BENCH_CONCURRENCY) !== null && _e !== void 0 ? _e : 64);
var skuName = function (i) { return "FAN-".concat(i); };
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var stack, names, farm, urls, items, skuOfItem, dir, channelsFile, receiptsOf, services, consumer, _a, _b, _c, _d, gateway, levels_1, versions_1, ingest_1, post, change_1, callsBefore_1, levelsBefore, meter, random_1, changes_1, requests, intervalMs, inFlight, started, _loop_1, k, loadSeconds, cpu, delivered, _e, _f, _g, ledgerP99Ms, channelP99s, p99Ms, ingestUs, deliveryUs;
        var _this = this;
        return __generator(this, function (_h) {
            switch (_h.label) {
                case 0:
                    console.log("bench:fanout  ".concat(RATE, " changes/s over ").concat(SKUS, " SKUs for ").concat(SECONDS, " s, ").concat(BATCH, " events per request, 3 channels, ").concat(CONCURRENCY, " sends in flight each"));
                    console.log("  machine at start: load average ".concat((0, node_os_1.loadavg)()
                        .map(function (l) { return l.toFixed(2); })
                        .join(' '), "; ").concat(cpuPressure()));
                    return [4 /*yield*/, (0, testing_1.createTestStack)('benchfanout')];
                case 1:
                    stack = _h.sent();
                    names = ['web', 'marketplace', 'shop'];
                    return [4 /*yield*/, startChannels(names.length)];
                case 2:
                    farm = _h.sent();
                    urls = farm.ports.map(function (port) { return "http://127.0.0.1:".concat(port); });
                    items = Object.fromEntries(Array.from({ length: SKUS }, function (_, i) { return [skuName(i), 100000 + i]; }));
                    skuOfItem = new Map(Object.entries(items).map(function (_a) {
                        var sku = _a[0], item = _a[1];
                        return [String(item), sku];
                    }));
                    dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'bench-fanout-'));
                    channelsFile = (0, node_path_1.join)(dir, 'channels.json');
                    (0, node_fs_1.writeFileSync)(channelsFile, JSON.stringify([
                        {
                            name: 'web',
                            adapter: 'webhook',
                            endpoint: "".concat(urls[0], "/stock"),
                            secret: 'bench-web',
                            safetyStock: 0,
                            concurrency: CONCURRENCY,
                        },
                        {
                            name: 'marketplace',
                            adapter: 'webhook',
                            endpoint: "".concat(urls[1], "/stock"),
                            secret: 'bench-mkt',
                            safetyStock: 0,
                            concurrency: CONCURRENCY,
                        },
                        {
                            name: 'shop',
                            adapter: 'shopify',
                            endpoint: urls[2],
                            secret: 'bench-shop',
                            safetyStock: 0,
                            concurrency: CONCURRENCY,
                            locationId: 1,
                            inventoryItemIds: items,
                        },
                    ]));
                    receiptsOf = Object.fromEntries(names.map(function (name, i) { return [
                        name,
                        function () {
                            return farm.receipts[i].map(function (r) { return (__assign(__assign({}, r), { sku: name === 'shop' ? skuOfItem.get(r.sku) : r.sku })); });
                        },
                    ]; }));
                    services = [];
                    consumer = stack.kafka.consumer({
                        groupId: "bench-baseline-".concat((0, node_crypto_1.randomUUID)()),
                        maxWaitTimeInMs: 50,
                    });
                    _h.label = 3;
                case 3:
                    _h.trys.push([3, , 19, 23]);
                    _b = (_a = services).push;
                    return [4 /*yield*/, (0, testing_1.startService)('ledger', stack.env)];
                case 4:
                    _b.apply(_a, [_h.sent()]);
                    _d = (_c = services).push;
                    return [4 /*yield*/, (0, testing_1.startService)('channel-sync', __assign(__assign({}, stack.env), { CHANNELS_FILE: channelsFile }))];
                case 5:
                    _d.apply(_c, [_h.sent()]);
                    return [4 /*yield*/, (0, testing_1.startService)('gateway', __assign(__assign({}, stack.env), { CHANNEL_SYNC_URL: services[1].url }))];
                case 6:
                    gateway = _h.sent();
                    services.push(gateway);
                    levels_1 = [];
                    return [4 /*yield*/, consumer.connect()];
                case 7:
                    _h.sent();
                    return [4 /*yield*/, consumer.subscribe({ topic: stack.topics.stockLevels, fromBeginning: true })];
                case 8:
                    _h.sent();
                    return [4 /*yield*/, consumer.run({
                            eachBatch: function (_a) { return __awaiter(_this, [_a], void 0, function (_b) {
                                var at, _i, _c, m, level;
                                var batch = _b.batch;
                                return __generator(this, function (_d) {
                                    at = Date.now();
                                    for (_i = 0, _c = batch.messages; _i < _c.length; _i++) {
                                        m = _c[_i];
                                        level = JSON.parse(m.value.toString());
                                        levels_1.push({ sku: level.sku, version: level.version, at: at });
                                    }
                                    return [2 /*return*/];
                                });
                            }); },
                        })];
                case 9:
                    _h.sent();
                    versions_1 = new Map();
                    ingest_1 = new undici_1.Pool(gateway.url, { connections: 32 });
                    post = function (events) { return __awaiter(_this, void 0, void 0, function () {
                        var res;
                        return __generator(this, function (_a) {
                            switch (_a.label) {
                                case 0: return [4 /*yield*/, ingest_1.request({
                                        method: 'POST',
                                        path: '/v1/events',
                                        headers: {
                                            authorization: "Bearer ".concat(testing_1.TEST_TOKENS['3pl']),
                                            'content-type': 'application/json',
                                        },
                                        body: JSON.stringify(events),
                                    })];
                                case 1:
                                    res = _a.sent();
                                    return [4 /*yield*/, res.body.dump()];
                                case 2:
                                    _a.sent();
                                    if (res.statusCode !== 202)
                                        throw new Error("POST /v1/events answered ".concat(res.statusCode));
                                    return [2 /*return*/];
                            }
                        });
                    }); };
                    change_1 = function (sku) {
                        var _a;
                        versions_1.set(sku, ((_a = versions_1.get(sku)) !== null && _a !== void 0 ? _a : 0) + 1);
                        return {
                            eventId: (0, node_crypto_1.randomUUID)(),
                            type: 'StockReceived',
                            sku: sku,
                            channel: '3pl',
                            occurredAt: new Date().toISOString(),
                            schemaVersion: 1,
                            locationId: 'WH',
                            quantity: 1,
                        };
                    };
                    return [4 /*yield*/, post(Array.from({ length: SKUS }, function (_, i) { return change_1(skuName(i)); }))];
                case 10:
                    _h.sent();
                    return [4 /*yield*/, allDelivered(receiptsOf, versions_1, 120000)];
                case 11:
                    _h.sent();
                    callsBefore_1 = farm.receipts.map(function (r) { return r.length; });
                    levelsBefore = levels_1.length;
                    meter = new cpu_meter_1.CpuMeter(__spreadArray(__spreadArray(__spreadArray([], services.map(function (s) { return ({
                        name: s.name,
                        role: 'service',
                        pids: function () { return [s.child.pid]; },
                    }); }), true), (0, cpu_meter_1.infrastructureGroups)((0, testing_1.repoRoot)()), true), [
                        // Stand-ins for the channels' own machines: not the cost of our work.
                        { name: 'channel receivers', role: 'load', pids: function () { return [farm.child.pid]; } },
                        (0, cpu_meter_1.benchGroup)(),
                    ], false)).start();
                    console.log('  warm-up done: every SKU at version 1 on every channel');
                    random_1 = (0, testing_1.seededRandom)(7);
                    changes_1 = [];
                    requests = Math.round((RATE * SECONDS) / BATCH);
                    intervalMs = (1000 * BATCH) / RATE;
                    inFlight = [];
                    started = Date.now();
                    _loop_1 = function (k) {
                        var due, wait, events, sentAt, _i, events_1, e;
                        return __generator(this, function (_j) {
                            switch (_j.label) {
                                case 0:
                                    due = started + k * intervalMs;
                                    wait = due - Date.now();
                                    if (!(wait > 0)) return [3 /*break*/, 2];
                                    return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, wait); })];
                                case 1:
                                    _j.sent();
                                    _j.label = 2;
                                case 2:
                                    events = Array.from({ length: BATCH }, function () {
                                        return change_1(skuName(Math.floor(random_1() * SKUS)));
                                    });
                                    sentAt = Date.now();
                                    for (_i = 0, events_1 = events; _i < events_1.length; _i++) {
                                        e = events_1[_i];
                                        changes_1.push({ sku: e.sku, version: versions_1.get(e.sku) - countAfter(events, e), sentAt: sentAt });
                                    }
                                    inFlight.push(post(events));
                                    return [2 /*return*/];
                            }
                        });
                    };
                    k = 0;
                    _h.label = 12;
                case 12:
                    if (!(k < requests)) return [3 /*break*/, 15];
                    return [5 /*yield**/, _loop_1(k)];
                case 13:
                    _h.sent();
                    _h.label = 14;
                case 14:
                    k++;
                    return [3 /*break*/, 12];
                case 15: return [4 /*yield*/, Promise.all(inFlight)];
                case 16:
                    _h.sent();
                    loadSeconds = (Date.now() - started) / 1000;
                    return [4 /*yield*/, allDelivered(receiptsOf, versions_1, 120000)];
                case 17:
                    _h.sent();
                    cpu = meter.stop();
                    console.log("  posted ".concat(changes_1.length, " changes in ").concat(loadSeconds.toFixed(1), " s (").concat(Math.round(changes_1.length / loadSeconds), "/s); load average now ").concat((0, node_os_1.loadavg)()[0].toFixed(2), "; ").concat(cpuPressure()));
                    delivered = farm.receipts.reduce(function (sum, r, i) { return sum + r.length - callsBefore_1[i]; }, 0);
                    console.log((0, cpu_report_1.cpuTable)('  load start to all delivered', cpu, changes_1.length, 'change', 'µs'));
                    _f = (_e = console).log;
                    _g = "  mean call duration seen by channel-sync: ".concat;
                    return [4 /*yield*/, meanCallMs(services[1])];
                case 18:
                    _f.apply(_e, [_g.apply("  mean call duration seen by channel-sync: ", [_h.sent()])]);
                    console.log('');
                    console.log('| path | p50 ms | p90 ms | p99 ms | max ms | calls (messages) | changes |');
                    console.log('|---|---|---|---|---|---|---|');
                    ledgerP99Ms = row('baseline: ingest -> inventory.stock-levels', latencies(changes_1, levels_1), levels_1.length - levelsBefore, changes_1.length);
                    channelP99s = names.map(function (name, i) {
                        var calls = farm.receipts[i].length - callsBefore_1[i];
                        return row("ingest -> ".concat(name, " (").concat(name === 'shop' ? 'shopify' : 'webhook', ")"), latencies(changes_1, receiptsOf[name]()), calls, changes_1.length);
                    });
                    p99Ms = Math.max.apply(Math, channelP99s);
                    ingestUs = (0, cpu_report_1.perUnit)((0, cpu_meter_1.groupSeconds)(cpu, 'gateway', 'ledger'), changes_1.length, 'µs');
                    deliveryUs = (0, cpu_report_1.perUnit)((0, cpu_meter_1.groupSeconds)(cpu, 'channel-sync'), delivered, 'µs');
                    console.log("target: p99 under 250 ms end to end (HTTP ingest to channel receipt) and <= 1.5x the stock-levels p99: ".concat(p99Ms, " ms, ").concat((p99Ms / ledgerP99Ms).toFixed(2), "x"));
                    console.log("CPU: ".concat((0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(cpu), changes_1.length, 'µs').toFixed(0), " \u00B5s per change all processes; gateway + ledger ").concat(ingestUs.toFixed(0), " \u00B5s per ingested event (target <= 100); channel-sync ").concat(deliveryUs.toFixed(0), " \u00B5s per channel delivery (").concat(delivered, " calls)"));
                    (0, cpu_report_1.printBenchResult)('fanout', {
                        p99Ms: p99Ms,
                        ledgerP99Ms: ledgerP99Ms,
                        p99Ratio: p99Ms / ledgerP99Ms,
                        cpuUsPerChange: (0, cpu_report_1.perUnit)((0, cpu_meter_1.workSeconds)(cpu), changes_1.length, 'µs'),
                        cpuUsPerIngestedEvent: ingestUs,
                        cpuUsPerDelivery: deliveryUs,
                        cpuUsPerChangeByProcess: Object.fromEntries(cpu.groups.map(function (g) { return [g.name, (0, cpu_report_1.perUnit)(g.seconds, changes_1.length, 'µs')]; })),
                        delivered: delivered,
                        changes: changes_1.length,
                        changesPerSecond: changes_1.length / loadSeconds,
                    });
                    return [3 /*break*/, 23];
                case 19: return [4 /*yield*/, consumer.disconnect()];
                case 20:
                    _h.sent();
                    return [4 /*yield*/, Promise.all(services.map(function (s) { return s.stop(); }))];
                case 21:
                    _h.sent();
                    farm.child.disconnect();
                    return [4 /*yield*/, stack.teardown()];
                case 22:
                    _h.sent();
                    return [7 /*endfinally*/];
                case 23: return [2 /*return*/];
            }
        });
    });
}
/** Mean of stockflow_channel_sync_call_seconds per channel, from channel-sync's /metrics. */
function meanCallMs(channelSync) {
    return __awaiter(this, void 0, void 0, function () {
        var text, value;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, fetch("".concat(channelSync.url, "/metrics"))];
                case 1: return [4 /*yield*/, (_a.sent()).text()];
                case 2:
                    text = _a.sent();
                    value = function (metric, channel) { var _a, _b; return Number((_b = (_a = new RegExp("^".concat(metric, "\\{channel=\"").concat(channel, "\"\\} (\\S+)$"), 'm').exec(text)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : NaN); };
                    return [2 /*return*/, ['web', 'marketplace', 'shop']
                            .map(function (c) {
                            return "".concat(c, " ").concat(((1000 * value('stockflow_channel_sync_call_seconds_sum', c)) / value('stockflow_channel_sync_call_seconds_count', c)).toFixed(1), " ms");
                        })
                            .join(', ')];
            }
        });
    });
}
/** Linux PSI: share of the last 10 s in which some runnable task waited for a CPU (shared machines). */
function cpuPressure() {
    var _a;
    try {
        var some = (_a = /some avg10=(\S+)/.exec((0, node_fs_1.readFileSync)('/proc/pressure/cpu', 'utf8'))) === null || _a === void 0 ? void 0 : _a[1];
        return "CPU pressure ".concat(some, "% (tasks waiting for a core)");
    }
    catch (_b) {
        return 'CPU pressure n/a';
    }
}
/** Forks the channel receivers (bench/fanout-channels.ts) and collects their receipts. */
function startChannels(count) {
    var child = (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, 'fanout-channels.js'), [String(count)]);
    var receipts = Array.from({ length: count }, function () { return []; });
    return new Promise(function (resolve) {
        child.on('message', function (m) {
            var _a;
            if (m.ports)
                resolve({ child: child, ports: m.ports, receipts: receipts });
            for (var _i = 0, _b = (_a = m.receipts) !== null && _a !== void 0 ? _a : []; _i < _b.length; _i++) {
                var _c = _b[_i], index = _c[0], sku = _c[1], version = _c[2], at = _c[3];
                receipts[index].push({ sku: sku, version: version, at: at });
            }
        });
    });
}
/** How many events after `e` in the same request touch its SKU (their versions come later). */
function countAfter(events, e) {
    return events.slice(events.indexOf(e) + 1).filter(function (x) { return x.sku === e.sku; }).length;
}
function allDelivered(receiptsOf, versions, timeoutMs) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, testing_1.waitFor)(function () {
                        return Object.values(receiptsOf).every(function (receipts) {
                            var _a;
                            var newest = new Map();
                            for (var _i = 0, _b = receipts(); _i < _b.length; _i++) {
                                var r = _b[_i];
                                newest.set(r.sku, Math.max(r.version, (_a = newest.get(r.sku)) !== null && _a !== void 0 ? _a : 0));
                            }
                            return __spreadArray([], versions, true).every(function (_a) {
                                var sku = _a[0], v = _a[1];
                                return newest.get(sku) === v;
                            });
                        });
                    }, { timeoutMs: timeoutMs, intervalMs: 250, what: 'every channel at the newest version of every SKU' })];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Per change: time from its request to the first receipt of a version at least as new. */
function latencies(changes, receipts) {
    var _a;
    var bySku = new Map();
    for (var _i = 0, receipts_1 = receipts; _i < receipts_1.length; _i++) {
        var r = receipts_1[_i];
        bySku.set(r.sku, __spreadArray(__spreadArray([], ((_a = bySku.get(r.sku)) !== null && _a !== void 0 ? _a : []), true), [r], false));
    }
    return changes.map(function (c) {
        var _a;
        var first = ((_a = bySku.get(c.sku)) !== null && _a !== void 0 ? _a : [])
            .filter(function (r) { return r.version >= c.version; })
            .reduce(function (a, b) { return (b.at < a.at ? b : a); });
        return first.at - c.sentAt;
    });
}
/** Prints a latency row; returns its p99. */
function row(path, values, calls, changes) {
    var sorted = __spreadArray([], values, true).sort(function (a, b) { return a - b; });
    var q = function (p) { return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]; };
    console.log("| ".concat(path, " | ").concat(q(0.5), " | ").concat(q(0.9), " | ").concat(q(0.99), " | ").concat(sorted.at(-1), " | ").concat(calls, " | ").concat(changes, " |"));
    return q(0.99);
}
main().then(function () { return process.exit(0); }, function (error) {
    console.error(error);
    process.exit(1);
});
