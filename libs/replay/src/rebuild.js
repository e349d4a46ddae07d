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
exports.REPLAY_CHUNK = void 0;
exports.rebuildFromLog = rebuildFromLog;
var persistence_1 = require("@stockflow/persistence");
var ledger_core_1 = require("@stockflow/ledger-core");
var journal_pipeline_1 = require("./journal-pipeline");
var log_reader_1 = require("./log-reader");
var replayed_ledger_1 = require("./replayed-ledger");
/**
 * Events decoded and folded at a time: small enough that Postgres starts writing
 * a fetched batch (~30,000 events) long before Node has folded all of it.
 */
exports.REPLAY_CHUNK = 5000;
/**
 * Rebuilds every ledger projection from the log into a fresh schema with the
 * live ledger's rules: the same decode and pure fold (ReplayedLedger.fold) and
 * the same writers, chunk by chunk for the journal. The state
 * it folds against stays in memory (ReplayedLedger) and the projections are
 * written once, at the end: they are never read back, so a fault in how live
 * reads them shows up in the diff instead of being repeated here.
 */
function rebuildFromLog(options) {
    return __awaiter(this, void 0, void 0, function () {
        var db, sql, stats, started, start_1, ledger_1, _a, journal_1, ranges_1, _i, _b, _c, partition, to, pools_1;
        var _this = this;
        var _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0: return [4 /*yield*/, assertFreshSchema(options.databaseUrl, options.schema)];
                case 1:
                    _e.sent();
                    return [4 /*yield*/, (0, persistence_1.runMigrations)({ url: options.databaseUrl, schema: options.schema })];
                case 2:
                    _e.sent();
                    return [4 /*yield*/, (0, persistence_1.connectDatabase)({
                            url: options.databaseUrl,
                            schema: options.schema,
                            poolSize: options.concurrency,
                            applicationName: 'stockflow-replay',
                        })];
                case 3:
                    db = _e.sent();
                    sql = (0, persistence_1.sqlPool)(db);
                    stats = { events: 0, applied: 0, duplicates: 0, rejected: 0, seconds: 0 };
                    started = process.hrtime.bigint();
                    _e.label = 4;
                case 4:
                    _e.trys.push([4, , 14, 16]);
                    start_1 = options.fromSnapshot;
                    if (!start_1) return [3 /*break*/, 6];
                    return [4 /*yield*/, sql.transaction(function (tx) { return (0, persistence_1.restoreSnapshot)(tx, options.liveSchema, options.schema, start_1, options.key); })];
                case 5:
                    _e.sent();
                    _e.label = 6;
                case 6:
                    if (!start_1) return [3 /*break*/, 8];
                    return [4 /*yield*/, replayed_ledger_1.ReplayedLedger.fromRestoredSnapshot(sql)];
                case 7:
                    _a = _e.sent();
                    return [3 /*break*/, 9];
                case 8:
                    _a = replayed_ledger_1.ReplayedLedger.empty();
                    _e.label = 9;
                case 9:
                    ledger_1 = _a;
                    journal_1 = new journal_pipeline_1.JournalPipeline(sql, options.concurrency);
                    ranges_1 = new Map();
                    for (_i = 0, _b = options.until; _i < _b.length; _i++) {
                        _c = _b[_i], partition = _c[0], to = _c[1];
                        ranges_1.set(partition, { from: (_d = start_1 === null || start_1 === void 0 ? void 0 : start_1.offsets.get(partition)) !== null && _d !== void 0 ? _d : 0n, to: to });
                    }
                    return [4 /*yield*/, (0, log_reader_1.readLogRanges)({
                            kafka: options.kafka,
                            topic: options.key.topic,
                            ranges: ranges_1,
                            concurrency: options.concurrency,
                            onBatch: function (partition, messages) { return __awaiter(_this, void 0, void 0, function () {
                                var i, chunk, _a, result, rejected, sources;
                                return __generator(this, function (_b) {
                                    switch (_b.label) {
                                        case 0:
                                            i = 0;
                                            _b.label = 1;
                                        case 1:
                                            if (!(i < messages.length)) return [3 /*break*/, 5];
                                            chunk = messages.slice(i, i + exports.REPLAY_CHUNK);
                                            return [4 /*yield*/, ledger_1.fold(chunk, partition)];
                                        case 2:
                                            _a = _b.sent(), result = _a.result, rejected = _a.rejected, sources = _a.sources;
                                            return [4 /*yield*/, journal_1.write(result.entries, sources)];
                                        case 3:
                                            _b.sent();
                                            stats.events += chunk.length;
                                            stats.applied += result.entries.length;
                                            stats.duplicates += result.duplicates.length;
                                            stats.rejected += rejected.length;
                                            _b.label = 4;
                                        case 4:
                                            i += exports.REPLAY_CHUNK;
                                            return [3 /*break*/, 1];
                                        case 5: return [2 /*return*/];
                                    }
                                });
                            }); },
                        })];
                case 10:
                    _e.sent();
                    return [4 /*yield*/, journal_1.drain()];
                case 11:
                    _e.sent();
                    return [4 /*yield*/, foldPoolLog(options.kafka, options.poolsTopic)];
                case 12:
                    pools_1 = _e.sent();
                    return [4 /*yield*/, sql.transaction(function (tx) { return __awaiter(_this, void 0, void 0, function () {
                            var folded, _i, ranges_2, _a, partition, range, key;
                            return __generator(this, function (_b) {
                                switch (_b.label) {
                                    case 0:
                                        folded = ledger_1.state();
                                        return [4 /*yield*/, (0, persistence_1.writeProjections)(tx, folded, __spreadArray([], folded.stock.keys(), true), __spreadArray([], folded.reservations.keys(), true))];
                                    case 1:
                                        _b.sent();
                                        return [4 /*yield*/, (0, persistence_1.writePools)(tx, pools_1)];
                                    case 2:
                                        _b.sent();
                                        _i = 0, ranges_2 = ranges_1;
                                        _b.label = 3;
                                    case 3:
                                        if (!(_i < ranges_2.length)) return [3 /*break*/, 7];
                                        _a = ranges_2[_i], partition = _a[0], range = _a[1];
                                        key = __assign(__assign({}, options.key), { partition: partition });
                                        return [4 /*yield*/, (0, persistence_1.lockOffset)(tx, key)];
                                    case 4:
                                        _b.sent();
                                        return [4 /*yield*/, (0, persistence_1.saveOffset)(tx, key, range.to)];
                                    case 5:
                                        _b.sent();
                                        _b.label = 6;
                                    case 6:
                                        _i++;
                                        return [3 /*break*/, 3];
                                    case 7: return [2 /*return*/];
                                }
                            });
                        }); })];
                case 13:
                    _e.sent();
                    return [3 /*break*/, 16];
                case 14: return [4 /*yield*/, db.destroy()];
                case 15:
                    _e.sent();
                    return [7 /*endfinally*/];
                case 16:
                    stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
                    return [2 /*return*/, stats];
            }
        });
    });
}
/** Every pool definition in the log, folded (the topic is one small partition). */
function foldPoolLog(kafka, topic) {
    return __awaiter(this, void 0, void 0, function () {
        var admin, end, directory;
        var _this = this;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    admin = kafka.admin();
                    return [4 /*yield*/, admin.connect()];
                case 1:
                    _b.sent();
                    return [4 /*yield*/, admin.fetchTopicOffsets(topic).finally(function () { return admin.disconnect(); })];
                case 2:
                    end = (_b.sent())[0];
                    directory = (0, ledger_core_1.emptyDirectory)();
                    return [4 /*yield*/, (0, log_reader_1.readLogRanges)({
                            kafka: kafka,
                            topic: topic,
                            ranges: new Map([[0, { from: 0n, to: BigInt((_a = end === null || end === void 0 ? void 0 : end.high) !== null && _a !== void 0 ? _a : '0') }]]),
                            concurrency: 1,
                            onBatch: function (_partition, messages) { return __awaiter(_this, void 0, void 0, function () {
                                return __generator(this, function (_a) {
                                    directory = (0, persistence_1.foldPoolMessages)(directory, messages);
                                    return [2 /*return*/];
                                });
                            }); },
                        })];
                case 3:
                    _b.sent();
                    return [2 /*return*/, directory];
            }
        });
    });
}
function assertFreshSchema(url, schema) {
    return __awaiter(this, void 0, void 0, function () {
        var db, rows;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    (0, persistence_1.quoteSchema)(schema);
                    return [4 /*yield*/, (0, persistence_1.connectDatabase)({ url: url, poolSize: 1 })];
                case 1:
                    db = _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 4, 6]);
                    return [4 /*yield*/, db.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])];
                case 3:
                    rows = _a.sent();
                    if (rows.length > 0)
                        throw new Error("schema ".concat(schema, " already exists: replay builds into a fresh schema only"));
                    return [3 /*break*/, 6];
                case 4: return [4 /*yield*/, db.destroy()];
                case 5:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 6: return [2 /*return*/];
            }
        });
    });
}
