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
exports.findStockState = findStockState;
exports.findStock = findStock;
exports.findJournal = findJournal;
exports.findJournalByReference = findJournalByReference;
exports.splitCursor = splitCursor;
exports.isReferenceCursor = isReferenceCursor;
var ledger_core_1 = require("@stockflow/ledger-core");
var projection_reader_1 = require("./projection-reader");
/** One SKU's state as the fold keeps it, or undefined for an unknown SKU. */
function findStockState(db, sku) {
    return __awaiter(this, void 0, void 0, function () {
        var level, rows, locations, _i, rows_1, row;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = $1', [sku])];
                case 1:
                    level = (_a.sent())[0];
                    if (!level)
                        return [2 /*return*/, undefined];
                    return [4 /*yield*/, db.query("SELECT location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming\n     FROM stock_locations WHERE sku = $1", [sku])];
                case 2:
                    rows = _a.sent();
                    locations = {};
                    for (_i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
                        row = rows_1[_i];
                        locations[row.location_id] = (0, projection_reader_1.locationFromRow)(row);
                    }
                    return [2 /*return*/, { sku: level.sku, locations: locations, onHand: Number(level.on_hand), reserved: Number(level.reserved), version: Number(level.version) }];
            }
        });
    });
}
function findStock(db, sku) {
    return __awaiter(this, void 0, void 0, function () {
        var state;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, findStockState(db, sku)];
                case 1:
                    state = _a.sent();
                    return [2 /*return*/, state && (0, ledger_core_1.stockSnapshot)(state)];
            }
        });
    });
}
var JOURNAL_COLUMNS = "event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta, available_delta,\n  location_deltas, state_deltas, reservation_id, allocations, reference_document_uri, went_negative, recorded_at";
/** Newest first, keyset-paginated on version (stable while new events arrive). */
function findJournal(db, sku, limit, before) {
    return __awaiter(this, void 0, void 0, function () {
        var rows, page;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("SELECT ".concat(JOURNAL_COLUMNS, " FROM journal WHERE sku = $1 AND version < $2 ORDER BY version DESC LIMIT $3"), [sku, before !== null && before !== void 0 ? before : Number.MAX_SAFE_INTEGER, limit + 1])];
                case 1:
                    rows = _a.sent();
                    page = rows.slice(0, limit);
                    return [2 /*return*/, {
                            sku: sku,
                            entries: page.map(journalView),
                            nextBefore: rows.length > limit ? Number(page[page.length - 1].version) : null,
                        }];
            }
        });
    });
}
/**
 * One document's entries across SKUs and locations, newest recorded first.
 * The cursor is `<recordedAt>|<eventId>`: recorded_at alone is not unique
 * (one batch records many entries in the same instant).
 */
function findJournalByReference(db, reference, limit, before) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, at, id, rows, page, last;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    _a = before ? splitCursor(before) : [null, null], at = _a[0], id = _a[1];
                    return [4 /*yield*/, db.query("SELECT ".concat(JOURNAL_COLUMNS, " FROM journal\n     WHERE reference_document_uri = $1 AND ($2::timestamptz IS NULL OR (recorded_at, event_id) < ($2::timestamptz, $3::uuid))\n     ORDER BY recorded_at DESC, event_id DESC LIMIT $4"), [reference, at, id, limit + 1])];
                case 1:
                    rows = _b.sent();
                    page = rows.slice(0, limit);
                    last = page[page.length - 1];
                    return [2 /*return*/, {
                            referenceDocumentUri: reference,
                            entries: page.map(journalView),
                            nextBefore: rows.length > limit ? "".concat(new Date(last.recorded_at).toISOString(), "|").concat(last.event_id) : null,
                        }];
            }
        });
    });
}
/** The two parts of a findJournalByReference cursor (check it with isReferenceCursor first). */
function splitCursor(cursor) {
    var _a = cursor.split('|'), at = _a[0], id = _a[1];
    return [at, id];
}
function isReferenceCursor(cursor) {
    var _a = cursor.split('|'), at = _a[0], id = _a[1];
    return !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id !== null && id !== void 0 ? id : '');
}
function journalView(r) {
    return {
        eventId: r.event_id,
        sku: r.sku,
        version: Number(r.version),
        type: r.type,
        channel: r.channel,
        occurredAt: new Date(r.occurred_at).toISOString(),
        onHandDelta: Number(r.on_hand_delta),
        reservedDelta: Number(r.reserved_delta),
        availableDelta: r.available_delta === null ? null : Number(r.available_delta),
        locationDeltas: r.location_deltas,
        stateDeltas: r.state_deltas,
        reservationId: r.reservation_id,
        allocations: r.allocations,
        referenceDocumentUri: r.reference_document_uri,
        wentNegative: r.went_negative,
        recordedAt: new Date(r.recorded_at).toISOString(),
    };
}
