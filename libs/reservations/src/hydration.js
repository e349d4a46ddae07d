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
exports.readSnapshots = readSnapshots;
exports.hydrate = hydrate;
exports.hydrateAll = hydrateAll;
var persistence_1 = require("@stockflow/persistence");
var hydration_plan_1 = require("./hydration-plan");
var reservation_metrics_1 = require("./reservation-metrics");
/**
 * Reads, in one REPEATABLE READ snapshot, the ledger's available/version of each
 * sku and the unsettled reservations the orders service issued for it, with
 * whether the journal already holds their events. Projections and journal move
 * together in the ledger's transactions, so the two always agree.
 */
function readSnapshots(db, skus) {
    return __awaiter(this, void 0, void 0, function () {
        var _this = this;
        return __generator(this, function (_a) {
            return [2 /*return*/, (0, persistence_1.sqlPool)(db).transaction(function (tx) { return __awaiter(_this, void 0, void 0, function () {
                    var _a, levels, rows, snapshots, _i, levels_1, l, _b, rows_1, row;
                    return __generator(this, function (_c) {
                        switch (_c.label) {
                            case 0: return [4 /*yield*/, Promise.all([
                                    tx.query('SELECT sku, on_hand, reserved, version, updated_at FROM stock_levels WHERE sku = ANY($1)', [skus]),
                                    inFlight(tx, skus),
                                ])];
                            case 1:
                                _a = _c.sent(), levels = _a[0], rows = _a[1];
                                snapshots = new Map(skus.map(function (sku) { return [sku, { ledger: { available: 0, version: 0, updatedAt: null }, rows: [] }]; }));
                                for (_i = 0, levels_1 = levels; _i < levels_1.length; _i++) {
                                    l = levels_1[_i];
                                    snapshots.get(l.sku).ledger = {
                                        available: Number(l.on_hand) - Number(l.reserved),
                                        version: Number(l.version),
                                        updatedAt: l.updated_at,
                                    };
                                }
                                for (_b = 0, rows_1 = rows; _b < rows_1.length; _b++) {
                                    row = rows_1[_b];
                                    snapshots.get(row.sku).rows.push(row);
                                }
                                return [2 /*return*/, snapshots];
                        }
                    });
                }); }, 'REPEATABLE READ')];
        });
    });
}
function inFlight(db, skus) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("SELECT r.*,\n            EXISTS (SELECT 1 FROM journal j WHERE j.event_id = r.reserve_event_id) AS reserve_folded,\n            EXISTS (SELECT 1 FROM journal j WHERE j.event_id = r.release_event_id) AS release_folded\n     FROM order_reservations r WHERE r.sku = ANY($1) AND NOT r.settled\n     ORDER BY r.created_at", [skus])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, rows.map(function (r) { return ({
                            rid: r.reservation_id,
                            sku: r.sku,
                            quantity: r.quantity,
                            kind: r.kind,
                            orderId: r.order_id,
                            cartId: r.cart_id,
                            channel: r.channel,
                            state: r.state,
                            releaseReason: r.release_reason,
                            expiresAt: r.expires_at,
                            createdAt: r.created_at,
                            updatedAt: r.updated_at,
                            reserveFolded: r.reserve_folded,
                            releaseFolded: r.release_folded,
                        }); })];
            }
        });
    });
}
/**
 * Rebuilds the counters of the given skus that are missing in Redis. Safe to run
 * concurrently with checkout: a missing counter refuses every reservation of its
 * sku ('missing'), and every reservation the old counter had taken was recorded
 * as an intent before its script ran, so the snapshot taken now includes it.
 * Callers hydrate the counters they need BEFORE recording their own intents.
 * Returns the skus this call wrote.
 */
function hydrate(ctx, skus) {
    return __awaiter(this, void 0, void 0, function () {
        var missing, snapshots, wrote, written;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, ctx.stock.missing(__spreadArray([], new Set(skus), true))];
                case 1:
                    missing = _a.sent();
                    if (missing.length === 0)
                        return [2 /*return*/, []];
                    return [4 /*yield*/, readSnapshots(ctx.db, missing)];
                case 2:
                    snapshots = _a.sent();
                    return [4 /*yield*/, Promise.all(missing.map(function (sku) { return __awaiter(_this, void 0, void 0, function () {
                            var snapshot;
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0:
                                        snapshot = snapshots.get(sku);
                                        return [4 /*yield*/, ctx.stock.seed(sku, (0, hydration_plan_1.planHydration)(snapshot.ledger, snapshot.rows))];
                                    case 1: return [2 /*return*/, (_a.sent()) ? sku : undefined];
                                }
                            });
                        }); }))];
                case 3:
                    wrote = _a.sent();
                    written = wrote.filter(function (sku) { return sku !== undefined; });
                    reservation_metrics_1.reservationMetrics.hydrated.inc(written.length);
                    return [2 /*return*/, written];
            }
        });
    });
}
/** Startup: every sku the ledger knows or that has reservations in flight, in pages. */
function hydrateAll(ctx_1) {
    return __awaiter(this, arguments, void 0, function (ctx, pageSize) {
        var written, after, rows, skus, _a;
        if (pageSize === void 0) { pageSize = 500; }
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    written = 0;
                    after = '';
                    _b.label = 1;
                case 1: return [4 /*yield*/, (0, persistence_1.sqlPool)(ctx.db).query("SELECT sku FROM (SELECT sku FROM stock_levels UNION SELECT sku FROM order_reservations WHERE NOT settled) s\n       WHERE sku > $1 ORDER BY sku LIMIT $2", [after, pageSize])];
                case 2:
                    rows = _b.sent();
                    if (rows.length === 0)
                        return [2 /*return*/, written];
                    skus = rows.map(function (r) { return r.sku; });
                    _a = written;
                    return [4 /*yield*/, hydrate(ctx, skus)];
                case 3:
                    written = _a + (_b.sent()).length;
                    after = skus[skus.length - 1];
                    _b.label = 4;
                case 4: return [3 /*break*/, 1];
                case 5: return [2 /*return*/];
            }
        });
    });
}
