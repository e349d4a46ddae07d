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
exports.diffProjections = diffProjections;
var persistence_1 = require("@stockflow/persistence");
/**
 * Compares a rebuilt schema with live as of `reference`: stock levels, locations,
 * open reservations (netted ones are compacted out of live, so only open ones
 * are comparable) and the journal up to the reference offsets. Runs as SQL in
 * the database (both schemas live there), so a million rows never cross the wire.
 */
function diffProjections(db, options) {
    return __awaiter(this, void 0, void 0, function () {
        var live, rebuilt, partitions, offsets, tables, diffs, _i, tables_1, spec, rows;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    live = (0, persistence_1.quoteSchema)(options.liveSchema);
                    rebuilt = (0, persistence_1.quoteSchema)(options.rebuiltSchema);
                    partitions = __spreadArray([], options.reference.offsets.keys(), true);
                    offsets = partitions.map(function (p) { return options.reference.offsets.get(p).toString(); });
                    tables = [
                        {
                            table: 'stock_levels',
                            live: "SELECT sku AS key, on_hand, reserved, version FROM ".concat(live, ".snapshot_stock_levels WHERE snapshot_id = $1"),
                            rebuilt: "SELECT sku AS key, on_hand, reserved, version FROM ".concat(rebuilt, ".stock_levels"),
                            params: [options.reference.id],
                        },
                        {
                            table: 'stock_locations',
                            live: "SELECT sku || ' @ ' || location_id AS key, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming\n             FROM ".concat(live, ".snapshot_stock_locations WHERE snapshot_id = $1"),
                            rebuilt: "SELECT sku || ' @ ' || location_id AS key, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming FROM ".concat(rebuilt, ".stock_locations"),
                            params: [options.reference.id],
                        },
                        {
                            table: 'reservations (open)',
                            live: "SELECT reservation_id AS key, sku, order_id, quantity, open, kind, allocations\n             FROM ".concat(live, ".snapshot_reservations WHERE snapshot_id = $1"),
                            rebuilt: "SELECT reservation_id AS key, sku, order_id, quantity, open, kind, allocations\n                FROM ".concat(rebuilt, ".reservations WHERE open > 0"),
                            params: [options.reference.id],
                        },
                        {
                            // Pool definitions change rarely and carry no offsets: live's table as it is now.
                            table: 'pools',
                            live: "SELECT pool_id AS key, locations, channels, version FROM ".concat(live, ".pools WHERE $1::bigint IS NOT NULL"),
                            rebuilt: "SELECT pool_id AS key, locations, channels, version FROM ".concat(rebuilt, ".pools"),
                            params: [options.reference.id],
                        },
                        {
                            table: 'journal',
                            live: "SELECT ".concat(JOURNAL_COLUMNS, " FROM ").concat(live, ".journal j\n             JOIN unnest($1::int[], $2::bigint[]) AS o(partition, next_offset)\n               ON j.kafka_partition = o.partition AND j.kafka_offset < o.next_offset"),
                            rebuilt: "SELECT ".concat(JOURNAL_COLUMNS, " FROM ").concat(rebuilt, ".journal j"),
                            params: [partitions, offsets],
                        },
                    ];
                    diffs = [];
                    _i = 0, tables_1 = tables;
                    _b.label = 1;
                case 1:
                    if (!(_i < tables_1.length)) return [3 /*break*/, 4];
                    spec = tables_1[_i];
                    return [4 /*yield*/, db.query("WITH live AS (".concat(spec.live, "), rebuilt AS (").concat(spec.rebuilt, ")\n       SELECT coalesce(l.key, r.key)::text AS key, to_jsonb(l) - 'key' AS live, to_jsonb(r) - 'key' AS rebuilt,\n              count(*) OVER () AS total\n       FROM live l FULL JOIN rebuilt r ON l.key = r.key\n       WHERE l IS DISTINCT FROM r\n       ORDER BY 1 LIMIT ").concat(Math.max(1, Math.floor((_a = options.limit) !== null && _a !== void 0 ? _a : 20))), spec.params)];
                case 2:
                    rows = _b.sent();
                    diffs.push({
                        table: spec.table,
                        count: rows.length === 0 ? 0 : Number(rows[0].total),
                        rows: rows.map(function (r) { return ({
                            key: r.key,
                            live: r.live,
                            rebuilt: r.rebuilt,
                        }); }),
                    });
                    _b.label = 3;
                case 3:
                    _i++;
                    return [3 /*break*/, 1];
                case 4: return [2 /*return*/, diffs];
            }
        });
    });
}
/**
 * Everything the ledger derives per event; not recorded_at (wall clock of the
 * write). `event` is stored as json (no equality operator): compared as jsonb.
 */
var JOURNAL_COLUMNS = "j.event_id AS key, j.sku, j.version, j.type, j.channel, j.occurred_at, j.on_hand_delta,\n  j.reserved_delta, j.location_deltas, j.reservation_id, j.went_negative, j.event::jsonb AS event, j.kafka_partition, j.kafka_offset,\n  j.available_delta, j.state_deltas, j.allocations, j.reference_document_uri";
