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
Object.defineProperty(exports, "__esModule", { value: true });
exports.JobLoop = void 0;
/**
 * Runs one job continuously: slice after slice while it has work, a pause when
 * it is idle, an exponential pause after errors (a database restart must not
 * become a hot retry loop, nor crash the process). `stop()` interrupts a pause at
 * once but lets the slice in progress finish, so nothing is abandoned half-done.
 */
var JobLoop = /** @class */ (function () {
    function JobLoop(job, options, observer) {
        this.job = job;
        this.options = options;
        this.observer = observer;
        this.abort = new AbortController();
    }
    JobLoop.prototype.start = function () {
        var _a;
        (_a = this.done) !== null && _a !== void 0 ? _a : (this.done = this.run());
    };
    /** Resolves once the slice in progress (if any) has finished; no new slice starts. */
    JobLoop.prototype.stop = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        this.abort.abort();
                        return [4 /*yield*/, this.done];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    JobLoop.prototype.run = function () {
        return __awaiter(this, void 0, void 0, function () {
            var failures, started, handled, error_1, retryInMs, seconds;
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        failures = 0;
                        _b.label = 1;
                    case 1:
                        if (!!this.abort.signal.aborted) return [3 /*break*/, 8];
                        started = process.hrtime.bigint();
                        handled = void 0;
                        _b.label = 2;
                    case 2:
                        _b.trys.push([2, 4, , 6]);
                        return [4 /*yield*/, this.job.runOnce()];
                    case 3:
                        handled = _b.sent();
                        return [3 /*break*/, 6];
                    case 4:
                        error_1 = _b.sent();
                        failures++;
                        retryInMs = Math.min(this.options.errorDelayMs * Math.pow(2, (failures - 1)), this.options.maxErrorDelayMs);
                        this.observer.failed(this.job.name, asError(error_1), failures, retryInMs);
                        return [4 /*yield*/, this.pause(retryInMs)];
                    case 5:
                        _b.sent();
                        return [3 /*break*/, 1];
                    case 6:
                        failures = 0;
                        seconds = Number(process.hrtime.bigint() - started) / 1e9;
                        this.observer.slice(this.job.name, handled, seconds);
                        // Busy: go again once the pace allows (at once if unpaced, still yielding to
                        // the event loop for health checks and the other jobs).
                        return [4 /*yield*/, this.pause(handled > 0 ? this.paceMs(handled, seconds) : ((_a = this.job.idleDelayMs) !== null && _a !== void 0 ? _a : this.options.idleDelayMs))];
                    case 7:
                        // Busy: go again once the pace allows (at once if unpaced, still yielding to
                        // the event loop for health checks and the other jobs).
                        _b.sent();
                        return [3 /*break*/, 1];
                    case 8: return [2 /*return*/];
                }
            });
        });
    };
    /** How long to wait so that `handled` items took at least handled / maxItemsPerSecond seconds. */
    JobLoop.prototype.paceMs = function (handled, seconds) {
        var rate = this.job.maxItemsPerSecond;
        return rate ? Math.max(0, Math.round((handled / rate - seconds) * 1000)) : 0;
    };
    JobLoop.prototype.pause = function (ms) {
        var signal = this.abort.signal;
        if (signal.aborted)
            return Promise.resolve();
        return new Promise(function (resolve) {
            var timer = setTimeout(done, ms);
            function done() {
                clearTimeout(timer);
                signal.removeEventListener('abort', done);
                resolve();
            }
            signal.addEventListener('abort', done);
        });
    };
    return JobLoop;
}());
exports.JobLoop = JobLoop;
function asError(error) {
    return error instanceof Error ? error : new Error(String(error));
}
