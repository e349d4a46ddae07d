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
exports.loadLedgerSlice = loadLedgerSlice;
exports.locationFromRow = locationFromRow;
var ledger_core_1 = require("@stockflow/ledger-core");
/**
 * Loads the slice of the projections a batch of events can touch, so the pure
 * fold can run over it. Three indexed lookups per batch, whatever its size.
 */
function loadLedgerSlice(db, skus, reservationIds, eventIds) {
    return __awaiter(this, void 0, void 0, function () {
        var levels, locations, reservations, _a, applied, stock, _i, levels_1, row, _b, locations_1, row, state, reservationMap, _c, reservations_1, row, missing, _d, _e, netted;
        var _f;
        return __generator(this, function (_g) {
            switch (_g.label) {
                case 0: return [4 /*yield*/, db.query('SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = ANY($1)', [skus])];
                case 1:
                    levels = _g.sent();
                    return [4 /*yield*/, db.query("SELECT sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming\n     FROM stock_locations WHERE sku = ANY($1)", [skus])];
                case 2:
                    locations = _g.sent();
                    if (!(reservationIds.length === 0)) return [3 /*break*/, 3];
                    _a = [];
                    return [3 /*break*/, 5];
                case 3: return [4 /*yield*/, db.query("SELECT reservation_id, sku, order_id, quantity, open, kind, allocations\n           FROM reservations WHERE reservation_id = ANY($1)", [reservationIds])];
                case 4:
                    _a = _g.sent();
                    _g.label = 5;
                case 5:
                    reservations = _a;
                    return [4 /*yield*/, db.query('SELECT event_id FROM journal WHERE event_id = ANY($1::uuid[])', [eventIds])];
                case 6:
                    applied = _g.sent();
                    stock = new Map();
                    for (_i = 0, levels_1 = levels; _i < levels_1.length; _i++) {
                        row = levels_1[_i];
                        stock.set(row.sku, {
                            sku: row.sku,
                            onHand: Number(row.on_hand),
                            reserved: Number(row.reserved),
                            version: Number(row.version),
                            locations: {},
                        });
                    }
                    for (_b = 0, locations_1 = locations; _b < locations_1.length; _b++) {
                        row = locations_1[_b];
                        state = stock.get(row.sku);
                        if (state)
                            state.locations[row.location_id] = locationFromRow(row);
                    }
                    reservationMap = new Map();
                    for (_c = 0, reservations_1 = reservations; _c < reservations_1.length; _c++) {
                        row = reservations_1[_c];
                        reservationMap.set(row.reservation_id, {
                            reservationId: row.reservation_id,
                            sku: row.sku,
                            orderId: (_f = row.order_id) !== null && _f !== void 0 ? _f : undefined,
                            kind: row.kind,
                            quantity: row.quantity,
                            open: row.open,
                            allocations: row.allocations,
                        });
                    }
                    missing = reservationIds.filter(function (id) { return !reservationMap.has(id); });
                    _d = 0;
                    return [4 /*yield*/, loadCompactedReservations(db, missing)];
                case 7:
                    _e = _g.sent();
                    _g.label = 8;
                case 8:
                    if (!(_d < _e.length)) return [3 /*break*/, 10];
                    netted = _e[_d];
                    reservationMap.set(netted.reservationId, netted);
                    _g.label = 9;
                case 9:
                    _d++;
                    return [3 /*break*/, 8];
                case 10: return [2 /*return*/, { stock: stock, reservations: reservationMap, applied: new Set(applied.map(function (r) { return r.event_id; })) }];
            }
        });
    });
}
/**
 * Reservations that compaction deleted: the row is gone, their StockReserved
 * entry is still in the journal, and compaction only ever deletes rows whose
 * `open` reached 0. Folding against them as netted (open 0) gives exactly what a
 * replay of the log gives (duplicate_reservation, over_release, over_fulfil),
 * instead of treating the reservationId as never seen.
 */
function loadCompactedReservations(db, reservationIds) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (reservationIds.length === 0)
                        return [2 /*return*/, []];
                    return [4 /*yield*/, db.query("SELECT reservation_id, sku, event->>'orderId' AS order_id, (event->>'quantity')::int AS quantity\n     FROM journal WHERE type = 'StockReserved' AND reservation_id = ANY($1)", [reservationIds])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, rows.map(function (row) {
                            var _a;
                            return ({
                                reservationId: row.reservation_id,
                                sku: row.sku,
                                orderId: (_a = row.order_id) !== null && _a !== void 0 ? _a : undefined,
                                kind: (0, ledger_core_1.reservationKind)(row.reservation_id),
                                quantity: row.quantity,
                                open: 0,
                                allocations: [],
                            });
                        })];
            }
        });
    });
}
/** A stock_locations row (bigints arrive as strings) as the fold's LocationStock. */
function locationFromRow(row) {
    return {
        onHand: Number(row.on_hand),
        committed: Number(row.committed),
        reserved: Number(row.reserved),
        damaged: Number(row.damaged),
        qualityControl: Number(row.quality_control),
        safetyStock: Number(row.safety_stock),
        incoming: row.incoming,
    };
}
