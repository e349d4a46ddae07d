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
exports.readProjections = readProjections;
exports.expectedProjections = expectedProjections;
exports.produceEvents = produceEvents;
var ledger_core_1 = require("@stockflow/ledger-core");
var persistence_1 = require("@stockflow/persistence");
function readProjections(db) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, stock, locations, reservations, journal;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, Promise.all([
                        db.query('SELECT sku, on_hand, reserved, version FROM stock_levels ORDER BY sku COLLATE "C"'),
                        db.query("SELECT sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming\n       FROM stock_locations ORDER BY sku COLLATE \"C\", location_id COLLATE \"C\""),
                        db.query('SELECT reservation_id, sku, quantity, open, allocations FROM reservations ORDER BY reservation_id COLLATE "C"'),
                        db.query('SELECT count(*)::int AS n FROM journal'),
                    ])];
                case 1:
                    _a = (_b.sent()).map(rowsOf), stock = _a[0], locations = _a[1], reservations = _a[2], journal = _a[3];
                    return [2 /*return*/, {
                            stock: stock.map(function (r) { return ({ sku: r.sku, onHand: Number(r.on_hand), reserved: Number(r.reserved), version: Number(r.version) }); }),
                            locations: locations.map(function (r) { return (__assign({ sku: r.sku, locationId: r.location_id }, (0, persistence_1.locationFromRow)(r))); }),
                            reservations: reservations.map(function (r) { return ({
                                reservationId: r.reservation_id,
                                sku: r.sku,
                                quantity: r.quantity,
                                open: r.open,
                                allocations: r.allocations,
                            }); }),
                            journalRows: journal[0].n,
                        }];
            }
        });
    });
}
/** A TypeORM DataSource answers rows; a pg Pool answers `{ rows }`. */
function rowsOf(result) {
    return Array.isArray(result) ? result : result.rows;
}
/** What the projections must be: the pure fold of every event, exactly once each. */
function expectedProjections(events) {
    var _a = (0, ledger_core_1.foldEvents)((0, ledger_core_1.emptyLedger)(), events), state = _a.state, entries = _a.entries;
    var stock = __spreadArray([], state.stock.values(), true).sort(function (a, b) { return cmp(a.sku, b.sku); });
    return {
        stock: stock.map(function (s) { return ({ sku: s.sku, onHand: s.onHand, reserved: s.reserved, version: s.version }); }),
        locations: stock.flatMap(function (s) {
            return Object.entries(s.locations)
                .sort(function (_a, _b) {
                var a = _a[0];
                var b = _b[0];
                return cmp(a, b);
            })
                .map(function (_a) {
                var locationId = _a[0], l = _a[1];
                return (__assign({ sku: s.sku, locationId: locationId }, l));
            });
        }),
        reservations: __spreadArray([], state.reservations.values(), true).sort(function (a, b) { return cmp(a.reservationId, b.reservationId); })
            .map(function (r) { return ({ reservationId: r.reservationId, sku: r.sku, quantity: r.quantity, open: r.open, allocations: r.allocations }); }),
        journalRows: entries.length,
    };
}
/** Postgres sorts text by collation; compare in JS the way `ORDER BY ... COLLATE "C"` would. */
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Produces events straight to the log (key = sku) in large batches. */
function produceEvents(kafka_1, topic_1, events_1) {
    return __awaiter(this, arguments, void 0, function (kafka, topic, events, chunk) {
        var producer, i;
        if (chunk === void 0) { chunk = 5000; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
                    return [4 /*yield*/, producer.connect()];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 7, 9]);
                    i = 0;
                    _a.label = 3;
                case 3:
                    if (!(i < events.length)) return [3 /*break*/, 6];
                    return [4 /*yield*/, producer.send({
                            topic: topic,
                            acks: -1,
                            messages: events.slice(i, i + chunk).map(function (e) { return ({ key: e.sku, value: JSON.stringify(e) }); }),
                        })];
                case 4:
                    _a.sent();
                    _a.label = 5;
                case 5:
                    i += chunk;
                    return [3 /*break*/, 3];
                case 6: return [3 /*break*/, 9];
                case 7: return [4 /*yield*/, producer.disconnect()];
                case 8:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 9: return [2 /*return*/];
            }
        });
    });
}
