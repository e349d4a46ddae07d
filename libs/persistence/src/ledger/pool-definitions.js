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
exports.loadPools = loadPools;
exports.writePools = writePools;
exports.foldPoolMessages = foldPoolMessages;
exports.applyPoolBatch = applyPoolBatch;
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
var consumer_offsets_1 = require("./consumer-offsets");
/** The `pools` table as a directory (it holds a handful of rows). */
function loadPools(db) {
    return __awaiter(this, void 0, void 0, function () {
        var rows, pools, channelPools, _i, rows_1, row, _a, _b, channel;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, db.query('SELECT pool_id, locations, channels, version FROM pools')];
                case 1:
                    rows = _c.sent();
                    pools = new Map();
                    channelPools = new Map();
                    for (_i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
                        row = rows_1[_i];
                        pools.set(row.pool_id, { poolId: row.pool_id, locations: row.locations, channels: row.channels, version: row.version });
                        for (_a = 0, _b = row.channels; _a < _b.length; _a++) {
                            channel = _b[_a];
                            channelPools.set(channel, row.pool_id);
                        }
                    }
                    return [2 /*return*/, { pools: pools, channelPools: channelPools }];
            }
        });
    });
}
/** Replaces the `pools` table with `directory` (whole: it is tiny and changes rarely). */
function writePools(db, directory) {
    return __awaiter(this, void 0, void 0, function () {
        var pools;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    pools = __spreadArray([], directory.pools.values(), true);
                    return [4 /*yield*/, db.query('DELETE FROM pools')];
                case 1:
                    _a.sent();
                    if (pools.length === 0)
                        return [2 /*return*/];
                    return [4 /*yield*/, db.query("INSERT INTO pools (pool_id, locations, channels, version)\n     SELECT * FROM unnest($1::varchar[], $2::jsonb[], $3::jsonb[], $4::int[])", [pools.map(function (p) { return p.poolId; }), pools.map(function (p) { return JSON.stringify(p.locations); }), pools.map(function (p) { return JSON.stringify(p.channels); }), pools.map(function (p) { return p.version; })])];
                case 2:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Folds pool messages (inventory.pools, in log order) over a directory; foreign writes are skipped. */
function foldPoolMessages(directory, messages) {
    var next = directory;
    for (var _i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
        var message = messages_1[_i];
        var event_1 = (0, contracts_1.decodePoolEvent)(message.value);
        if (!event_1)
            continue;
        var outcome = (0, ledger_core_1.foldPoolEvent)(next, event_1);
        if (outcome.applied)
            next = outcome.directory;
    }
    return next;
}
/**
 * The ledger's projection of inventory.pools, exactly once like the stock
 * projections: lock the stored offset, skip what it covers, fold, write, move
 * the offset, all in the caller's transaction. Returns the directory after.
 */
function applyPoolBatch(tx, key, messages) {
    return __awaiter(this, void 0, void 0, function () {
        var next, fresh, before, after;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, consumer_offsets_1.lockOffset)(tx, key)];
                case 1:
                    next = _a.sent();
                    fresh = messages.filter(function (m) { return BigInt(m.offset) >= next; });
                    return [4 /*yield*/, loadPools(tx)];
                case 2:
                    before = _a.sent();
                    if (fresh.length === 0)
                        return [2 /*return*/, before];
                    after = foldPoolMessages(before, fresh);
                    return [4 /*yield*/, writePools(tx, after)];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, (0, consumer_offsets_1.saveOffset)(tx, key, BigInt(fresh[fresh.length - 1].offset) + 1n)];
                case 4:
                    _a.sent();
                    return [2 /*return*/, after];
            }
        });
    });
}
