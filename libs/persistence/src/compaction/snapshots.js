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
exports.captureSnapshot = captureSnapshot;
exports.latestSnapshot = latestSnapshot;
exports.findSnapshot = findSnapshot;
exports.currentOffsets = currentOffsets;
exports.pruneSnapshots = pruneSnapshots;
exports.restoreSnapshot = restoreSnapshot;
var schema_name_1 = require("../schema-name");
/**
 * Copies the projections and the offsets they reflect into a new snapshot.
 * `session` must be ONE connection (a QueryRunner or a pg client): the copy runs
 * in a REPEATABLE READ transaction, so every table and consumer_offsets are read
 * at the same instant, while the ledger keeps committing (MVCC readers never
 * block writers). The ledger moves projections and offsets in one transaction,
 * so that instant is always a batch boundary.
 */
function captureSnapshot(session, key) {
    return __awaiter(this, void 0, void 0, function () {
        var row, error_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, session.query('BEGIN ISOLATION LEVEL REPEATABLE READ')];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, 8, , 10]);
                    return [4 /*yield*/, session.query("INSERT INTO snapshots (group_id, topic, offsets)\n       SELECT $1::varchar, $2::varchar, COALESCE(jsonb_object_agg(partition::text, next_offset), '{}')\n       FROM consumer_offsets WHERE group_id = $1 AND topic = $2\n       RETURNING id, taken_at, offsets, 0 AS age_seconds", [key.groupId, key.topic])];
                case 3:
                    row = (_a.sent())[0];
                    return [4 /*yield*/, session.query("INSERT INTO snapshot_stock_levels (snapshot_id, sku, on_hand, reserved, version)\n       SELECT $1, sku, on_hand, reserved, version FROM stock_levels", [row.id])];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, session.query("INSERT INTO snapshot_stock_locations (snapshot_id, sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming)\n       SELECT $1, sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming FROM stock_locations", [row.id])];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, session.query("INSERT INTO snapshot_reservations (snapshot_id, reservation_id, sku, order_id, quantity, open, kind, allocations)\n       SELECT $1, reservation_id, sku, order_id, quantity, open, kind, allocations FROM reservations WHERE open > 0", [row.id])];
                case 6:
                    _a.sent();
                    return [4 /*yield*/, session.query('COMMIT')];
                case 7:
                    _a.sent();
                    return [2 /*return*/, toSnapshot(row)];
                case 8:
                    error_1 = _a.sent();
                    return [4 /*yield*/, session.query('ROLLBACK')];
                case 9:
                    _a.sent();
                    throw error_1;
                case 10: return [2 /*return*/];
            }
        });
    });
}
/** The newest snapshot of `key` (optionally: taken before snapshot `beforeId`). */
function latestSnapshot(db, key, beforeId) {
    return __awaiter(this, void 0, void 0, function () {
        var row;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("SELECT id, taken_at, offsets, extract(epoch FROM now() - taken_at)::float8 AS age_seconds FROM snapshots\n     WHERE group_id = $1 AND topic = $2 AND id < $3 ORDER BY id DESC LIMIT 1", [key.groupId, key.topic, beforeId !== null && beforeId !== void 0 ? beforeId : Number.MAX_SAFE_INTEGER])];
                case 1:
                    row = (_a.sent())[0];
                    return [2 /*return*/, row ? toSnapshot(row) : undefined];
            }
        });
    });
}
function findSnapshot(db, id) {
    return __awaiter(this, void 0, void 0, function () {
        var row;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('SELECT id, taken_at, offsets, extract(epoch FROM now() - taken_at)::float8 AS age_seconds FROM snapshots WHERE id = $1', [id])];
                case 1:
                    row = (_a.sent())[0];
                    return [2 /*return*/, row ? toSnapshot(row) : undefined];
            }
        });
    });
}
/** Current offsets of the ledger, the same shape a snapshot records. */
function currentOffsets(db, key) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [
                        key.groupId,
                        key.topic,
                    ])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, new Map(rows.map(function (r) { return [r.partition, BigInt(r.next_offset)]; }))];
            }
        });
    });
}
/** Keeps the newest `keep` snapshots of `key`; their rows go with them (ON DELETE CASCADE). */
function pruneSnapshots(db, key, keep) {
    return __awaiter(this, void 0, void 0, function () {
        var pruned;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("WITH gone AS (\n       DELETE FROM snapshots WHERE group_id = $1 AND topic = $2 AND id NOT IN (\n         SELECT id FROM snapshots WHERE group_id = $1 AND topic = $2 ORDER BY id DESC LIMIT $3)\n       RETURNING 1\n     )\n     SELECT count(*)::int AS pruned FROM gone", [key.groupId, key.topic, keep])];
                case 1:
                    pruned = (_a.sent())[0].pruned;
                    return [2 /*return*/, pruned];
            }
        });
    });
}
/**
 * Loads snapshot `id` of schema `source` as the starting state of the (freshly
 * migrated, empty) schema `target`: projections, consumer offsets, and the
 * journal up to the snapshot's offsets. The journal is append-only history that
 * the ledger deduplicates eventIds against, so a rebuild that starts from a
 * snapshot needs that prefix to treat a late re-sent event as the duplicate it is.
 */
