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
exports.lockOffset = lockOffset;
exports.saveOffset = saveOffset;
exports.readStoredOffsets = readStoredOffsets;
/**
 * Locks a partition's stored offset for the rest of the transaction and returns
 * it. The row lock fences a zombie consumer that still believes it owns the
 * partition after a rebalance: it waits, then sees the advanced offset and skips.
 */
function lockOffset(db, key) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query("INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)\n     ON CONFLICT DO NOTHING", [key.groupId, key.topic, key.partition])];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, db.query('SELECT next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE', [key.groupId, key.topic, key.partition])];
                case 2:
                    rows = _a.sent();
                    return [2 /*return*/, BigInt(rows[0].next_offset)];
            }
        });
    });
}
/**
 * Moves the offset. With a binding, the row also records which log it counts
 * in; without one (replay, benchmarks) the row keeps no binding, so a stale
 * one can never vouch for an offset it did not come with.
 */
function saveOffset(db, key, nextOffset, binding) {
    return __awaiter(this, void 0, void 0, function () {
        var _a, _b;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, db.query("UPDATE consumer_offsets SET next_offset = $4, cluster_id = $5, anchor = $6, updated_at = now()\n     WHERE group_id = $1 AND topic = $2 AND partition = $3", [key.groupId, key.topic, key.partition, nextOffset.toString(), (_a = binding === null || binding === void 0 ? void 0 : binding.clusterId) !== null && _a !== void 0 ? _a : null, (_b = binding === null || binding === void 0 ? void 0 : binding.anchor) !== null && _b !== void 0 ? _b : null])];
                case 1:
                    _c.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Stored offsets of a group on a topic with what binds them to their log. */
function readStoredOffsets(db, groupId, topic) {
    return __awaiter(this, void 0, void 0, function () {
        var rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('SELECT partition, next_offset, cluster_id, anchor FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [groupId, topic])];
                case 1:
                    rows = _a.sent();
                    return [2 /*return*/, new Map(rows.map(function (r) { return [
                            r.partition,
                            { partition: r.partition, nextOffset: BigInt(r.next_offset), clusterId: r.cluster_id, anchor: r.anchor },
                        ]; }))];
            }
        });
    });
}
