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
exports.recordIntents = recordIntents;
exports.markOpen = markOpen;
exports.dropIntents = dropIntents;
exports.markConverted = markConverted;
exports.markReleased = markReleased;
exports.touch = touch;
exports.dueHolds = dueHolds;
exports.openHoldsOfCart = openHoldsOfCart;
exports.settleFolded = settleFolded;
var reservation_ids_1 = require("./reservation-ids");
function recordIntents(db, rows) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (rows.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, db.query("INSERT INTO order_reservations (reservation_id, sku, quantity, kind, order_id, cart_id, channel, state,\n                                     expires_at, reserve_event_id, release_event_id)\n     SELECT r, s, q, k, o, c, ch, 'reserving', e, re, rl\n     FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],\n                 $8::timestamptz[], $9::uuid[], $10::uuid[]) AS t(r, s, q, k, o, c, ch, e, re, rl)\n     ON CONFLICT (reservation_id) DO NOTHING", [
                            rows.map(function (r) { return r.rid; }),
                            rows.map(function (r) { return r.sku; }),
                            rows.map(function (r) { return r.quantity; }),
                            rows.map(function (r) { return r.kind; }),
                            rows.map(function (r) { var _a; return (_a = r.orderId) !== null && _a !== void 0 ? _a : null; }),
                            rows.map(function (r) { var _a; return (_a = r.cartId) !== null && _a !== void 0 ? _a : null; }),
                            rows.map(function (r) { return r.channel; }),
                            rows.map(function (r) { var _a, _b; return (_b = (_a = r.expiresAt) === null || _a === void 0 ? void 0 : _a.toISOString()) !== null && _b !== void 0 ? _b : null; }),
                            rows.map(function (r) { return (0, reservation_ids_1.reservationEventId)('reserved', r.rid); }),
                            rows.map(function (r) { return (0, reservation_ids_1.reservationEventId)('released', r.rid); }),
                        ])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** The script reserved them: they now count as open reservations. */
function markOpen(db, rids) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (rids.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, db.query("UPDATE order_reservations SET state = 'open', updated_at = now() WHERE reservation_id = ANY($1) AND state = 'reserving'", [rids])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** The script refused them (or a conversion made them unnecessary): nothing was reserved. */
function dropIntents(db, rids) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (rids.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, db.query("DELETE FROM order_reservations WHERE reservation_id = ANY($1) AND state = 'reserving'", [rids])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Holds that became an order's reservations (no new StockReserved: the hold's one stands). */
function markConverted(db, rids, orderIds) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (rids.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, db.query("UPDATE order_reservations r SET kind = 'order', order_id = t.o, expires_at = NULL, updated_at = now()\n     FROM unnest($1::varchar[], $2::varchar[]) AS t(r, o) WHERE r.reservation_id = t.r", [rids, orderIds])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Released in Redis: unsettled again until the ledger folds the ReservationReleased. */
function markReleased(db, releases) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (releases.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, db.query("UPDATE order_reservations r SET state = 'released', release_reason = t.reason, settled = false, updated_at = now()\n     FROM unnest($1::varchar[], $2::varchar[]) AS t(rid, reason)\n     WHERE r.reservation_id = t.rid AND r.state = 'open'", [releases.map(function (r) { return r.rid; }), releases.map(function (r) { return r.reason; })])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function touch(db, rids) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('UPDATE order_reservations SET updated_at = now() WHERE reservation_id = ANY($1)', [rids])];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function dueHolds(db, now, limit) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("SELECT reservation_id, sku FROM order_reservations\n     WHERE kind = 'hold' AND state = 'open' AND expires_at <= $1 ORDER BY expires_at LIMIT $2", [now.toISOString(), limit])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, rows.map(function (r) { return ({ rid: r.reservation_id, sku: r.sku }); })];
            }
        });
    });
}
function openHoldsOfCart(db, cartId) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("SELECT reservation_id, sku FROM order_reservations WHERE cart_id = $1 AND kind = 'hold' AND state = 'open'", [cartId])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, rows.map(function (r) { return ({ rid: r.reservation_id, sku: r.sku }); })];
            }
        });
    });
}
/**
 * Marks rows whose events the ledger has all folded: they no longer affect the
 * difference between Redis and the ledger. A released row's release can only be
 * folded after its reserve (same sku, same partition), so one lookup suffices.
 */
function settleFolded(db, limit) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("UPDATE order_reservations r SET settled = true\n     WHERE r.reservation_id IN (\n       SELECT u.reservation_id FROM order_reservations u\n       JOIN journal j ON j.event_id = CASE WHEN u.state = 'open' THEN u.reserve_event_id ELSE u.release_event_id END\n       WHERE NOT u.settled AND u.state <> 'reserving' LIMIT $1)\n     RETURNING r.reservation_id", [limit])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, rows.length];
            }
        });
    });
}
