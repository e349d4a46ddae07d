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
exports.JournalPipeline = void 0;
var persistence_1 = require("@stockflow/persistence");
/**
 * Journal writes of a rebuild, run while the next events are decoded and
 * folded: Postgres COPYs one chunk while Node folds the next, instead of each
 * waiting for the other. At most `limit` COPYs are in flight (one connection
 * each); `write` waits for a free one. The first failure fails the next
 * `write` or `drain`, so a rebuild never reports success over a lost chunk.
 */
var JournalPipeline = /** @class */ (function () {
    function JournalPipeline(sql, limit) {
        this.sql = sql;
        this.limit = limit;
        this.inFlight = new Set();
    }
    JournalPipeline.prototype.write = function (entries, sources) {
        return __awaiter(this, void 0, void 0, function () {
            var copy;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (!(this.inFlight.size >= this.limit)) return [3 /*break*/, 2];
                        return [4 /*yield*/, Promise.race(this.inFlight)];
                    case 1:
                        _a.sent();
                        return [3 /*break*/, 0];
                    case 2:
                        this.throwIfFailed();
                        if (entries.length === 0)
                            return [2 /*return*/];
                        copy = this.sql
                            .transaction(function (tx) { return __awaiter(_this, void 0, void 0, function () {
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0: 
                                    // A rebuild can always be run again: no need to wait for the WAL flush per chunk.
                                    return [4 /*yield*/, tx.query('SET LOCAL synchronous_commit = off')];
                                    case 1:
                                        // A rebuild can always be run again: no need to wait for the WAL flush per chunk.
                                        _a.sent();
                                        return [4 /*yield*/, (0, persistence_1.writeJournal)(tx, entries, sources)];
                                    case 2:
                                        _a.sent();
                                        return [2 /*return*/];
                                }
                            });
                        }); })
                            .catch(function (error) {
                            var _a;
                            (_a = _this.failure) !== null && _a !== void 0 ? _a : (_this.failure = error);
                        })
                            .finally(function () { return _this.inFlight.delete(copy); });
                        this.inFlight.add(copy);
                        return [2 /*return*/];
                }
            });
        });
    };
    /** Waits for every write; throws the first failure. */
    JournalPipeline.prototype.drain = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, Promise.all(this.inFlight)];
                    case 1:
                        _a.sent();
                        this.throwIfFailed();
                        return [2 /*return*/];
                }
            });
        });
    };
    JournalPipeline.prototype.throwIfFailed = function () {
        if (this.failure)
            throw this.failure;
    };
    return JournalPipeline;
}());
exports.JournalPipeline = JournalPipeline;
