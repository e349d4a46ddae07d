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
exports.CpuMeter = void 0;
exports.infrastructureGroups = infrastructureGroups;
exports.benchGroup = benchGroup;
exports.workSeconds = workSeconds;
exports.groupSeconds = groupSeconds;
/**
 * CpuMeter: CPU seconds each group of processes spent over a window of a
 * benchmark, and what that costs per unit of work (order, event, delivery).
 *
 * Groups are sampled once a second as well as at start and stop, so that a
 * process that exits inside the window (a Postgres backend of a closed
 * connection) still counts up to its last sample, and one that starts inside
 * it counts from zero. The machine's total busy time is read too: on a shared
 * machine "other" (busy time no group accounts for) says how much of the
 * window someone else took.
 */
var node_fs_1 = require("node:fs");
var node_os_1 = require("node:os");
var process_cpu_1 = require("./process-cpu");
var SAMPLE_MS = 1000;
var CpuMeter = /** @class */ (function () {
    function CpuMeter(groups) {
        this.groups = groups;
        this.first = new Map();
        this.last = new Map();
        this.startedAt = 0n;
        this.startedBoot = 0;
        this.machineAtStart = 0;
    }
    CpuMeter.prototype.start = function () {
        var _this = this;
        this.startedAt = process.hrtime.bigint();
        this.startedBoot = uptimeTicks();
        this.machineAtStart = (0, process_cpu_1.machineTicks)().busy;
        for (var _i = 0, _a = this.groups; _i < _a.length; _i++) {
            var group = _a[_i];
            var stats = new Map();
            for (var _b = 0, _c = group.pids(); _b < _c.length; _b++) {
                var pid = _c[_b];
                var stat = (0, process_cpu_1.procStat)(pid);
                if (stat)
                    stats.set(pid, stat);
            }
            this.first.set(group.name, stats);
            this.last.set(group.name, new Map(stats));
        }
        this.timer = setInterval(function () { return _this.sample(); }, SAMPLE_MS);
        this.timer.unref();
        return this;
    };
    CpuMeter.prototype.stop = function () {
        var _this = this;
        clearInterval(this.timer);
        this.sample();
        var tick = (0, process_cpu_1.clockTicks)();
        var groups = this.groups.map(function (group) {
            var _a, _b;
            var first = _this.first.get(group.name);
            var ticks = 0;
            for (var _i = 0, _c = _this.last.get(group.name); _i < _c.length; _i++) {
                var _d = _c[_i], pid = _d[0], stat = _d[1];
                ticks += stat.ticks - ((_b = (_a = first.get(pid)) === null || _a === void 0 ? void 0 : _a.ticks) !== null && _b !== void 0 ? _b : 0);
            }
            return { name: group.name, role: group.role, seconds: ticks / tick };
        });
        return {
            wallSeconds: Number(process.hrtime.bigint() - this.startedAt) / 1e9,
            machineSeconds: ((0, process_cpu_1.machineTicks)().busy - this.machineAtStart) / tick,
            cores: (0, node_os_1.cpus)().length,
            groups: groups,
        };
    };
    CpuMeter.prototype.sample = function () {
        for (var _i = 0, _a = this.groups; _i < _a.length; _i++) {
            var group = _a[_i];
            var first = this.first.get(group.name);
            var last = this.last.get(group.name);
            var pids = group.dynamic ? new Set(__spreadArray(__spreadArray([], last.keys(), true), group.pids(), true)) : last.keys();
            for (var _b = 0, pids_1 = pids; _b < pids_1.length; _b++) {
                var pid = pids_1[_b];
                var stat = (0, process_cpu_1.procStat)(pid);
                if (!stat)
                    continue; // exited: its last sample stands
                var known = first.get(pid);
                if (!known || known.started !== stat.started) {
                    // Born inside the window: all its CPU is ours. Seen only now but older: count from now.
                    first.set(pid, __assign(__assign({}, stat), { ticks: stat.started >= this.startedBoot ? 0 : stat.ticks }));
                }
                last.set(pid, stat);
            }
        }
    };
    return CpuMeter;
}());
exports.CpuMeter = CpuMeter;
function uptimeTicks() {
    return Number((0, node_fs_1.readFileSync)('/proc/uptime', 'utf8').split(' ')[0]) * (0, process_cpu_1.clockTicks)();
}
/** Kafka, every postgres process, redis-server: shared with whoever else uses them on this machine. */
function infrastructureGroups(root, extra) {
    if (extra === void 0) { extra = {}; }
    var kafka = (0, process_cpu_1.kafkaPids)(root);
    var groups = [
        { name: 'kafka', role: 'infrastructure', pids: function () { return kafka; } },
        // Every backend is its own process: all processes named postgres, summed (other users' included).
        {
            name: 'postgres (all processes)',
            role: 'infrastructure',
            pids: function () { return (0, process_cpu_1.pidsNamed)('postgres'); },
            dynamic: true,
        },
        { name: 'redis', role: 'infrastructure', pids: function () { return (0, process_cpu_1.pidsNamed)('redis-server'); } },
    ];
    if (extra.mariadb)
        groups.push({ name: 'mariadb', role: 'infrastructure', pids: function () { return (0, process_cpu_1.pidsNamed)('mariadbd'); } });
    return groups;
}
/** The benchmark process itself: the load generator, shown apart from the cost of the work. */
function benchGroup(name) {
    if (name === void 0) { name = 'bench (load generator)'; }
    return { name: name, role: 'load', pids: function () { return [process.pid]; } };
}
/** Our processes (services) and infrastructure: what a unit of work costs, without the load generator. */
function workSeconds(usage) {
    return usage.groups.filter(function (g) { return g.role !== 'load'; }).reduce(function (sum, g) { return sum + g.seconds; }, 0);
}
function groupSeconds(usage) {
    var names = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        names[_i - 1] = arguments[_i];
    }
    return usage.groups.filter(function (g) { return names.includes(g.name); }).reduce(function (sum, g) { return sum + g.seconds; }, 0);
}
