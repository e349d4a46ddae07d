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
var _a, _b;
Object.defineProperty(exports, "__esModule", { value: true });
exports.restartDelay = restartDelay;
/**
 * A small process supervisor for `npm start`: runs every built service in the
 * foreground, the way Supervisor runs queue consumers in production.
 *
 * - Each service is `node dist/apps/<name>/src/main.js` with its own PORT;
 *   services not built yet are skipped, so a partial checkout still starts.
 * - Output lines are prefixed with the service name, so one terminal stays readable.
 * - A crashed service is restarted after 1 s, 2 s, 4 s ... up to 30 s; a crash
 *   loop must not burn the CPU the healthy services need, and a service that
 *   stayed up for 60 s is considered healthy again (delay back to 1 s).
 * - SIGINT/SIGTERM: SIGTERM to every child (they drain and commit offsets),
 *   up to 20 s, then SIGKILL for stragglers; exit 0.
 *
 * Env: children inherit ours plus PORT. The gateway takes $PORT (default 3000)
 * because its port is the public base URL; the others use fixed ports unless
 * LEDGER_PORT, ORDERS_PORT, CHANNEL_SYNC_PORT or COMPACTION_PORT say otherwise
 * (a second stack beside a running one, e.g. the npm start SIGTERM test), and
 * the gateway is pointed at the orders and channel-sync ports chosen here.
 */
var node_child_process_1 = require("node:child_process");
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var node_readline_1 = require("node:readline");
var port = function (variable, fallback) { var _a; return Number((_a = process.env[variable]) !== null && _a !== void 0 ? _a : fallback); };
var SERVICES = [
    { name: 'gateway', port: port('PORT', 3000) },
    { name: 'ledger', port: port('LEDGER_PORT', 3001) },
    { name: 'orders', port: port('ORDERS_PORT', 3002) },
    { name: 'channel-sync', port: port('CHANNEL_SYNC_PORT', 3003) },
    { name: 'compaction', port: port('COMPACTION_PORT', 3004) },
];
var portOf = function (name) { return SERVICES.find(function (s) { return s.name === name; }).port; };
/** What every child gets besides its PORT: where the gateway finds its upstreams. */
var UPSTREAMS = {
    ORDERS_URL: (_a = process.env.ORDERS_URL) !== null && _a !== void 0 ? _a : "http://127.0.0.1:".concat(portOf('orders')),
    CHANNEL_SYNC_URL: (_b = process.env.CHANNEL_SYNC_URL) !== null && _b !== void 0 ? _b : "http://127.0.0.1:".concat(portOf('channel-sync')),
};
var FIRST_DELAY_MS = 1000;
var MAX_DELAY_MS = 30000;
var HEALTHY_AFTER_MS = 60000;
var SHUTDOWN_GRACE_MS = 20000;
// Compiled to dist/scripts/supervise.js: the repository root is two levels up.
var ROOT = (0, node_path_1.resolve)(__dirname, '..', '..');
var NAME_WIDTH = Math.max.apply(Math, SERVICES.map(function (s) { return s.name.length; }));
var stopping = false;
/**
 * Delay before the next restart. Doubles on every crash that came soon after
 * the previous start; a run of HEALTHY_AFTER_MS or more starts the series over.
 */
