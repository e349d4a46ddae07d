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
exports.reserveOrders = reserveOrders;
var persistence_1 = require("@stockflow/persistence");
var hydration_1 = require("./hydration");
var reservation_records_1 = require("./reservation-records");
var reservation_ids_1 = require("./reservation-ids");
/** A counter vanishing again and again means Redis is being wiped: give up and let the caller retry. */
var MAX_HYDRATION_ROUNDS = 5;
/**
 * Decides orders against the Redis counters, in the given order (FIFO), each
 * all-or-nothing, and records the outcome durably:
 *   1. the counters of their skus present (hydrated if missing),
 *   2. intents in Postgres (what hydration counts as reserved from now on),
 *   3. one Lua script per order, pipelined (events go to the outbox atomically),
 *   4. one transaction: reservation rows plus whatever `persist` writes (order status).
 * Idempotent: an order decided before gets the same decision, reserved once.
 * Redis or Postgres failures throw; nothing is decided then and a retry is safe.
 */
function reserveOrders(ctx, orders, now, persist) {
    return __awaiter(this, void 0, void 0, function () {
        var requests, sql, outcomes, decisions;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    requests = orders.map(function (o) {
                        var _a;
                        return ({
                            orderId: o.orderId,
                            channel: o.channel,
                            cartId: (_a = o.cartId) !== null && _a !== void 0 ? _a : undefined,
                            lines: o.lines.map(function (l, i) { return (__assign(__assign({}, l), { reservationId: (0, reservation_ids_1.orderLineReservationId)(o.orderId, i) })); }),
                        });
                    });
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, requests.flatMap(function (r) { return r.lines.map(function (l) { return l.sku; }); }))];
                case 1:
                    _a.sent();
                    sql = (0, persistence_1.sqlPool)(ctx.db);
                    return [4 /*yield*/, (0, reservation_records_1.recordIntents)(sql, requests.flatMap(function (r) {
                            return r.lines.map(function (l) { return ({
                                rid: l.reservationId,
                                sku: l.sku,
                                quantity: l.quantity,
                                kind: 'order',
                                orderId: r.orderId,
                                cartId: r.cartId,
                                channel: r.channel,
                            }); });
                        }))];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, runScripts(ctx, requests, now)];
                case 3:
                    outcomes = _a.sent();
                    decisions = requests.map(function (r, i) { return decide(r, outcomes[i]); });
                    return [4 /*yield*/, sql.transaction(function (tx) { return __awaiter(_this, void 0, void 0, function () {
                            var fresh, unused, converted, released;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0:
                                        fresh = [];
                                        unused = [];
                                        converted = [];
                                        released = [];
                                        requests.forEach(function (r, i) {
                                            var outcome = outcomes[i];
                                            if (outcome.status !== 'reserved')
                                                return unused.push.apply(unused, r.lines.map(function (l) { return l.reservationId; }));
                                            r.lines.forEach(function (l, j) { return (outcome.rids[j] === l.reservationId ? fresh : unused).push(l.reservationId); });
                                            converted.push.apply(converted, outcome.converted.map(function (rid) { return ({ rid: rid, orderId: r.orderId }); }));
                                            released.push.apply(released, outcome.released);
                                        });
                                        return [4 /*yield*/, (0, reservation_records_1.markOpen)(tx, fresh)];
                                    case 1:
                                        _a.sent();
                                        return [4 /*yield*/, (0, reservation_records_1.dropIntents)(tx, unused)];
                                    case 2:
                                        _a.sent();
                                        return [4 /*yield*/, (0, reservation_records_1.markConverted)(tx, converted.map(function (c) { return c.rid; }), converted.map(function (c) { return c.orderId; }))];
                                    case 3:
                                        _a.sent();
                                        return [4 /*yield*/, (0, reservation_records_1.markReleased)(tx, released)];
                                    case 4:
                                        _a.sent();
                                        return [4 /*yield*/, persist(tx, decisions)];
                                    case 5:
                                        _a.sent();
                                        return [2 /*return*/];
                                }
                            });
                        }); })];
                case 4:
                    _a.sent();
                    return [2 /*return*/, decisions];
            }
        });
    });
}
function runScripts(ctx, requests, now) {
    return __awaiter(this, void 0, void 0, function () {
        var outcomes, _loop_1, round, state_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, ctx.stock.reserveOrders(requests, now)];
                case 1:
                    outcomes = _a.sent();
                    _loop_1 = function (round) {
                        var again, undecided, retried;
                        return __generator(this, function (_b) {
                            switch (_b.label) {
                                case 0:
                                    again = outcomes.flatMap(function (o, i) { return (o.status === 'missing' ? [i] : []); });
                                    if (again.length === 0)
                                        return [2 /*return*/, { value: outcomes }];
                                    if (round > MAX_HYDRATION_ROUNDS)
                                        throw new Error("stock counters keep disappearing (".concat(again.length, " orders undecided)"));
                                    undecided = again.map(function (i) { return requests[i]; });
                                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, undecided.flatMap(function (r) { return r.lines.map(function (l) { return l.sku; }); }))];
                                case 1:
                                    _b.sent();
                                    return [4 /*yield*/, ctx.stock.reserveOrders(again.map(function (i) { return requests[i]; }), now)];
                                case 2:
                                    retried = _b.sent();
                                    again.forEach(function (index, k) { return (outcomes[index] = retried[k]); });
                                    return [2 /*return*/];
                            }
                        });
                    };
                    round = 1;
                    _a.label = 2;
                case 2: return [5 /*yield**/, _loop_1(round)];
                case 3:
                    state_1 = _a.sent();
                    if (typeof state_1 === "object")
                        return [2 /*return*/, state_1.value];
                    _a.label = 4;
                case 4:
                    round++;
                    return [3 /*break*/, 2];
                case 5: return [2 /*return*/];
            }
        });
    });
}
function decide(request, outcome) {
    if (outcome.status !== 'reserved')
        return { orderId: request.orderId, status: 'rejected', reason: 'out_of_stock' };
    return {
        orderId: request.orderId,
        status: 'pending',
        lines: request.lines.map(function (l, i) { return ({ sku: l.sku, quantity: l.quantity, reservationId: outcome.rids[i] }); }),
    };
}
