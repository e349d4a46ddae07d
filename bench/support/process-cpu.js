"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clockTicks = clockTicks;
exports.procStat = procStat;
exports.parseStat = parseStat;
exports.pidsNamed = pidsNamed;
exports.pidsWithCmdline = pidsWithCmdline;
exports.pidsListeningOn = pidsListeningOn;
exports.kafkaPids = kafkaPids;
exports.machineTicks = machineTicks;
/**
 * CPU time of the processes a benchmark involves, read from /proc (Linux only):
 * utime + stime of /proc/<pid>/stat, in clock ticks of `getconf CLK_TCK`.
 *
 * WHY /proc and not each process's own metrics: Kafka, Postgres and Redis are
 * not ours to instrument, and the cost of a unit of work is what every process
 * on its path spends, counted the same way for all of them.
 */
var node_child_process_1 = require("node:child_process");
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var ticksPerSecond;
/** USER_HZ, the unit of utime and stime (100 on every Linux we know, but asked, not assumed). */
function clockTicks() {
    if (ticksPerSecond === undefined) {
        var answer = Number((0, node_child_process_1.execFileSync)('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
        ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
    }
    return ticksPerSecond;
}
/** One process's counters, or undefined when it is gone (or not ours to read). */
function procStat(pid) {
    var text;
    try {
        text = (0, node_fs_1.readFileSync)("/proc/".concat(pid, "/stat"), 'utf8');
    }
    catch (_a) {
        return undefined;
    }
    return parseStat(pid, text);
}
/** One line of /proc/<pid>/stat (proc(5)). */
function parseStat(pid, text) {
    // comm may hold spaces and parentheses: the fields after it start after the last ')'.
    var close = text.lastIndexOf(')');
    var comm = text.slice(text.indexOf('(') + 1, close);
    var fields = text.slice(close + 2).split(' ');
    // fields[0] is field 3 (state) of proc(5): utime is 14, stime 15, starttime 22.
    return { pid: pid, comm: comm, ticks: Number(fields[11]) + Number(fields[12]), started: Number(fields[19]) };
}
function allPids() {
    return (0, node_fs_1.readdirSync)('/proc')
        .filter(function (name) { return /^\d+$/.test(name); })
        .map(Number);
}
/** Every process whose command name (comm) is `name`, e.g. all postgres backends. */
function pidsNamed(name) {
    return allPids().filter(function (pid) { var _a; return ((_a = procStat(pid)) === null || _a === void 0 ? void 0 : _a.comm) === name; });
}
/** Pids whose command line contains `fragment` (e.g. 'kafka.Kafka'). */
function pidsWithCmdline(fragment) {
    return allPids().filter(function (pid) {
        try {
            return (0, node_fs_1.readFileSync)("/proc/".concat(pid, "/cmdline"), 'utf8').replace(/\0/g, ' ').includes(fragment);
        }
        catch (_a) {
            return false;
        }
    });
}
/** The processes listening on a TCP port of this machine: /proc/net/tcp{,6} inodes matched to open sockets. */
function pidsListeningOn(port) {
    var inodes = new Set();
    for (var _i = 0, _a = ['/proc/net/tcp', '/proc/net/tcp6']; _i < _a.length; _i++) {
        var table = _a[_i];
        if (!(0, node_fs_1.existsSync)(table))
            continue;
        for (var _b = 0, _c = (0, node_fs_1.readFileSync)(table, 'utf8').split('\n').slice(1); _b < _c.length; _b++) {
            var line = _c[_b];
            var cols = line.trim().split(/\s+/);
            // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN.
            if (cols.length > 9 && cols[3] === '0A' && parseInt(cols[1].split(':')[1], 16) === port)
                inodes.add(cols[9]);
        }
    }
    if (inodes.size === 0)
        return [];
    return allPids().filter(function (pid) {
        try {
            return (0, node_fs_1.readdirSync)("/proc/".concat(pid, "/fd")).some(function (fd) {
                var target = safeReadlink((0, node_path_1.join)("/proc/".concat(pid, "/fd"), fd));
                return (target === null || target === void 0 ? void 0 : target.startsWith('socket:[')) && inodes.has(target.slice(8, -1));
            });
        }
        catch (_a) {
            return false;
        }
    });
}
function safeReadlink(path) {
    try {
        return (0, node_fs_1.readlinkSync)(path);
    }
    catch (_a) {
        return undefined;
    }
}
/**
 * The Kafka broker: the pid file scripts/kafka.sh writes when it is ours, else
 * whatever listens on the broker's port (a broker started by another checkout).
 */
function kafkaPids(root, brokers) {
    var _a, _b;
    if (brokers === void 0) { brokers = (_a = process.env.KAFKA_BROKERS) !== null && _a !== void 0 ? _a : '127.0.0.1:9092'; }
    var pidFile = (0, node_path_1.join)((_b = process.env.KAFKA_CACHE_DIR) !== null && _b !== void 0 ? _b : (0, node_path_1.join)(root, '.cache', 'kafka'), 'kafka.pid');
    if ((0, node_fs_1.existsSync)(pidFile)) {
        var pid = Number((0, node_fs_1.readFileSync)(pidFile, 'utf8').trim());
        if (procStat(pid) && (0, node_fs_1.readFileSync)("/proc/".concat(pid, "/cmdline"), 'utf8').includes('kafka.Kafka'))
            return [pid];
    }
    var port = Number(brokers.split(',')[0].split(':').at(-1));
    var listening = pidsListeningOn(port);
    return listening.length > 0 ? listening : pidsWithCmdline('kafka.Kafka');
}
/** Busy ticks of the whole machine (every core, every process) from /proc/stat, and the idle ones. */
function machineTicks() {
    var cpu = (0, node_fs_1.readFileSync)('/proc/stat', 'utf8')
        .split('\n')[0]
        .trim()
        .split(/\s+/)
        .slice(1)
        .map(Number);
    // user nice system idle iowait irq softirq steal (guest is already inside user).
    var user = cpu[0], nice = cpu[1], system = cpu[2], idle = cpu[3], iowait = cpu[4], irq = cpu[5], softirq = cpu[6], steal = cpu[7];
    return { busy: user + nice + system + irq + softirq + (steal !== null && steal !== void 0 ? steal : 0), idle: idle + (iowait !== null && iowait !== void 0 ? iowait : 0) };
}
