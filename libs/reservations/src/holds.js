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
Object.defineProperty(exports, "__esModule", { value: true });
exports.placeHold = placeHold;
exports.cancelCart = cancelCart;
var persistence_1 = require("@stockflow/persistence");
var hydration_1 = require("./hydration");
var reservation_records_1 = require("./reservation-records");
var reservation_ids_1 = require("./reservation-ids");
var MAX_HYDRATION_ROUNDS = 5;
/**
 * Holds stock for a cart until `ttlSeconds` from now, replacing the cart's
 * previous hold of the sku. Same intent-first discipline as orders: the row is
 * durable before the script runs, so hydration never misses the hold.
 */
function placeHold(ctx, request, ttlSeconds, now) {
    return __awaiter(this, void 0, void 0, function () {
        var rid, expiresAt, outcome, round, replaced;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    rid = (0, reservation_ids_1.holdReservationId)(request.cartId);
                    expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, [request.sku])];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, (0, reservation_records_1.recordIntents)((0, persistence_1.sqlPool)(ctx.db), [__assign(__assign({ rid: rid }, request), { kind: 'hold', expiresAt: expiresAt })])];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, ctx.stock.hold(__assign(__assign({}, request), { rid: rid, deadline: expiresAt }), now)];
                case 3:
                    outcome = _a.sent();
                    round = 1;
                    _a.label = 4;
                case 4:
                    if (!(outcome.status === 'missing')) return [3 /*break*/, 8];
                    if (round > MAX_HYDRATION_ROUNDS)
                        throw new Error("stock counter of ".concat(request.sku, " keeps disappearing"));
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, [request.sku])];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, ctx.stock.hold(__assign(__assign({}, request), { rid: rid, deadline: expiresAt }), now)];
                case 6:
                    outcome = _a.sent();
                    _a.label = 7;
                case 7:
                    round++;
                    return [3 /*break*/, 4];
                case 8:
                    if (!(outcome.status === 'insufficient')) return [3 /*break*/, 10];
                    return [4 /*yield*/, (0, reservation_records_1.dropIntents)((0, persistence_1.sqlPool)(ctx.db), [rid])];
                case 9:
                    _a.sent();
                    return [2 /*return*/, outcome];
                case 10:
                    replaced = outcome.replaced;
                    return [4 /*yield*/, (0, persistence_1.sqlPool)(ctx.db).transaction(function (tx) { return __awaiter(_this, void 0, void 0, function () {
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0: return [4 /*yield*/, (0, reservation_records_1.markOpen)(tx, [rid])];
                                    case 1:
                                        _a.sent();
                                        return [4 /*yield*/, (0, reservation_records_1.markReleased)(tx, replaced ? [{ rid: replaced, reason: 'cart_cancel' }] : [])];
                                    case 2:
                                        _a.sent();
                                        return [2 /*return*/];
                                }
                            });
                        }); })];
                case 11:
                    _a.sent();
                    return [2 /*return*/, { status: 'held', reservationId: rid, expiresAt: expiresAt }];
            }
        });
    });
}
/** Cart cancel: releases every open hold of the cart; returns their reservation ids. */
function cancelCart(ctx, cartId, now) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, _b, released;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0:
                    _a = hydration_1.hydrate;
                    _b = [ctx];
                    return [4 /*yield*/, (0, reservation_records_1.openHoldsOfCart)((0, persistence_1.sqlPool)(ctx.db), cartId)];
                case 1: 
                // After a Redis loss the registry of the cart's holds is rebuilt with their skus' counters.
                return [4 /*yield*/, _a.apply(void 0, _b.concat([(_c.sent()).map(function (h) { return h.sku; })]))];
                case 2:
                    // After a Redis loss the registry of the cart's holds is rebuilt with their skus' counters.
                    _c.sent();
                    return [4 /*yield*/, ctx.stock.releaseCart(cartId, now)];
                case 3:
                    released = (_c.sent()).released;
                    return [4 /*yield*/, (0, reservation_records_1.markReleased)((0, persistence_1.sqlPool)(ctx.db), released.map(function (rid) { return ({ rid: rid, reason: 'cart_cancel' }); }))];
                case 4:
                    _c.sent();
                    return [2 /*return*/, released];
            }
        });
    });
}
