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
exports.ReplayedLedger = void 0;
var persistence_1 = require("@stockflow/persistence");
/**
 * The ledger a rebuild folds against, kept in memory. Replay is the only writer
 * of its fresh schema, so what it has folded is exactly what it would read back:
 * no batch queries the projections (reading them back cost Postgres as much as
 * writing them), and they are written once, at the end.
 *
 * Started from a snapshot, it begins with the snapshot's projections and asks
 * the restored journal (`history`) about what it has not seen itself: an
 * eventId applied before the snapshot and re-sent after it, a reservation
 * compacted before it. From offset 0 there is nothing earlier to ask.
 *
 * Memory: every SKU, every reservation and every applied eventId, about 100 MB
 * per million events; replay a long log from a snapshot.
 */
var ReplayedLedger = /** @class */ (function () {
    function ReplayedLedger(history) {
        this.history = history;
        this.stock = new Map();
        this.reservations = new Map();
        this.applied = new Set();
    }
    ReplayedLedger.empty = function () {
        return new ReplayedLedger();
    };
    /** Starts from the projections a snapshot restore wrote into `db` (see restoreSnapshot). */
    ReplayedLedger.fromRestoredSnapshot = function (db) {
        return __awaiter(this, void 0, void 0, function () {
            var ledger, skus, reservationIds, restored, _i, _a, _b, sku, state, _c, _d, _e, id, reservation;
            return __generator(this, function (_f) {
                switch (_f.label) {
                    case 0:
                        ledger = new ReplayedLedger(db);
                        return [4 /*yield*/, db.query('SELECT sku FROM stock_levels')];
                    case 1:
                        skus = (_f.sent()).map(function (r) { return r.sku; });
                        return [4 /*yield*/, db.query('SELECT reservation_id FROM reservations')];
                    case 2:
                        reservationIds = (_f.sent()).map(function (r) { return r.reservation_id; });
                        return [4 /*yield*/, (0, persistence_1.loadLedgerSlice)(db, skus, reservationIds, [])];
                    case 3:
                        restored = _f.sent();
                        for (_i = 0, _a = restored.stock; _i < _a.length; _i++) {
                            _b = _a[_i], sku = _b[0], state = _b[1];
                            ledger.stock.set(sku, state);
                        }
                        for (_c = 0, _d = restored.reservations; _c < _d.length; _c++) {
                            _e = _d[_c], id = _e[0], reservation = _e[1];
                            ledger.reservations.set(id, reservation);
                        }
                        return [2 /*return*/, ledger];
                }
            });
        });
    };
    /** What foldEvents needs for a batch with these keys (as loadLedgerSlice answers it from Postgres). */
    ReplayedLedger.prototype.slice = function (keys) {
        return __awaiter(this, void 0, void 0, function () {
            var stock, reservations, applied, earlier, _i, _a, _b, id, reservation, _c, _d, id;
            var _this = this;
            return __generator(this, function (_e) {
                switch (_e.label) {
                    case 0:
                        stock = pick(this.stock, keys.skus);
                        reservations = pick(this.reservations, keys.reservationIds);
                        applied = new Set(keys.eventIds.filter(function (id) { return _this.applied.has(id); }));
                        if (!this.history) return [3 /*break*/, 2];
                        return [4 /*yield*/, (0, persistence_1.loadLedgerSlice)(this.history, [], keys.reservationIds.filter(function (id) { return !reservations.has(id); }), keys.eventIds.filter(function (id) { return !applied.has(id); }))];
                    case 1:
                        earlier = _e.sent();
                        for (_i = 0, _a = earlier.reservations; _i < _a.length; _i++) {
                            _b = _a[_i], id = _b[0], reservation = _b[1];
                            reservations.set(id, reservation);
                        }
                        for (_c = 0, _d = earlier.applied; _c < _d.length; _c++) {
                            id = _d[_c];
                            applied.add(id);
                        }
                        _e.label = 2;
                    case 2: return [2 /*return*/, { stock: stock, reservations: reservations, applied: applied }];
                }
            });
        });
    };
    /** Decodes and folds one chunk of a partition's messages, and takes the result in. */
    ReplayedLedger.prototype.fold = function (messages, partition) {
        return __awaiter(this, void 0, void 0, function () {
            var decoded, folded, _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        decoded = (0, persistence_1.decodeBatch)(messages);
                        _a = persistence_1.foldDecoded;
                        return [4 /*yield*/, this.slice(decoded.keys)];
                    case 1:
                        folded = _a.apply(void 0, [_b.sent(), decoded, partition]);
                        this.remember(folded.result);
                        return [2 /*return*/, folded];
                }
            });
        });
    };
    /** Takes in what a folded batch changed. */
    ReplayedLedger.prototype.remember = function (result) {
        for (var _i = 0, _a = result.changedSkus; _i < _a.length; _i++) {
            var sku = _a[_i];
            this.stock.set(sku, result.state.stock.get(sku));
        }
        for (var _b = 0, _c = result.changedReservations; _b < _c.length; _b++) {
            var id = _c[_b];
            this.reservations.set(id, result.state.reservations.get(id));
        }
        for (var _d = 0, _e = result.entries; _d < _e.length; _d++) {
            var entry = _e[_d];
            this.applied.add(entry.eventId);
        }
    };
    /** Everything folded so far, to write the projections from. */
    ReplayedLedger.prototype.state = function () {
        return { stock: this.stock, reservations: this.reservations, applied: this.applied };
    };
    return ReplayedLedger;
}());
exports.ReplayedLedger = ReplayedLedger;
function pick(from, keys) {
    var picked = new Map();
    for (var _i = 0, keys_1 = keys; _i < keys_1.length; _i++) {
        var key = keys_1[_i];
        var value = from.get(key);
        if (value !== undefined)
            picked.set(key, value);
    }
    return picked;
}
