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
exports.repoRoot = repoRoot;
exports.freePort = freePort;
exports.startService = startService;
var child_process_1 = require("child_process");
var fs_1 = require("fs");
var net_1 = require("net");
var path_1 = require("path");
var wait_for_1 = require("./wait-for");
/** The repository root (works from the TypeScript sources and from dist/). */
function repoRoot() {
    var dir = __dirname;
    while (!(0, fs_1.existsSync)((0, path_1.join)(dir, 'nest-cli.json'))) {
        var parent_1 = (0, path_1.dirname)(dir);
        if (parent_1 === dir)
            throw new Error('repository root (nest-cli.json) not found');
        dir = parent_1;
    }
    return dir;
}
var ROOT = repoRoot();
/** A port the OS says is free right now (other suites run in parallel on this machine). */
function freePort() {
    return new Promise(function (resolve, reject) {
        var server = (0, net_1.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', function () {
            var port = server.address().port;
            server.close(function () { return resolve(port); });
        });
    });
}
/**
 * Starts a built service (`npm run build` first) as its own OS process, exactly as
 * in production, and waits until /health/ready answers 200.
 */
function startService(name_1, env_1) {
    return __awaiter(this, arguments, void 0, function (name, env, 
    /** awaitReady false: return once it listens (a test that expects it to stay unready, e.g. refusing a foreign log). */
    options) {
        var port, _a, logDir, logFile, log, nodeArgs, child, exited, url, dead;
        var _this = this;
        var _b, _c, _d;
        if (options === void 0) { options = {}; }
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    if (!((_b = options.port) !== null && _b !== void 0)) return [3 /*break*/, 1];
                    _a = _b;
                    return [3 /*break*/, 3];
                case 1: return [4 /*yield*/, freePort()];
                case 2:
                    _a = (_e.sent());
                    _e.label = 3;
                case 3:
                    port = _a;
                    logDir = (0, path_1.join)(ROOT, '.run', 'test-logs');
                    (0, fs_1.mkdirSync)(logDir, { recursive: true });
                    logFile = (0, path_1.join)(logDir, "".concat(name, "-").concat(port, "-").concat(Date.now(), ".log"));
                    log = (0, fs_1.createWriteStream)(logFile);
                    nodeArgs = ((_c = process.env.SERVICE_NODE_ARGS) !== null && _c !== void 0 ? _c : '').split(' ').filter(Boolean);
                    child = (0, child_process_1.spawn)(process.execPath, __spreadArray(__spreadArray([], nodeArgs, true), [(0, path_1.join)(ROOT, 'dist/apps', name, 'src/main.js')], false), {
                        env: __assign(__assign(__assign({}, process.env), env), { PORT: String(port), KAFKAJS_NO_PARTITIONER_WARNING: '1' }),
                        stdio: ['ignore', 'pipe', 'pipe'],
                    });
                    child.stdout.pipe(log);
                    child.stderr.pipe(log);
                    exited = new Promise(function (resolve) { return child.once('exit', function (code) { return resolve(code); }); });
                    url = "http://127.0.0.1:".concat(port);
                    dead = false;
                    void exited.then(function () { return (dead = true); });
                    return [4 /*yield*/, (0, wait_for_1.waitFor)(function () { return __awaiter(_this, void 0, void 0, function () {
                            var res;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0:
                                        if (dead)
                                            throw new Error("".concat(name, " exited during startup; see ").concat(logFile));
                                        return [4 /*yield*/, fetch("".concat(url, "/health/ready")).catch(function () { return undefined; })];
                                    case 1:
                                        res = _a.sent();
                                        return [2 /*return*/, options.awaitReady === false ? res !== undefined : (res === null || res === void 0 ? void 0 : res.status) === 200];
                                }
                            });
                        }); }, { timeoutMs: (_d = options.readyTimeoutMs) !== null && _d !== void 0 ? _d : 60000, what: "".concat(name, " ready (log: ").concat(logFile, ")") })];
                case 4:
                    _e.sent();
                    return [2 /*return*/, {
                            name: name,
                            port: port,
                            url: url,
                            child: child,
                            logFile: logFile,
                            exited: exited,
                            stop: function () { return __awaiter(_this, void 0, void 0, function () {
                                var timer, code;
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0:
                                            if (dead)
                                                return [2 /*return*/, exited];
                                            child.kill('SIGTERM');
                                            timer = setTimeout(function () { return child.kill('SIGKILL'); }, 30000);
                                            return [4 /*yield*/, exited];
                                        case 1:
                                            code = _a.sent();
                                            clearTimeout(timer);
                                            return [2 /*return*/, code];
                                    }
                                });
                            }); },
                            kill: function () { return __awaiter(_this, void 0, void 0, function () {
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0:
                                            if (!dead)
                                                child.kill('SIGKILL');
                                            return [4 /*yield*/, exited];
                                        case 1:
                                            _a.sent();
                                            return [2 /*return*/];
                                    }
                                });
                            }); },
                        }];
            }
        });
    });
}
