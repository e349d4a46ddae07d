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
Object.defineProperty(exports, "__esModule", { value: true });
exports.foldPartitionBatch = foldPartitionBatch;
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
var batch_fold_1 = require("./batch-fold");
var consumer_offsets_1 = require("./consumer-offsets");
var projection_reader_1 = require("./projection-reader");
var projection_writer_1 = require("./projection-writer");
/**
 * The ledger's write step for one partition batch: lock the stored offset, skip
 * what it already covers, decode, fold with the pure core over the slice of the
 * projections the batch touches, write projections + journal, move the offset.
 * Run it inside the transaction that must make all of it durable at once;
 * publishing dead letters and stock levels is the caller's business.
 */
function foldPartitionBatch(tx_1, key_1, messages_1) {
    return __awaiter(this, arguments, void 0, function (tx, key, messages, options) {
        var next, fresh, skipped, nothing, handedOff, handed, folded, last, binding, decoded, _a, skus, reservationIds, eventIds, before, _b, result, rejected, sources;
        if (options === void 0) { options = {}; }
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, (0, consumer_offsets_1.lockOffset)(tx, key)];
                case 1:
                    next = _c.sent();
                    fresh = messages.filter(function (m) { return BigInt(m.offset) >= next; });
                    skipped = messages.length - fresh.length;
                    nothing = { before: (0, ledger_core_1.emptyLedger)(), result: (0, ledger_core_1.foldEvents)((0, ledger_core_1.emptyLedger)(), []), events: [], rejected: [], skipped: skipped, sources: new Map() };
                    if (fresh.length === 0)
                        return [2 /*return*/, __assign(__assign({}, nothing), { handedOff: [] })];
                    handedOff = options.handOff ? fresh.filter(options.handOff) : [];
                    handed = new Set(handedOff);
                    folded = handed.size > 0 ? fresh.filter(function (m) { return !handed.has(m); }) : fresh;
                    last = fresh[fresh.length - 1];
                    binding = options.clusterId === undefined ? undefined : { clusterId: options.clusterId, anchor: (0, contracts_1.recordFingerprint)(last) };
                    if (!(folded.length === 0)) return [3 /*break*/, 3];
                    return [4 /*yield*/, (0, consumer_offsets_1.saveOffset)(tx, key, BigInt(last.offset) + 1n, binding)];
                case 2:
                    _c.sent();
                    return [2 /*return*/, __assign(__assign({}, nothing), { handedOff: handedOff })];
                case 3:
                    decoded = (0, batch_fold_1.decodeBatch)(folded);
                    _a = decoded.keys, skus = _a.skus, reservationIds = _a.reservationIds, eventIds = _a.eventIds;
                    return [4 /*yield*/, (0, projection_reader_1.loadLedgerSlice)(tx, skus, reservationIds, eventIds)];
                case 4:
                    before = _c.sent();
                    _b = (0, batch_fold_1.foldDecoded)(before, decoded, key.partition), result = _b.result, rejected = _b.rejected, sources = _b.sources;
                    return [4 /*yield*/, (0, projection_writer_1.writeBatch)(tx, result, sources)];
                case 5:
                    _c.sent();
                    return [4 /*yield*/, (0, consumer_offsets_1.saveOffset)(tx, key, BigInt(last.offset) + 1n, binding)];
                case 6:
                    _c.sent();
                    return [2 /*return*/, { before: before, result: result, events: decoded.events, rejected: rejected, skipped: skipped, handedOff: handedOff, sources: sources }];
            }
        });
    });
}