function restoreSnapshot(db, source, target, snapshot, key) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, from, to, partitions;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    _a = [(0, schema_name_1.quoteSchema)(source), (0, schema_name_1.quoteSchema)(target)], from = _a[0], to = _a[1];
                    return [4 /*yield*/, db.query("INSERT INTO ".concat(to, ".stock_levels (sku, on_hand, reserved, version)\n     SELECT sku, on_hand, reserved, version FROM ").concat(from, ".snapshot_stock_levels WHERE snapshot_id = $1"), [snapshot.id])];
                case 1:
                    _b.sent();
                    return [4 /*yield*/, db.query("INSERT INTO ".concat(to, ".stock_locations (sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming)\n     SELECT sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming FROM ").concat(from, ".snapshot_stock_locations WHERE snapshot_id = $1"), [snapshot.id])];
                case 2:
                    _b.sent();
                    return [4 /*yield*/, db.query("INSERT INTO ".concat(to, ".reservations (reservation_id, sku, order_id, quantity, open, kind, allocations)\n     SELECT reservation_id, sku, order_id, quantity, open, kind, allocations FROM ").concat(from, ".snapshot_reservations WHERE snapshot_id = $1"), [snapshot.id])];
                case 3:
                    _b.sent();
                    partitions = __spreadArray([], snapshot.offsets.keys(), true);
                    return [4 /*yield*/, db.query("INSERT INTO ".concat(to, ".consumer_offsets (group_id, topic, partition, next_offset)\n     SELECT $1, $2, * FROM unnest($3::int[], $4::bigint[])"), [key.groupId, key.topic, partitions, partitions.map(function (p) { return snapshot.offsets.get(p).toString(); })])];
                case 4:
                    _b.sent();
                    return [4 /*yield*/, db.query("INSERT INTO ".concat(to, ".journal SELECT j.* FROM ").concat(from, ".journal j\n     JOIN unnest($1::int[], $2::bigint[]) AS o(partition, next_offset)\n       ON j.kafka_partition = o.partition AND j.kafka_offset < o.next_offset"), [partitions, partitions.map(function (p) { return snapshot.offsets.get(p).toString(); })])];
                case 5:
                    _b.sent();
                    return [2 /*return*/];
            }
        });
    });
}
function toSnapshot(row) {
    return {
        id: Number(row.id),
        takenAt: new Date(row.taken_at),
        ageSeconds: Number(row.age_seconds),
        offsets: new Map(Object.entries(row.offsets).map(function (_a) {
            var p = _a[0], o = _a[1];
            return [Number(p), BigInt(o)];
        })),
    };
}
