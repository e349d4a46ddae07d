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
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.MsiMariaDb = exports.MARIADB_URL = void 0;
exports.mariadbAnswers = mariadbAnswers;
/**
 * The Magento-MSI reservation on MariaDB (InnoDB), with the table shape MSI
 * ships and the cleanup it runs from cron, for bench:reserve.
 *
 * - Checkout (MSI's placeReservationsForSalesEvent after its salable check), one
 *   transaction: `SELECT SUM(quantity) ... WHERE stock_id = ? AND sku = ?`, then
 *   INSERT the -1 reservation. The SUM reads every reservation row of the sku
 *   through the (stock_id, sku, quantity) index: it grows with the table.
 * - Shipping: the +1 compensation of a placed order (what a shipment or a
 *   cancel inserts), one autocommit INSERT each, from one client that follows
 *   checkout as fast as it can: what gives cleanup rows to delete.
 * - Cleanup (MSI's CleanupReservations): group every row by the order in
 *   `metadata` with HAVING SUM(quantity) = 0, then DELETE ... WHERE
 *   reservation_id IN (...). Magento runs it once a minute; here it runs pass
 *   after pass, so that a 5-second cell sees it.
 *
 * Lock-wait timeouts (errno 1205) and deadlocks (1213) are counted, not retried:
 * that checkout fails as it would in the shop. innodb_lock_wait_timeout is 5 s
 * for these sessions (50 s by default would outlast a cell).
 */