function restartDelay(lastDelayMs, uptimeMs) {
    if (lastDelayMs === 0 || uptimeMs >= HEALTHY_AFTER_MS)
        return FIRST_DELAY_MS;
    return Math.min(lastDelayMs * 2, MAX_DELAY_MS);
}
function log(name, line, out) {
    if (out === void 0) { out = process.stdout; }
    out.write("[".concat(name.padEnd(NAME_WIDTH), "] ").concat(line, "\n"));
}
function pipeLines(name, from, to) {
    if (from)
        (0, node_readline_1.createInterface)({ input: from }).on('line', function (line) { return log(name, line, to); });
}
function start(service) {
    service.startedAt = Date.now();
    var child = (0, node_child_process_1.spawn)(process.execPath, [service.main], {
        cwd: ROOT,
        env: __assign(__assign(__assign({}, process.env), UPSTREAMS), { PORT: String(service.port) }),
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.child = child;
    pipeLines(service.name, child.stdout, process.stdout);
    pipeLines(service.name, child.stderr, process.stderr);
    log('supervise', "started ".concat(service.name, " (pid ").concat(child.pid, ", port ").concat(service.port, ")"));
    child.on('exit', function (code, signal) { return onExit(service, signal !== null && signal !== void 0 ? signal : "code ".concat(code)); });
    // A failed spawn emits only 'error' (no 'exit'): handle it as a crash.
    child.on('error', function (error) {
        log('supervise', "".concat(service.name, ": ").concat(error.message), process.stderr);
        if (child.pid === undefined)
            onExit(service, 'spawn failed');
    });
}
function onExit(service, how) {
    service.child = undefined;
    if (stopping)
        return;
    var uptimeMs = Date.now() - service.startedAt;
    service.lastDelayMs = restartDelay(service.lastDelayMs, uptimeMs);
    log('supervise', "".concat(service.name, " exited (").concat(how, ") after ").concat(Math.round(uptimeMs / 1000), " s; ") +
        "restarting in ".concat(service.lastDelayMs / 1000, " s"), process.stderr);
    service.restartTimer = setTimeout(function () {
        service.restartTimer = undefined;
        if (!stopping)
            start(service);
    }, service.lastDelayMs);
}
function running(services) {
    return services.filter(function (s) { return s.child !== undefined; });
}
function shutdown(services, signal) {
    return __awaiter(this, void 0, void 0, function () {
        var _i, services_1, s, _a, _b, s, deadline, _c, _d, s;
        var _e, _f;
        return __generator(this, function (_g) {
            switch (_g.label) {
                case 0:
                    if (stopping)
                        return [2 /*return*/]; // a second Ctrl-C while draining changes nothing
                    stopping = true;
                    log('supervise', "".concat(signal, ": stopping ").concat(running(services).length, " service(s)"));
                    for (_i = 0, services_1 = services; _i < services_1.length; _i++) {
                        s = services_1[_i];
                        clearTimeout(s.restartTimer);
                    } // no restart may race the shutdown
                    for (_a = 0, _b = running(services); _a < _b.length; _a++) {
                        s = _b[_a];
                        (_e = s.child) === null || _e === void 0 ? void 0 : _e.kill('SIGTERM');
                    }
                    deadline = Date.now() + SHUTDOWN_GRACE_MS;
                    _g.label = 1;
                case 1:
                    if (!(running(services).length > 0 && Date.now() < deadline)) return [3 /*break*/, 3];
                    return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, 100); })];
                case 2:
                    _g.sent();
                    return [3 /*break*/, 1];
                case 3:
                    for (_c = 0, _d = running(services); _c < _d.length; _c++) {
                        s = _d[_c];
                        log('supervise', "".concat(s.name, " still running after ").concat(SHUTDOWN_GRACE_MS / 1000, " s; SIGKILL"), process.stderr);
                        (_f = s.child) === null || _f === void 0 ? void 0 : _f.kill('SIGKILL');
                    }
                    log('supervise', 'all services stopped');
                    process.exit(0);
                    return [2 /*return*/];
            }
        });
    });
}
function main() {
    var services = [];
    for (var _i = 0, SERVICES_1 = SERVICES; _i < SERVICES_1.length; _i++) {
        var _a = SERVICES_1[_i], name_1 = _a.name, port_1 = _a.port;
        var entry = (0, node_path_1.join)(ROOT, 'dist', 'apps', name_1, 'src', 'main.js');
        if (!(0, node_fs_1.existsSync)(entry)) {
            log('supervise', "skipping ".concat(name_1, ": ").concat(entry, " does not exist (not built yet)"));
            continue;
        }
        services.push({ name: name_1, port: port_1, main: entry, startedAt: 0, lastDelayMs: 0 });
    }
    if (services.length === 0) {
        log('supervise', 'no service is built; run `npm run build` first', process.stderr);
        process.exit(1);
    }
    process.on('SIGINT', function () { return void shutdown(services, 'SIGINT'); });
    process.on('SIGTERM', function () { return void shutdown(services, 'SIGTERM'); });
    services.forEach(start);
}
if (require.main === module)
    main();
