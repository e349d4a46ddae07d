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
exports.expireDueHolds = expireDueHolds;
var persistence_1 = require("@stockflow/persistence");
var hydration_1 = require("./hydration");
var reservation_records_1 = require("./reservation-records");
/**
 * Releases holds whose deadline has passed: one run handles up to `limit` of
 * them and returns how many it released (a job runner calls it again at once
 * while it returns a full page). Postgres says which holds are due (durable,
 * survives a Redis loss); the script decides atomically, so a hold converted
 * into an order or cancelled meanwhile is left alone and nothing is released twice.
 */
function expireDueHolds(ctx_1, now_1) {
    return __awaiter(this, arguments, void 0, function (ctx, now, limit) {
        var due, result, skus, _i, _a, sku, retried;
        if (limit === void 0) { limit = 500; }
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, (0, reservation_records_1.dueHolds)((0, persistence_1.sqlPool)(ctx.db), now, limit)];
                case 1:
                    due = _b.sent();
                    if (due.length === 0)
                        return [2 /*return*/, 0];
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, due.map(function (h) { return h.sku; }))];
                case 2:
                    _b.sent();
                    return [4 /*yield*/, ctx.stock.expireHolds(due.map(function (h) { return h.rid; }), now)];
                case 3:
                    result = _b.sent();
                    if (!(result.unknown.length > 0)) return [3 /*break*/, 10];
                    skus = due.filter(function (h) { return result.unknown.includes(h.rid); }).map(function (h) { return h.sku; });
                    _i = 0, _a = new Set(skus);
                    _b.label = 4;
                case 4:
                    if (!(_i < _a.length)) return [3 /*break*/, 7];
                    sku = _a[_i];
                    return [4 /*yield*/, ctx.stock.drop(sku)];
                case 5:
                    _b.sent();
                    _b.label = 6;
                case 6:
                    _i++;
                    return [3 /*break*/, 4];
                case 7: return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, skus)];
                case 8:
                    _b.sent();
                    return [4 /*yield*/, ctx.stock.expireHolds(result.unknown, now)];
                case 9:
                    retried = _b.sent();
                    result = __assign(__assign({}, retried), { released: __spreadArray(__spreadArray([], result.released, true), retried.released, true), gone: __spreadArray(__spreadArray([], result.gone, true), retried.gone, true) });
                    _b.label = 10;
                case 10: 
                // `gone`: released in Redis by an earlier run whose Postgres update did not happen.
                return [4 /*yield*/, (0, reservation_records_1.markReleased)((0, persistence_1.sqlPool)(ctx.db), __spreadArray(__spreadArray([], result.released, true), result.gone, true).map(function (rid) { return ({ rid: rid, reason: 'expired' }); }))];
                case 11:
                    // `gone`: released in Redis by an earlier run whose Postgres update did not happen.
                    _b.sent();
                    return [2 /*return*/, result.released.length];
            }
        });
    });
}
