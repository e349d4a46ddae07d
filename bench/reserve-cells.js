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
exports.cells = void 0;
exports.cell = cell;
exports.summary = summary;
/**
 * The cells of bench:reserve: each measured with the CPU it cost (from /proc),
 * printed, kept, and summed up in the comparison table and the bench-result line.
 */
var testing_1 = require("@stockflow/testing");
var bench_stats_1 = require("./bench-stats");
var cpu_meter_1 = require("./support/cpu-meter");
var cpu_report_1 = require("./support/cpu-report");
exports.cells = [];
// Kafka plays no part here; the other stores' rows show what other users of this machine cost them meanwhile.
var groups = __spreadArray(__spreadArray([], (0, cpu_meter_1.infrastructureGroups)((0, testing_1.repoRoot)(), { mariadb: true }).filter(function (g) { return g.name !== 'kafka'; }), true), [
    (0, cpu_meter_1.benchGroup)('bench (the clients)'),
], false);
var SERVER = {
    postgres: 'postgres (all processes)',
    redis: 'redis',
    mariadb: 'mariadb',
};
/** Measures one cell with its CPU, prints it and keeps it for the bench-result line. */
function cell(store_1, rows_1, shape_1, run_1) {
    return __awaiter(this, arguments, void 0, function (store, rows, shape, run, extra) {
        var meter, result, cpu, units, sorted;
        var _a;
        if (extra === void 0) { extra = {}; }
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    meter = new cpu_meter_1.CpuMeter(groups).start();
                    return [4 /*yield*/, run()];
                case 1:
                    result = _b.sent();
                    cpu = meter.stop();
                    units = result.operations * ((_a = result.unitsPerOp) !== null && _a !== void 0 ? _a : 1);
                    sorted = __spreadArray([], result.latenciesMs, true).sort(function (a, b) { return a - b; });
                    console.log("".concat((0, bench_stats_1.formatCell)(result), "   ").concat(cpuLine(cpu, units)));
                    exports.cells.push(__assign({ store: store, rows: rows, shape: shape, p50Ms: (0, bench_stats_1.percentile)(sorted, 50), p99Ms: (0, bench_stats_1.percentile)(sorted, 99), perSecond: units / result.seconds, cpuUsPerReservation: (0, cpu_report_1.perUnit)((0, cpu_meter_1.groupSeconds)(cpu, SERVER[store], 'bench (the clients)'), units, 'µs'), cpuUsPerReservationServer: (0, cpu_report_1.perUnit)((0, cpu_meter_1.groupSeconds)(cpu, SERVER[store]), units, 'µs'), cpuUsPerReservationClient: (0, cpu_report_1.perUnit)((0, cpu_meter_1.groupSeconds)(cpu, 'bench (the clients)'), units, 'µs') }, extra));
                    return [2 /*return*/, result];
            }
        });
    });
}
/** CPU µs per reservation of the processes that did any work in this cell. */
function cpuLine(cpu, units) {
    var short = {
        'postgres (all processes)': 'pg',
        'bench (the clients)': 'client',
    };
    var parts = cpu.groups
        .filter(function (g) { return g.seconds >= 0.05; })
        .map(function (g) { var _a; return "".concat((_a = short[g.name]) !== null && _a !== void 0 ? _a : g.name, " ").concat((0, cpu_report_1.perUnit)(g.seconds, units, 'µs').toFixed(0)); });
    return "CPU \u00B5s/res: ".concat(parts.join(', '));
}
/** The comparison that matters, then the one machine-readable line. */
function summary(SIZES, CONCURRENCY) {
    var find = function (store, rows, shape) {
        return exports.cells.find(function (c) { return c.store === store && c.rows === rows && c.shape.startsWith(shape); });
    };
    console.log('');
    console.log("| rows | redis p99 ms (1 client) | redis /s (".concat(CONCURRENCY, " clients) | postgres MSI p50 / p99 ms, /s (").concat(CONCURRENCY, ") | mariadb MSI p50 / p99 ms, /s (").concat(CONCURRENCY, ", beside cleanup) | timeouts / deadlocks | CPU \u00B5s per reservation (server + client) redis / postgres / mariadb |"));
    console.log('|---|---|---|---|---|---|---|');
    for (var _i = 0, SIZES_1 = SIZES; _i < SIZES_1.length; _i++) {
        var rows = SIZES_1[_i];
        var _a = [
            find('redis', rows, 'latency'),
            find('redis', rows, 'throughput'),
            find('postgres', rows, 'throughput'),
            find('mariadb', rows, "".concat(CONCURRENCY, " clients +")),
        ], redis1 = _a[0], redisN = _a[1], pgN = _a[2], mariaC = _a[3];
        if (!redis1 || !redisN || !pgN || !mariaC)
            continue;
        console.log("| ".concat(rows.toLocaleString('en'), " | ").concat(redis1.p99Ms.toFixed(2), " | ").concat(Math.round(redisN.perSecond), " | ").concat(pgN.p50Ms.toFixed(1), " / ").concat(pgN.p99Ms.toFixed(1), ", ").concat(Math.round(pgN.perSecond), " | ") +
            "".concat(mariaC.p50Ms.toFixed(1), " / ").concat(mariaC.p99Ms.toFixed(1), ", ").concat(Math.round(mariaC.perSecond), " | ").concat(mariaC.lockWaitTimeouts, " / ").concat(mariaC.deadlocks, " | ") +
            "".concat(redisN.cpuUsPerReservation.toFixed(0), " / ").concat(pgN.cpuUsPerReservation.toFixed(0), " / ").concat(mariaC.cpuUsPerReservation.toFixed(0), " |"));
    }
    var redisP99 = SIZES.map(function (rows) { var _a, _b; return (_b = (_a = find('redis', rows, 'latency')) === null || _a === void 0 ? void 0 : _a.p99Ms) !== null && _b !== void 0 ? _b : NaN; });
    (0, cpu_report_1.printBenchResult)('reserve', {
        redisP99Ms: redisP99,
        redisPerSecond: SIZES.map(function (rows) { var _a, _b; return (_b = (_a = find('redis', rows, 'throughput')) === null || _a === void 0 ? void 0 : _a.perSecond) !== null && _b !== void 0 ? _b : NaN; }),
        mariadbBesideCleanup: SIZES.map(function (rows) {
            var c = find('mariadb', rows, "".concat(CONCURRENCY, " clients +"));
            return (c && {
                rows: rows,
                p50Ms: c.p50Ms,
                p99Ms: c.p99Ms,
                perSecond: c.perSecond,
                lockWaitTimeouts: c.lockWaitTimeouts,
                deadlocks: c.deadlocks,
                cpuUsPerReservation: c.cpuUsPerReservation,
            });
        }),
        cells: exports.cells,
    });
}
