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
var _a, _b, _c, _d, _e;
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * bench:reserve — the Redis Lua reservation (libs/reservations) beside the
 * Magento-MSI way, on the same machine, at reservation tables of 0, 100,000 and
 * 1,000,000 rows.
 *
 * MSI way, one Postgres transaction per reservation: read the source quantity,
 * SUM() the sku's rows of the reservation table (salable = source + SUM), and
 * INSERT a reservation row when it fits. The table's rows belong to the skus
 * being sold, as in a flash sale where a hot sku's reservation rows pile up
 * until cleanup; (sku) is indexed, as MSI indexes (stock_id, sku).
 *
 * Redis way: one Lua script per order (check-and-decrement, registry entry,
 * outbox entry), with the registry holding as many reservations as the table.
 *
 * MSI on MariaDB (reserve-mariadb.ts): MSI's own table shape and cleanup, the
 * cleanup running beside 16 checkout clients, lock-wait timeouts and deadlocks
 * counted; beside it the same 16 clients without cleanup and one client alone.
 *
 * Every cell reports the CPU it cost per reservation, from /proc: this process
 * (the clients), every postgres process, Redis and MariaDB.
 */
require("reflect-metadata");
var ioredis_1 = require("ioredis");
var pg_1 = require("pg");
var crypto_1 = require("crypto");
var os_1 = require("os");
var reservations_1 = require("@stockflow/reservations");
var bench_stats_1 = require("./bench-stats");
var reserve_cells_1 = require("./reserve-cells");
var reserve_mariadb_1 = require("./reserve-mariadb");
// BENCH_SIZES=0,1000 for a quick check of the script itself.
var SIZES = ((_a = process.env.BENCH_SIZES) !== null && _a !== void 0 ? _a : '0,100000,1000000').split(',').map(Number);
var SKUS = Array.from({ length: 10 }, function (_, i) { return "BENCH-".concat(i); });
var SECONDS = Number((_b = process.env.BENCH_SECONDS) !== null && _b !== void 0 ? _b : 5);
var CONCURRENCY = Number((_c = process.env.BENCH_CONCURRENCY) !== null && _c !== void 0 ? _c : 16);
var BATCH = 100;
var REDIS_URL = (_d = process.env.REDIS_URL) !== null && _d !== void 0 ? _d : 'redis://127.0.0.1:6379/0';
var ADMIN_URL = (_e = process.env.TEST_DATABASE_URL) !== null && _e !== void 0 ? _e : 'postgres://postgres@127.0.0.1:5432/postgres';
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var id, mariadbProblem, maria, prefix, redis, stock, dbName, admin, dbUrl, pool, _i, SKUS_1, sku, rows, _loop_1, _a, SIZES_1, size;
        var _this = this;
        var _b;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0:
                    id = (0, crypto_1.randomBytes)(3).toString('hex');
                    return [4 /*yield*/, (0, reserve_mariadb_1.mariadbAnswers)()];
                case 1:
                    mariadbProblem = _c.sent();
                    if (mariadbProblem) {
                        console.error("bench:reserve: MariaDB does not answer at ".concat((_b = process.env.MARIADB_URL) !== null && _b !== void 0 ? _b : 'mysql://root@127.0.0.1:3306/test', " (").concat(mariadbProblem, "); ") +
                            'start it (Debian: apt-get install -y mariadb-server; service mariadb start) or set MARIADB_URL. It needs the Sequence engine (seq_1_to_N, MariaDB >= 10.0).');
                        process.exit(2);
                    }
                    return [4 /*yield*/, reserve_mariadb_1.MsiMariaDb.connect(CONCURRENCY, id)];
                case 2:
                    maria = _c.sent();
                    return [4 /*yield*/, maria.createTable()];
                case 3:
                    _c.sent();
                    prefix = "bench:reserve:".concat(id, ":");
                    redis = new ioredis_1.default(REDIS_URL);
                    stock = new reservations_1.RedisStock(redis, prefix);
                    dbName = "sf_bench_reserve_".concat(id);
                    admin = new pg_1.Client({ connectionString: ADMIN_URL });
                    return [4 /*yield*/, admin.connect()];
                case 4:
                    _c.sent();
                    return [4 /*yield*/, admin.query("CREATE DATABASE ".concat(dbName))];
                case 5:
                    _c.sent();
                    dbUrl = new URL(ADMIN_URL);
                    dbUrl.pathname = "/".concat(dbName);
                    return [4 /*yield*/, Promise.all(Array.from({ length: CONCURRENCY }, function () { return connect(dbUrl.toString()); }))];
                case 6:
                    pool = _c.sent();
                    console.log("bench:reserve  ".concat(SECONDS, " s per cell, ").concat(SKUS.length, " skus, load average ").concat(loadAverage(), " (").concat((0, os_1.cpus)().length, " cores)"));
                    console.log('latency: one client, one reservation at a time; throughput: concurrent clients (one pg connection each, one shared Redis connection)');
                    _c.label = 7;
                case 7:
                    _c.trys.push([7, , 18, 25]);
                    return [4 /*yield*/, pool[0].query("\n      CREATE TABLE source_item (sku varchar(64) PRIMARY KEY, quantity bigint NOT NULL);\n      CREATE TABLE reservation (reservation_id bigserial PRIMARY KEY, sku varchar(64) NOT NULL, quantity integer NOT NULL,\n                                metadata text, filler boolean NOT NULL DEFAULT false);\n      CREATE INDEX reservation_sku_idx ON reservation (sku);")];
                case 8:
                    _c.sent();
                    return [4 /*yield*/, pool[0].query('INSERT INTO source_item SELECT unnest($1::varchar[]), 1000000000', [SKUS])];
                case 9:
                    _c.sent();
                    _i = 0, SKUS_1 = SKUS;
                    _c.label = 10;
                case 10:
                    if (!(_i < SKUS_1.length)) return [3 /*break*/, 13];
                    sku = SKUS_1[_i];
                    return [4 /*yield*/, stock.seed(sku, {
                            counter: { avail: 1000000000, ver: 1 },
                            registry: [],
                            precounted: [],
                            republish: [],
                        })];
                case 11:
                    _c.sent();
                    _c.label = 12;
                case 12:
                    _i++;
                    return [3 /*break*/, 10];
                case 13:
                    rows = 0;
                    _loop_1 = function (size) {
                        var rowsLabel, _loop_2, _d, _e, clients, before, after, usec;
                        return __generator(this, function (_f) {
                            switch (_f.label) {
                                case 0: return [4 /*yield*/, grow(pool[0], stock, maria, rows, size)];
                                case 1:
                                    _f.sent();
                                    rows = size;
                                    rowsLabel = "".concat(size.toLocaleString('en'), " rows");
                                    _loop_2 = function (clients) {
                                        var shape;
                                        return __generator(this, function (_g) {
                                            switch (_g.label) {
                                                case 0:
                                                    shape = clients === 1 ? 'latency, 1 client' : "throughput, ".concat(clients, " clients");
                                                    return [4 /*yield*/, (0, reserve_cells_1.cell)('postgres', size, shape, function () {
                                                            return (0, bench_stats_1.measure)("postgres MSI (".concat(rowsLabel, ", ").concat(shape, ")"), SECONDS, clients, function (_, worker) {
                                                                return reserveMsi(pool[worker], SKUS[worker % SKUS.length]);
                                                            });
                                                        })];
                                                case 1:
                                                    _g.sent();
                                                    return [4 /*yield*/, (0, reserve_cells_1.cell)('mariadb', size, shape, function () {
                                                            return measureMaria(maria, "mariadb MSI  (".concat(rowsLabel, ", ").concat(shape, ")"), clients);
                                                        })];
                                                case 2:
                                                    _g.sent();
                                                    return [4 /*yield*/, (0, reserve_cells_1.cell)('redis', size, shape, function () {
                                                            return (0, bench_stats_1.measure)("redis lua    (".concat(rowsLabel, ", ").concat(shape, ")"), SECONDS, clients, function (i) {
                                                                return reserveLua(stock, "".concat(id, "-").concat(size, "-").concat(clients, "-").concat(i), SKUS[i % SKUS.length]);
                                                            });
                                                        })];
                                                case 3:
                                                    _g.sent();
                                                    return [2 /*return*/];
                                            }
                                        });
                                    };
                                    _d = 0, _e = [1, CONCURRENCY];
                                    _f.label = 2;
                                case 2:
                                    if (!(_d < _e.length)) return [3 /*break*/, 5];
                                    clients = _e[_d];
                                    return [5 /*yield**/, _loop_2(clients)];
                                case 3:
                                    _f.sent();
                                    _f.label = 4;
                                case 4:
                                    _d++;
                                    return [3 /*break*/, 2];
                                case 5: return [4 /*yield*/, besideCleanup(maria, size, rowsLabel)];
                                case 6:
                                    _f.sent();
                                    return [4 /*yield*/, scriptStats(redis)];
                                case 7:
                                    before = _f.sent();
                                    return [4 /*yield*/, (0, reserve_cells_1.cell)('redis', size, "pipelines of ".concat(BATCH, " orders"), function () { return __awaiter(_this, void 0, void 0, function () {
                                            var _a;
                                            return __generator(this, function (_b) {
                                                switch (_b.label) {
                                                    case 0:
                                                        _a = [{}];
                                                        return [4 /*yield*/, (0, bench_stats_1.measure)("redis lua    (".concat(rowsLabel, ", pipelines of ").concat(BATCH, " orders)"), SECONDS, 1, function (i) {
                                                                return stock.reserveOrders(Array.from({ length: BATCH }, function (_, k) {
                                                                    return luaOrder("".concat(id, "-").concat(size, "-p").concat(i, "-").concat(k), SKUS[k % SKUS.length]);
                                                                }), new Date());
                                                            })];
                                                    case 1: return [2 /*return*/, (__assign.apply(void 0, [__assign.apply(void 0, _a.concat([(_b.sent())])), { unitsPerOp: BATCH }]))];
                                                }
                                            });
                                        }); })];
                                case 8:
                                    _f.sent();
                                    return [4 /*yield*/, scriptStats(redis)];
                                case 9:
                                    after = _f.sent();
                                    usec = (after.usec - before.usec) / Math.max(1, after.calls - before.calls);
                                    console.log("redis server time per reservation script     ".concat(usec.toFixed(1), " \u00B5s  ") +
                                        "(one Redis core: ~".concat(Math.round(1e6 / usec).toLocaleString('en'), " reservations/s; the rest above is client and loopback)"));
                                    // The benchmark's own reservations would change the next size: put the table back to `size` rows.
                                    return [4 /*yield*/, pool[0].query('DELETE FROM reservation WHERE NOT filler')];
                                case 10:
                                    // The benchmark's own reservations would change the next size: put the table back to `size` rows.
                                    _f.sent();
                                    return [4 /*yield*/, pool[0].query('VACUUM ANALYZE reservation')];
                                case 11:
                                    _f.sent();
                                    return [4 /*yield*/, maria.removeOwnRows()];
                                case 12:
                                    _f.sent();
                                    return [2 /*return*/];
                            }
                        });
                    };
                    _a = 0, SIZES_1 = SIZES;
                    _c.label = 14;
                case 14:
                    if (!(_a < SIZES_1.length)) return [3 /*break*/, 17];
                    size = SIZES_1[_a];
                    return [5 /*yield**/, _loop_1(size)];
                case 15:
                    _c.sent();
                    _c.label = 16;
                case 16:
                    _a++;
                    return [3 /*break*/, 14];
                case 17:
                    (0, reserve_cells_1.summary)(SIZES, CONCURRENCY);
                    return [3 /*break*/, 25];
                case 18: return [4 /*yield*/, maria.dropTable()];
                case 19:
                    _c.sent();
                    return [4 /*yield*/, maria.close()];
                case 20:
                    _c.sent();
                    return [4 /*yield*/, Promise.all(pool.map(function (c) { return c.end(); }))];
                case 21:
                    _c.sent();
                    return [4 /*yield*/, admin.query("DROP DATABASE IF EXISTS ".concat(dbName, " WITH (FORCE)"))];
                case 22:
                    _c.sent();
                    return [4 /*yield*/, admin.end()];
                case 23:
                    _c.sent();
                    return [4 /*yield*/, deleteKeys(redis, prefix)];
                case 24:
                    _c.sent();
                    redis.disconnect();
                    return [7 /*endfinally*/];
                case 25: return [2 /*return*/];
            }
        });
    });
}
/**
 * MSI's cleanup pass after pass and shipping (the compensations it deletes)
 * beside CONCURRENCY checkout clients on MariaDB: the fight the seeds describe.
 */
