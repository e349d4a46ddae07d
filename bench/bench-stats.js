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
Object.defineProperty(exports, "__esModule", { value: true });
exports.percentile = percentile;
exports.formatCell = formatCell;
exports.measure = measure;
function percentile(sorted, p) {
    if (sorted.length === 0)
        return NaN;
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function formatCell(cell) {
    var _a;
    var sorted = __spreadArray([], cell.latenciesMs, true).sort(function (a, b) { return a - b; });
    var units = Math.round(cell.operations * ((_a = cell.unitsPerOp) !== null && _a !== void 0 ? _a : 1));
    var perSecond = Math.round(units / cell.seconds);
    return ("".concat(cell.label.padEnd(58), " p50 ").concat(percentile(sorted, 50).toFixed(3).padStart(8), " ms   ") +
        "p99 ".concat(percentile(sorted, 99).toFixed(3).padStart(8), " ms   ").concat(String(perSecond).padStart(7), " reservations/s   (").concat(units, ")"));
}
/**
 * Runs `op` from `concurrency` workers for `seconds`, timing every call.
 * The clock is process.hrtime, so sub-millisecond latencies keep their precision.
 */
function measure(label, seconds, concurrency, op) {
    return __awaiter(this, void 0, void 0, function () {
        var latenciesMs, deadline, next, started, elapsed;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    latenciesMs = [];
                    deadline = Date.now() + seconds * 1000;
                    next = 0;
                    started = process.hrtime.bigint();
                    return [4 /*yield*/, Promise.all(Array.from({ length: concurrency }, function (_, worker) { return __awaiter(_this, void 0, void 0, function () {
                            var t0;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0:
                                        if (!(Date.now() < deadline)) return [3 /*break*/, 2];
                                        t0 = process.hrtime.bigint();
                                        return [4 /*yield*/, op(next++, worker)];
                                    case 1:
                                        _a.sent();
                                        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
                                        return [3 /*break*/, 0];
                                    case 2: return [2 /*return*/];
                                }
                            });
                        }); }))];
                case 1:
                    _a.sent();
                    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
                    return [2 /*return*/, { label: label, operations: latenciesMs.length, seconds: elapsed, latenciesMs: latenciesMs }];
            }
        });
    });
}
