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
Object.defineProperty(exports, "__esModule", { value: true });
exports.perUnit = perUnit;
exports.cpuTable = cpuTable;
exports.printBenchResult = printBenchResult;
/**
 * How benchmarks print what CPU a unit of work cost, and the one
 * machine-readable line each benchmark ends with.
 */
var cpu_meter_1 = require("./cpu-meter");
/** Seconds of CPU per unit, in the given unit. */
function perUnit(seconds, units, unit) {
    return (seconds * (unit === 'ms' ? 1e3 : 1e6)) / Math.max(1, units);
}
/**
 * A table of every process group's CPU over the window and per unit, the work
 * total (services + infrastructure) apart from the load generator, and the
 * machine time nobody here accounts for (other users of a shared machine).
 */
function cpuTable(title, usage, units, unitName, unit) {
    var lines = [
        "".concat(title, ": CPU over ").concat(usage.wallSeconds.toFixed(1), " s for ").concat(units, " ").concat(unitName, "s (from /proc utime+stime)"),
        "| process | role | CPU s | ".concat(unit, " per ").concat(unitName, " | cores busy |"),
        '|---|---|---|---|---|',
    ];
    var row = function (name, role, seconds) {
        return lines.push("| ".concat(name, " | ").concat(role, " | ").concat(seconds.toFixed(2), " | ").concat(perUnit(seconds, units, unit).toFixed(unit === 'ms' ? 3 : 1), " | ").concat((seconds / usage.wallSeconds).toFixed(2), " |"));
    };
    for (var _i = 0, _a = usage.groups; _i < _a.length; _i++) {
        var g = _a[_i];
        row(g.name, g.role, g.seconds);
    }
    var work = (0, cpu_meter_1.workSeconds)(usage);
    row('**work: services + infrastructure**', 'total', work);
    var load = usage.groups.filter(function (g) { return g.role === 'load'; }).reduce(function (s, g) { return s + g.seconds; }, 0);
    var other = Math.max(0, usage.machineSeconds - work - load);
    lines.push("machine busy ".concat(usage.machineSeconds.toFixed(1), " s of ").concat((usage.wallSeconds * usage.cores).toFixed(1), " (").concat(usage.cores, " cores); ") +
        "not ours (other users, kernel threads): ".concat(other.toFixed(1), " s. Postgres, Kafka and Redis are shared: their rows include other users' work."));
    return lines.join('\n');
}
/** The last line of every benchmark: `bench-result: {json}`, numbers rounded for reading. */
function printBenchResult(bench, fields) {
    console.log("bench-result: ".concat(JSON.stringify(__assign({ bench: bench }, fields), function (_, v) { return (typeof v === 'number' ? round(v) : v); })));
}
function round(v) {
    if (!Number.isFinite(v) || Number.isInteger(v))
        return v;
    return Math.abs(v) >= 100 ? Math.round(v) : Number(v.toPrecision(4));
}
