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
exports.sqlPool = sqlPool;
exports.clientTransaction = clientTransaction;
var stream_1 = require("stream");
var promises_1 = require("stream/promises");
var pg_copy_streams_1 = require("pg-copy-streams");
var pools = new WeakMap();
/**
 * The pg pool under a TypeORM DataSource (same connections, same pool limit)
 * answering plain rows. For hot paths: DataSource.query builds a query runner
 * and a result object per call, which costs more than checkout's statements
 * (about a seventh of the orders service's CPU under load). It also answers the
 * rows of UPDATE/DELETE ... RETURNING, where DataSource.query answers [rows, count].
 */
function sqlPool(db) {
    var pool = pools.get(db);
    if (!pool) {
        pool = wrap(db.driver.master);
        pools.set(db, pool);
    }
    return pool;
}
/** A connection the caller has already put inside BEGIN, seen as a SqlTransaction. */
function clientTransaction(client) {
    var _this = this;
    return {
        query: function (sql, parameters) { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, client.query(sql, parameters)];
                case 1: return [2 /*return*/, (_a.sent()).rows];
            }
        }); }); },
        copyFrom: function (statement, text) { return (0, promises_1.pipeline)(stream_1.Readable.from([text]), client.query((0, pg_copy_streams_1.from)(statement))); },
    };
}
function wrap(pool) {
    var _this = this;
    return {
        query: function (sql, parameters) { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, pool.query(sql, parameters)];
                case 1: return [2 /*return*/, (_a.sent()).rows];
            }
        }); }); },
        transaction: function (work_1) {
            var args_1 = [];
            for (var _i = 1; _i < arguments.length; _i++) {
                args_1[_i - 1] = arguments[_i];
            }
            return __awaiter(_this, __spreadArray([work_1], args_1, true), void 0, function (work, isolation) {
                var client, result, error_1;
                if (isolation === void 0) { isolation = 'READ COMMITTED'; }
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, pool.connect()];
                        case 1:
                            client = _a.sent();
                            _a.label = 2;
                        case 2:
                            _a.trys.push([2, 6, 8, 9]);
                            return [4 /*yield*/, client.query("BEGIN ISOLATION LEVEL ".concat(isolation))];
                        case 3:
                            _a.sent();
                            return [4 /*yield*/, work(clientTransaction(client))];
                        case 4:
                            result = _a.sent();
                            return [4 /*yield*/, client.query('COMMIT')];
                        case 5:
                            _a.sent();
                            return [2 /*return*/, result];
                        case 6:
                            error_1 = _a.sent();
                            return [4 /*yield*/, client.query('ROLLBACK').catch(function () { return undefined; })];
                        case 7:
                            _a.sent();
                            throw error_1;
                        case 8:
                            client.release();
                            return [7 /*endfinally*/];
                        case 9: return [2 /*return*/];
                    }
                });
            });
        },
    };
}
