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
exports.writeBatch = writeBatch;
exports.writeProjections = writeProjections;
exports.writeJournal = writeJournal;
var copy_text_1 = require("../copy-text");
/**
 * Writes what one folded batch changed: SKU rows, location rows, reservations and
 * journal entries, each as one set-based statement whatever the batch size. Call
 * it inside the transaction that also moves the consumer offset.
 */
function writeBatch(db, result, sources) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (result.entries.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, writeProjections(db, result.state, result.changedSkus, result.changedReservations)];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, writeJournal(db, result.entries, sources)];
                case 2:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Upserts the given SKUs (with their locations) and reservations of `state` (unnest). */
function writeProjections(db, state, skus, reservationIds) {
    return __awaiter(this, void 0, void 0, function () {
        var states, locations, reservations;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    states = skus.map(function (sku) { return state.stock.get(sku); });
                    return [4 /*yield*/, db.query("INSERT INTO stock_levels (sku, on_hand, reserved, version, updated_at)\n     SELECT *, now() FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::bigint[])\n     ON CONFLICT (sku) DO UPDATE\n       SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,\n           version = EXCLUDED.version, updated_at = EXCLUDED.updated_at", [states.map(function (s) { return s.sku; }), states.map(function (s) { return s.onHand; }), states.map(function (s) { return s.reserved; }), states.map(function (s) { return s.version; })])];
                case 1:
                    _a.sent();
                    locations = states.flatMap(function (s) { return Object.entries(s.locations).map(function (_a) {
                        var locationId = _a[0], l = _a[1];
                        return ({ sku: s.sku, locationId: locationId, l: l });
                    }); });
                    if (!(locations.length > 0)) return [3 /*break*/, 3];
                    return [4 /*yield*/, db.query("INSERT INTO stock_locations (sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming)\n       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],\n                            $7::bigint[], $8::bigint[], $9::jsonb[])\n       ON CONFLICT (sku, location_id) DO UPDATE\n         SET on_hand = EXCLUDED.on_hand, committed = EXCLUDED.committed, reserved = EXCLUDED.reserved,\n             damaged = EXCLUDED.damaged, quality_control = EXCLUDED.quality_control,\n             safety_stock = EXCLUDED.safety_stock, incoming = EXCLUDED.incoming", [
                            locations.map(function (r) { return r.sku; }),
                            locations.map(function (r) { return r.locationId; }),
                            locations.map(function (r) { return r.l.onHand; }),
                            locations.map(function (r) { return r.l.committed; }),
                            locations.map(function (r) { return r.l.reserved; }),
                            locations.map(function (r) { return r.l.damaged; }),
                            locations.map(function (r) { return r.l.qualityControl; }),
                            locations.map(function (r) { return r.l.safetyStock; }),
                            locations.map(function (r) { return JSON.stringify(r.l.incoming); }),
                        ])];
                case 2:
                    _a.sent();
                    _a.label = 3;
                case 3:
                    reservations = reservationIds.map(function (id) { return state.reservations.get(id); });
                    if (!(reservations.length > 0)) return [3 /*break*/, 5];
                    return [4 /*yield*/, db.query("INSERT INTO reservations (reservation_id, sku, order_id, quantity, open, kind, allocations, updated_at)\n       SELECT *, now() FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::int[], $6::varchar[], $7::jsonb[])\n       ON CONFLICT (reservation_id) DO UPDATE\n         SET open = EXCLUDED.open, allocations = EXCLUDED.allocations, updated_at = EXCLUDED.updated_at", [
                            reservations.map(function (r) { return r.reservationId; }),
                            reservations.map(function (r) { return r.sku; }),
                            reservations.map(function (r) { var _a; return (_a = r.orderId) !== null && _a !== void 0 ? _a : null; }),
                            reservations.map(function (r) { return r.quantity; }),
                            reservations.map(function (r) { return r.open; }),
                            reservations.map(function (r) { return r.kind; }),
                            reservations.map(function (r) { return JSON.stringify(r.allocations); }),
                        ])];
                case 4:
                    _a.sent();
                    _a.label = 5;
                case 5: return [2 /*return*/];
            }
        });
    });
}
/** Appends journal entries (COPY), each with the event and log position in `sources`. */
function writeJournal(db, entries, sources) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (entries.length === 0)
                        return [2 /*return*/];
                    rows = entries.map(function (entry) {
                        var _a, _b, _c;
                        var source = sources.get(entry.eventId);
                        return [
                            entry.eventId,
                            entry.sku,
                            entry.version,
                            entry.type,
                            entry.channel,
                            entry.occurredAt,
                            entry.onHandDelta,
                            entry.reservedDelta,
                            entry.locationDeltas,
                            (_a = entry.reservationId) !== null && _a !== void 0 ? _a : null,
                            entry.wentNegative,
                            source.event,
                            source.position.partition,
                            source.position.offset,
                            entry.availableDelta,
                            entry.stateDeltas,
                            (_b = entry.allocations) !== null && _b !== void 0 ? _b : null,
                            (_c = entry.referenceDocumentUri) !== null && _c !== void 0 ? _c : null,
                        ];
                    });
                    return [4 /*yield*/, db.copyFrom("COPY journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,\n                   location_deltas, reservation_id, went_negative, event, kafka_partition, kafka_offset,\n                   available_delta, state_deltas, allocations, reference_document_uri) FROM STDIN", (0, copy_text_1.copyText)(rows))];
                case 1:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