function besideCleanup(maria, size, rowsLabel) {
    return __awaiter(this, void 0, void 0, function () {
        var conflictsBefore, innodbBefore, done, shipping, cleaning, shape, extra, checkout;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    conflictsBefore = __assign({}, maria.conflicts);
                    return [4 /*yield*/, maria.innodbStatus()];
                case 1:
                    innodbBefore = _a.sent();
                    done = false;
                    shipping = maria.ship(function () { return done; });
                    cleaning = maria.cleanUp(function () { return done; });
                    shape = "".concat(CONCURRENCY, " clients + shipping + cleanup");
                    extra = {};
                    checkout = (0, reserve_cells_1.cell)('mariadb', size, shape, function () { return __awaiter(_this, void 0, void 0, function () {
                        var r, _a, shipped, cleanup, innodb, slowest;
                        return __generator(this, function (_b) {
                            switch (_b.label) {
                                case 0: return [4 /*yield*/, measureMaria(maria, "mariadb MSI  (".concat(rowsLabel, ", ").concat(shape, ")"), CONCURRENCY)];
                                case 1:
                                    r = _b.sent();
                                    done = true;
                                    return [4 /*yield*/, Promise.all([shipping, cleaning])];
                                case 2:
                                    _a = _b.sent(), shipped = _a[0], cleanup = _a[1];
                                    return [4 /*yield*/, maria.innodbStatus()];
                                case 3:
                                    innodb = _b.sent();
                                    Object.assign(extra, {
                                        lockWaitTimeouts: maria.conflicts.lockWaitTimeouts - conflictsBefore.lockWaitTimeouts,
                                        deadlocks: maria.conflicts.deadlocks - conflictsBefore.deadlocks,
                                        innodbRowLockWaits: innodb.rowLockWaits - innodbBefore.rowLockWaits,
                                        cleanupPasses: cleanup.passes,
                                        cleanupDeleted: cleanup.deleted,
                                        shipped: shipped,
                                    });
                                    slowest = Math.max.apply(Math, cleanup.seconds);
                                    console.log("  beside it: ".concat(shipped, " compensations shipped, cleanup ").concat(cleanup.passes, " passes (slowest ").concat(slowest.toFixed(2), " s) deleted ").concat(cleanup.deleted, " rows; ") +
                                        "lock-wait timeouts ".concat(extra.lockWaitTimeouts, ", deadlocks ").concat(extra.deadlocks, " (InnoDB: ").concat(extra.innodbRowLockWaits, " row lock waits, ").concat(innodb.deadlocks - innodbBefore.deadlocks, " deadlocks)"));
                                    return [2 /*return*/, r];
                            }
                        });
                    }); });
                    return [4 /*yield*/, checkout];
                case 2:
                    _a.sent();
                    Object.assign(reserve_cells_1.cells[reserve_cells_1.cells.length - 1], extra);
                    return [2 /*return*/];
            }
        });
    });
}
/** Checkouts on MariaDB; one that failed on a lock counts in the latencies (the shopper waited) but not as a reservation. */
function measureMaria(maria, label, clients) {
    return __awaiter(this, void 0, void 0, function () {
        var failed, r;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    failed = 0;
                    return [4 /*yield*/, (0, bench_stats_1.measure)(label, SECONDS, clients, function (_, worker) { return __awaiter(_this, void 0, void 0, function () {
                            return __generator(this, function (_a) {
                                switch (_a.label) {
                                    case 0: return [4 /*yield*/, maria.reserve(worker, SKUS[worker % SKUS.length])];
                                    case 1:
                                        if (!(_a.sent()))
                                            failed++;
                                        return [2 /*return*/];
                                }
                            });
                        }); })];
                case 1:
                    r = _a.sent();
                    return [2 /*return*/, __assign(__assign({}, r), { unitsPerOp: (r.operations - failed) / Math.max(1, r.operations) })];
            }
        });
    });
}
/** One single-line order through the same script checkout uses (stock.reserveOrders). */
function reserveLua(stock, orderId, sku) {
    return stock.reserveOrders([luaOrder(orderId, sku)], new Date());
}
function luaOrder(orderId, sku) {
    return {
        orderId: orderId,
        channel: 'web',
        lines: [{ sku: sku, quantity: 1, reservationId: "ord:".concat(orderId, ":1") }],
    };
}
/** MSI's placeReservationsForSalesEvent after its salable-qty check, in one transaction. */
function reserveMsi(db, sku) {
    return __awaiter(this, void 0, void 0, function () {
        var quantity, sum, fits, error_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, db.query('BEGIN')];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, 8, , 10]);
                    return [4 /*yield*/, db.query('SELECT quantity FROM source_item WHERE sku = $1', [sku])];
                case 3:
                    quantity = (_a.sent()).rows[0].quantity;
                    return [4 /*yield*/, db.query('SELECT COALESCE(SUM(quantity), 0) AS sum FROM reservation WHERE sku = $1', [
                            sku,
                        ])];
                case 4:
                    sum = (_a.sent()).rows[0].sum;
                    fits = Number(quantity) + Number(sum) >= 1;
                    if (!fits) return [3 /*break*/, 6];
                    return [4 /*yield*/, db.query("INSERT INTO reservation (sku, quantity, metadata) VALUES ($1, -1, '{\"event_type\":\"order_placed\"}')", [sku])];
                case 5:
                    _a.sent();
                    _a.label = 6;
                case 6: return [4 /*yield*/, db.query('COMMIT')];
                case 7:
                    _a.sent();
                    return [2 /*return*/, fits];
                case 8:
                    error_1 = _a.sent();
                    return [4 /*yield*/, db.query('ROLLBACK')];
                case 9:
                    _a.sent();
                    throw error_1;
                case 10: return [2 /*return*/];
            }
        });
    });
}
/** Adds rows up to `size`: reservation/compensation pairs (net 0) in Postgres, open entries in the Redis registry. */
function grow(db, stock, maria, from, size) {
    return __awaiter(this, void 0, void 0, function () {
        var t0, start, pipeline, i;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    if (size <= from)
                        return [2 /*return*/];
                    t0 = Date.now();
                    return [4 /*yield*/, maria.grow(SKUS, from, size)];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, db.query("INSERT INTO reservation (sku, quantity, metadata, filler)\n     SELECT 'BENCH-' || (g % 10), CASE WHEN g % 2 = 0 THEN -1 ELSE 1 END, '{\"event_type\":\"order_placed\"}', true\n     FROM generate_series($1::bigint, $2::bigint - 1) g", [from, size])];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, db.query('VACUUM ANALYZE reservation')];
                case 3:
                    _a.sent();
                    start = from;
                    _a.label = 4;
                case 4:
                    if (!(start < size)) return [3 /*break*/, 7];
                    pipeline = stock.redis.pipeline();
                    for (i = start; i < Math.min(size, start + 10000); i++) {
                        pipeline.hset(stock.keys.reservation("ord:fill-".concat(i, ":1")), 'sku', SKUS[i % 10], 'qty', 1, 'state', 'open', 'kind', 'order', 'order', "fill-".concat(i), 'ch', 'web');
                    }
                    return [4 /*yield*/, pipeline.exec()];
                case 5:
                    _a.sent();
                    _a.label = 6;
                case 6:
                    start += 10000;
                    return [3 /*break*/, 4];
                case 7:
                    console.log("(grew the reservation tables (postgres, mariadb) and the registry to ".concat(size.toLocaleString('en'), " rows in ").concat(((Date.now() - t0) / 1000).toFixed(1), " s)"));
                    return [2 /*return*/];
            }
        });
    });
}
/** EVALSHA calls and server microseconds so far (INFO commandstats; other users of this Redis add noise). */
function scriptStats(redis) {
    return __awaiter(this, void 0, void 0, function () {
        var line, field;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, redis.info('commandstats')];
                case 1:
                    line = (_a = (_b.sent()).split('\n').find(function (l) { return l.startsWith('cmdstat_evalsha:'); })) !== null && _a !== void 0 ? _a : '';
                    field = function (name) { var _a, _b; return Number((_b = (_a = new RegExp("".concat(name, "=(\\d+)")).exec(line)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : 0); };
                    return [2 /*return*/, { calls: field('calls'), usec: field('usec') }];
            }
        });
    });
}
function connect(url) {
    return __awaiter(this, void 0, void 0, function () {
        var client;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    client = new pg_1.Client({ connectionString: url });
                    return [4 /*yield*/, client.connect()];
                case 1:
                    _a.sent();
                    return [2 /*return*/, client];
            }
        });
    });
}
function deleteKeys(redis, prefix) {
    return __awaiter(this, void 0, void 0, function () {
        var cursor, _a, next, keys;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    cursor = '0';
                    _b.label = 1;
                case 1: return [4 /*yield*/, redis.scan(cursor, 'MATCH', "".concat(prefix, "*"), 'COUNT', 10000)];
                case 2:
                    _a = _b.sent(), next = _a[0], keys = _a[1];
                    if (!(keys.length > 0)) return [3 /*break*/, 4];
                    return [4 /*yield*/, redis.unlink.apply(redis, keys)];
                case 3:
                    _b.sent();
                    _b.label = 4;
                case 4:
                    cursor = next;
                    _b.label = 5;
                case 5:
                    if (cursor !== '0') return [3 /*break*/, 1];
                    _b.label = 6;
                case 6: return [2 /*return*/];
            }
        });
    });
}
function loadAverage() {
    return (0, os_1.loadavg)()
        .map(function (l) { return l.toFixed(2); })
        .join(' ');
}
main().catch(function (error) {
    console.error(error);
    process.exit(1);
});
