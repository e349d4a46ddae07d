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
exports.applyStockLevels = applyStockLevels;
var hydration_1 = require("./hydration");
var reservation_metrics_1 = require("./reservation-metrics");
/**
 * Moves the counters by what the ledger applied besides checkout's reservations
 * (receipts, POS sales, adjustments, counts), exactly once per version range;
 * messages in log order. A missing counter is hydrated, a gap rebuilds it; then
 * the same messages are applied again, because the ledger publishes a batch's
 * messages before it commits the batch: a hydration triggered by a message may
 * read the ledger from just before it. A gap that remains means the ledger has
 * not committed yet: the call fails and the caller retries the batch.
 * Returns how many messages moved a counter.
 */
function applyStockLevels(ctx, updates) {
    return __awaiter(this, void 0, void 0, function () {
        var outcomes, gaps, missing, applied, _i, gaps_1, sku, again, second, behind;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, ctx.stock.applyLevels(updates)];
                case 1:
                    outcomes = _a.sent();
                    gaps = new Set(updates.filter(function (_, i) { return outcomes[i] === 'gap'; }).map(function (u) { return u.sku; }));
                    missing = new Set(updates.filter(function (_, i) { return outcomes[i] === 'missing'; }).map(function (u) { return u.sku; }));
                    applied = outcomes.filter(function (o) { return o === 'applied'; }).length;
                    if (gaps.size + missing.size === 0)
                        return [2 /*return*/, applied];
                    reservation_metrics_1.reservationMetrics.levelGaps.inc(gaps.size);
                    _i = 0, gaps_1 = gaps;
                    _a.label = 2;
                case 2:
                    if (!(_i < gaps_1.length)) return [3 /*break*/, 5];
                    sku = gaps_1[_i];
                    return [4 /*yield*/, ctx.stock.drop(sku)];
                case 3:
                    _a.sent();
                    _a.label = 4;
                case 4:
                    _i++;
                    return [3 /*break*/, 2];
                case 5: return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, __spreadArray(__spreadArray([], gaps, true), missing, true))];
                case 6:
                    _a.sent();
                    again = updates.filter(function (u) { return gaps.has(u.sku) || missing.has(u.sku); });
                    return [4 /*yield*/, ctx.stock.applyLevels(again)];
                case 7:
                    second = _a.sent();
                    behind = again.filter(function (_, i) { return second[i] === 'gap' || second[i] === 'missing'; }).map(function (u) { return u.sku; });
                    if (behind.length > 0) {
                        throw new Error("ledger has not committed the versions announced for ".concat(__spreadArray([], new Set(behind), true).join(', '), " yet"));
                    }
                    applied += second.filter(function (o) { return o === 'applied'; }).length;
                    return [2 /*return*/, applied];
            }
        });
    });
}