var promise_1 = require("mysql2/promise");
exports.MARIADB_URL = (_a = process.env.MARIADB_URL) !== null && _a !== void 0 ? _a : 'mysql://root@127.0.0.1:3306/test';
var TABLE = 'inventory_reservation';
var STOCK_ID = 1;
var LOCK_WAIT_TIMEOUT_S = 5;
/** Magento's default for the cleanup's GROUP_CONCAT. */
var GROUP_CONCAT_MAX_LEN = 32768;
var MsiMariaDb = /** @class */ (function () {
    function MsiMariaDb(pool, connections, runId) {
        this.pool = pool;
        this.connections = connections;
        this.runId = runId;
        this.conflicts = { lockWaitTimeouts: 0, deadlocks: 0 };
        this.order = 0;
        /** Orders placed and not yet compensated, oldest first: what shipping works through. */
        this.placed = [];
    }
    /** One connection per checkout client, plus one for shipping and one for cleanup. */
    MsiMariaDb.connect = function (clients, runId) {
        return __awaiter(this, void 0, void 0, function () {
            var pool, connections, _i, connections_1, c;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        pool = (0, promise_1.createPool)({
                            uri: exports.MARIADB_URL,
                            connectionLimit: clients + 3,
                            decimalNumbers: true,
                        });
                        return [4 /*yield*/, Promise.all(Array.from({ length: clients + 2 }, function () { return pool.getConnection(); }))];
                    case 1:
                        connections = _a.sent();
                        _i = 0, connections_1 = connections;
                        _a.label = 2;
                    case 2:
                        if (!(_i < connections_1.length)) return [3 /*break*/, 5];
                        c = connections_1[_i];
                        return [4 /*yield*/, c.query("SET SESSION innodb_lock_wait_timeout = ".concat(LOCK_WAIT_TIMEOUT_S))];
                    case 3:
                        _a.sent();
                        _a.label = 4;
                    case 4:
                        _i++;
                        return [3 /*break*/, 2];
                    case 5: return [2 /*return*/, new MsiMariaDb(pool, connections, runId)];
                }
            });
        });
    };
    /** MSI's inventory_reservation, as its db_schema.xml declares it. */
    MsiMariaDb.prototype.createTable = function () {
        return __awaiter(this, void 0, void 0, function () {
            var db;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        db = this.connections[0];
                        return [4 /*yield*/, db.query("DROP TABLE IF EXISTS ".concat(TABLE))];
                    case 1:
                        _a.sent();
                        return [4 /*yield*/, db.query("\n      CREATE TABLE ".concat(TABLE, " (\n        reservation_id int unsigned NOT NULL AUTO_INCREMENT,\n        stock_id int unsigned NOT NULL,\n        sku varchar(64) NOT NULL,\n        quantity decimal(10,4) NOT NULL DEFAULT 0,\n        metadata varchar(255) DEFAULT NULL,\n        PRIMARY KEY (reservation_id),\n        KEY INVENTORY_RESERVATION_STOCK_ID_SKU_QUANTITY (stock_id, sku, quantity)\n      ) ENGINE=InnoDB"))];
                    case 2:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    MsiMariaDb.prototype.dropTable = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.connections[0].query("DROP TABLE IF EXISTS ".concat(TABLE))];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    /**
     * Open reservations (placed, not shipped: a flash sale's backlog) up to `size`
     * rows, spread over `skus`; they never net to zero, so cleanup leaves them.
     */
    MsiMariaDb.prototype.grow = function (skus, from, size) {
        return __awaiter(this, void 0, void 0, function () {
            var start, end;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        start = from;
                        _a.label = 1;
                    case 1:
                        if (!(start < size)) return [3 /*break*/, 4];
                        end = Math.min(size, start + 100000) - 1;
                        return [4 /*yield*/, this.connections[0].query("INSERT INTO ".concat(TABLE, " (stock_id, sku, quantity, metadata)\n         SELECT ?, CONCAT('BENCH-', seq % ?), -1,\n                CONCAT('{\"event_type\":\"order_placed\",\"object_type\":\"order\",\"object_id\":\"', seq, '\",\"object_increment_id\":\"fill-', seq, '\"}')\n         FROM seq_").concat(start, "_to_").concat(end), [STOCK_ID, skus.length])];
                    case 2:
                        _a.sent();
                        _a.label = 3;
                    case 3:
                        start += 100000;
                        return [3 /*break*/, 1];
                    case 4: return [4 /*yield*/, this.connections[0].query("ANALYZE TABLE ".concat(TABLE))];
                    case 5:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    /** Back to the open fillers only: the benchmark's own rows would change the next size. */
    MsiMariaDb.prototype.removeOwnRows = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.connections[0].query("DELETE FROM ".concat(TABLE, " WHERE metadata NOT LIKE '%\"object_increment_id\":\"fill-%'"))];
                    case 1:
                        _a.sent();
                        this.placed = [];
                        return [2 /*return*/];
                }
            });
        });
    };
    /** One checkout: SUM then INSERT in one transaction. False when it failed on a lock (counted). */
    MsiMariaDb.prototype.reserve = function (client, sku) {
        return __awaiter(this, void 0, void 0, function () {
            var db, order, rows, salable, error_1;
            var _a;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        db = this.connections[client];
                        order = "".concat(this.runId, "-").concat(this.order++);
                        _b.label = 1;
                    case 1:
                        _b.trys.push([1, 7, , 9]);
                        return [4 /*yield*/, db.beginTransaction()];
                    case 2:
                        _b.sent();
                        return [4 /*yield*/, db.query("SELECT SUM(quantity) AS qty FROM ".concat(TABLE, " WHERE stock_id = ? AND sku = ?"), [STOCK_ID, sku])];
                    case 3:
                        rows = (_b.sent())[0];
                        salable = 1000000000 + Number((_a = rows[0].qty) !== null && _a !== void 0 ? _a : 0);
                        if (!(salable >= 1)) return [3 /*break*/, 5];
                        return [4 /*yield*/, db.query("INSERT INTO ".concat(TABLE, " (stock_id, sku, quantity, metadata) VALUES (?, ?, -1, ?)"), [STOCK_ID, sku, metadata('order_placed', order)])];
                    case 4:
                        _b.sent();
                        _b.label = 5;
                    case 5: return [4 /*yield*/, db.commit()];
                    case 6:
                        _b.sent();
                        this.placed.push({ sku: sku, order: order });
                        return [2 /*return*/, true];
                    case 7:
                        error_1 = _b.sent();
                        return [4 /*yield*/, db.rollback().catch(function () { return undefined; })];
                    case 8:
                        _b.sent();
                        if (this.countConflict(error_1))
                            return [2 /*return*/, false];
                        throw error_1;
                    case 9: return [2 /*return*/];
                }
            });
        });
    };
    /** Ships placed orders (their +1 compensations) until `until` says stop. Returns how many. */
    MsiMariaDb.prototype.ship = function (until) {
        return __awaiter(this, void 0, void 0, function () {
            var db, shipped, next, error_2;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        db = this.connections[this.connections.length - 2];
                        shipped = 0;
                        _a.label = 1;
                    case 1:
                        if (!!until()) return [3 /*break*/, 7];
                        next = this.placed.shift();
                        if (!!next) return [3 /*break*/, 3];
                        return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, 5); })];
                    case 2:
                        _a.sent();
                        return [3 /*break*/, 1];
                    case 3:
                        _a.trys.push([3, 5, , 6]);
                        return [4 /*yield*/, db.query("INSERT INTO ".concat(TABLE, " (stock_id, sku, quantity, metadata) VALUES (?, ?, 1, ?)"), [STOCK_ID, next.sku, metadata('shipment_created', next.order)])];
                    case 4:
                        _a.sent();
                        shipped++;
                        return [3 /*break*/, 6];
                    case 5:
                        error_2 = _a.sent();
                        if (!this.countConflict(error_2))
                            throw error_2;
                        return [3 /*break*/, 6];
                    case 6: return [3 /*break*/, 1];
                    case 7: return [2 /*return*/, shipped];
                }
            });
        });
    };
    /** MSI's cleanup, pass after pass, until `until` says stop. */
    MsiMariaDb.prototype.cleanUp = function (until) {
        return __awaiter(this, void 0, void 0, function () {
            var db, result, started, groups, ids, deleted, error_3;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        db = this.connections[this.connections.length - 1];
                        return [4 /*yield*/, db.query("SET SESSION group_concat_max_len = ".concat(GROUP_CONCAT_MAX_LEN))];
                    case 1:
                        _a.sent();
                        result = { passes: 0, deleted: 0, seconds: [] };
                        _a.label = 2;
                    case 2:
                        if (!!until()) return [3 /*break*/, 9];
                        started = process.hrtime.bigint();
                        _a.label = 3;
                    case 3:
                        _a.trys.push([3, 7, , 8]);
                        return [4 /*yield*/, db.query("SELECT GROUP_CONCAT(reservation_id) AS ids FROM ".concat(TABLE, "\n           GROUP BY JSON_EXTRACT(metadata, '$.object_increment_id') HAVING SUM(quantity) = 0"))];
                    case 4:
                        groups = (_a.sent())[0];
                        ids = groups.flatMap(function (g) { return g.ids.split(',').map(Number); });
                        if (!(ids.length > 0)) return [3 /*break*/, 6];
                        return [4 /*yield*/, db.query("DELETE FROM ".concat(TABLE, " WHERE reservation_id IN (?)"), [
                                ids,
                            ])];
                    case 5:
                        deleted = (_a.sent())[0];
                        result.deleted += deleted.affectedRows;
                        _a.label = 6;
                    case 6: return [3 /*break*/, 8];
                    case 7:
                        error_3 = _a.sent();
                        if (!this.countConflict(error_3))
                            throw error_3;
                        return [3 /*break*/, 8];
                    case 8:
                        result.passes++;
                        result.seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
                        return [3 /*break*/, 2];
                    case 9: return [2 /*return*/, result];
                }
            });
        });
    };
    /** InnoDB's own counters (server-wide): row lock waits and deadlocks. */
    MsiMariaDb.prototype.innodbStatus = function () {
        return __awaiter(this, void 0, void 0, function () {
            var rows, get;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.connections[0].query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_deadlocks')")];
                    case 1:
                        rows = (_a.sent())[0];
                        get = function (name) {
                            var _a, _b;
                            return Number((_b = (_a = rows.find(function (r) { return r.Variable_name === name; })) === null || _a === void 0 ? void 0 : _a.Value) !== null && _b !== void 0 ? _b : 0);
                        };
                        return [2 /*return*/, { rowLockWaits: get('Innodb_row_lock_waits'), deadlocks: get('Innodb_deadlocks') }];
                }
            });
        });
    };
    MsiMariaDb.prototype.close = function () {
        return __awaiter(this, void 0, void 0, function () {
            var _i, _a, c;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        for (_i = 0, _a = this.connections; _i < _a.length; _i++) {
                            c = _a[_i];
                            c.release();
                        }
                        return [4 /*yield*/, this.pool.end()];
                    case 1:
                        _b.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    MsiMariaDb.prototype.countConflict = function (error) {
        var errno = error.errno;
        if (errno === 1205)
            this.conflicts.lockWaitTimeouts++;
        else if (errno === 1213)
            this.conflicts.deadlocks++;
        else
            return false;
        return true;
    };
    return MsiMariaDb;
}());
exports.MsiMariaDb = MsiMariaDb;
function metadata(eventType, order) {
    return JSON.stringify({
        event_type: eventType,
        object_type: 'order',
        object_id: order,
        object_increment_id: order,
    });
}
/** Whether MariaDB answers, and if not, why (bench:reserve says so instead of failing half-way). */
function mariadbAnswers() {
    return __awaiter(this, void 0, void 0, function () {
        var pool, error_4;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    pool = (0, promise_1.createPool)({ uri: exports.MARIADB_URL, connectionLimit: 1, connectTimeout: 5000 });
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, 3, 4, 6]);
                    return [4 /*yield*/, pool.query('SELECT 1 FROM seq_1_to_1')];
                case 2:
                    _a.sent();
                    return [2 /*return*/, undefined];
                case 3:
                    error_4 = _a.sent();
                    return [2 /*return*/, error_4.message];
                case 4: return [4 /*yield*/, pool.end().catch(function () { return undefined; })];
                case 5:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 6: return [2 /*return*/];
            }
        });
    });
}
