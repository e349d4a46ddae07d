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
exports.reconcileSku = reconcileSku;
exports.reconcilePage = reconcilePage;
var common_1 = require("@nestjs/common");
var persistence_1 = require("@stockflow/persistence");
var hydration_plan_1 = require("./hydration-plan");
var hydration_1 = require("./hydration");
var reservation_records_1 = require("./reservation-records");
var reservation_metrics_1 = require("./reservation-metrics");
var logger = new common_1.Logger('Reconciliation');
/** Well past the relay's usual delay (milliseconds), so a healthy pipeline never re-sends. */
var DEFAULT_REPUBLISH_AFTER_MS = 30000;
/**
 * Compares a sku's Redis counter with what it must be: the ledger's available
 * minus reservations issued but not folded yet (planHydration). Only a quiet
 * comparison counts: the counter unchanged around the Postgres snapshot, at the
 * ledger's version, with no intent and no release in flight. Drift is logged
 * with both values, counted, and repaired by dropping the counter and hydrating
 * it: while it is missing every reservation of the sku fails closed, so there is
 * no oversell window.
 */
function reconcileSku(ctx_1, sku_1) {
    return __awaiter(this, arguments, void 0, function (ctx, sku, republishAfterMs) {
        var before, snapshot, after, quiet, _a, expected;
        if (republishAfterMs === void 0) { republishAfterMs = DEFAULT_REPUBLISH_AFTER_MS; }
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, ctx.stock.counter(sku)];
                case 1:
                    before = _b.sent();
                    if (!!before) return [3 /*break*/, 3];
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, [sku])];
                case 2: return [2 /*return*/, (_b.sent()).length > 0 ? 'hydrated' : 'inconclusive'];
                case 3: return [4 /*yield*/, (0, hydration_1.readSnapshots)(ctx.db, [sku])];
                case 4:
                    snapshot = (_b.sent()).get(sku);
                    return [4 /*yield*/, republishOverdue(ctx, snapshot, republishAfterMs)];
                case 5:
                    _b.sent();
                    return [4 /*yield*/, ctx.stock.counter(sku)];
                case 6:
                    after = _b.sent();
                    if (!lagging(before, snapshot)) return [3 /*break*/, 9];
                    // The ledger moved long ago and the counter never followed: its stock-level
                    // message was consumed before a rebuild read the ledger, or lost. Rebuild.
                    logger.warn("counter of sku=".concat(sku, " stuck at version ").concat(before.ver, ", ledger at ").concat(snapshot.ledger.version, "; rebuilding"));
                    reservation_metrics_1.reservationMetrics.drift.inc();
                    return [4 /*yield*/, ctx.stock.drop(sku)];
                case 7:
                    _b.sent();
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, [sku])];
                case 8:
                    _b.sent();
                    return [2 /*return*/, 'repaired'];
                case 9:
                    _a = after !== undefined &&
                        after.avail === before.avail &&
                        after.ver === before.ver &&
                        before.ver === snapshot.ledger.version &&
                        !snapshot.rows.some(function (r) { return r.state === 'reserving'; });
                    if (!_a) return [3 /*break*/, 11];
                    return [4 /*yield*/, releaseInFlight(ctx, snapshot)];
                case 10:
                    _a = !(_b.sent());
                    _b.label = 11;
                case 11:
                    quiet = _a;
                    if (!quiet)
                        return [2 /*return*/, 'inconclusive'];
                    expected = (0, hydration_plan_1.planHydration)(snapshot.ledger, snapshot.rows).counter.avail;
                    if (expected === before.avail)
                        return [2 /*return*/, 'in_sync'];
                    reservation_metrics_1.reservationMetrics.drift.inc();
                    logger.warn("counter drift sku=".concat(sku, " redis=").concat(before.avail, " expected=").concat(expected, " ") +
                        "(ledger available=".concat(snapshot.ledger.available, " version=").concat(snapshot.ledger.version, "); rebuilding"));
                    return [4 /*yield*/, ctx.stock.drop(sku)];
                case 12:
                    _b.sent();
                    return [4 /*yield*/, (0, hydration_1.hydrate)(ctx, [sku])];
                case 13:
                    _b.sent();
                    return [2 /*return*/, 'repaired'];
            }
        });
    });
}
/**
 * A hold released in Redis (expiry, cart cancel, conversion) whose Postgres row
 * still says open: the counter already has the units back, the snapshot does
 * not know it yet. Comparing now would report a drift that is not one.
 */
function releaseInFlight(ctx, snapshot) {
    return ctx.stock.anyReleased(snapshot.rows.filter(function (r) { return r.state === 'open'; }).map(function (r) { return r.rid; }));
}
/** Far longer than the ledger -> stock-levels -> counter path takes when it works. */
var LAG_TOLERANCE_MS = 15000;
function lagging(counter, snapshot) {
    var _a, _b;
    var changedAt = (_b = (_a = snapshot.ledger.updatedAt) === null || _a === void 0 ? void 0 : _a.getTime()) !== null && _b !== void 0 ? _b : Date.now();
    return counter.ver < snapshot.ledger.version && Date.now() - changedAt > LAG_TOLERANCE_MS;
}
/**
 * Events of reservations the ledger still has not folded long after they were
 * issued are appended to the outbox again (same eventIds: the ledger applies
 * each once). This heals an outbox entry lost with Redis data before the relay
 * sent it, which no counter comparison can see.
 */
function republishOverdue(ctx, snapshot, afterMs) {
    return __awaiter(this, void 0, void 0, function () {
        var cutoff, overdue, events;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    cutoff = Date.now() - afterMs;
                    overdue = snapshot.rows.filter(function (r) { return r.state !== 'reserving' && r.updatedAt.getTime() < cutoff; });
                    events = (0, hydration_plan_1.planHydration)(snapshot.ledger, overdue).republish;
                    if (events.length === 0)
                        return [2 /*return*/];
                    logger.warn("re-publishing ".concat(events.length, " reservation events the ledger has not folded (sku=").concat(overdue[0].sku, ")"));
                    return [4 /*yield*/, ctx.stock.appendOutbox(events)];
                case 1:
                    _a.sent();
                    // Restart the clock: a ledger that is down or behind gets one copy per period, not one per pass.
                    return [4 /*yield*/, (0, reservation_records_1.touch)((0, persistence_1.sqlPool)(ctx.db), overdue.map(function (r) { return r.rid; }))];
                case 2:
                    // Restart the clock: a ledger that is down or behind gets one copy per period, not one per pass.
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/**
 * One reconciliation pass over a page of skus (in sku order, after `cursor`),
 * after settling rows the ledger has folded. Returns the page's outcomes and the
 * cursor of the next page ('' once the pass wrapped around).
 */
function reconcilePage(ctx_1, cursor_1) {
    return __awaiter(this, arguments, void 0, function (ctx, cursor, options) {
        var pageSize, sql, rows, outcomes, _i, rows_1, sku, _a, _b, _c;
        var _d;
        if (options === void 0) { options = {}; }
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    pageSize = (_d = options.pageSize) !== null && _d !== void 0 ? _d : 200;
                    sql = (0, persistence_1.sqlPool)(ctx.db);
                    _e.label = 1;
                case 1: return [4 /*yield*/, (0, reservation_records_1.settleFolded)(sql, 5000)];
                case 2:
                    if (!((_e.sent()) === 5000)) return [3 /*break*/, 3];
                    ;
                    return [3 /*break*/, 1];
                case 3: return [4 /*yield*/, sql.query('SELECT sku FROM stock_levels WHERE sku > $1 ORDER BY sku LIMIT $2', [cursor, pageSize])];
                case 4:
                    rows = _e.sent();
                    outcomes = new Map();
                    _i = 0, rows_1 = rows;
                    _e.label = 5;
                case 5:
                    if (!(_i < rows_1.length)) return [3 /*break*/, 8];
                    sku = rows_1[_i].sku;
                    _b = (_a = outcomes).set;
                    _c = [sku];
                    return [4 /*yield*/, reconcileSku(ctx, sku, options.republishAfterMs)];
                case 6:
                    _b.apply(_a, _c.concat([_e.sent()]));
                    _e.label = 7;
                case 7:
                    _i++;
                    return [3 /*break*/, 5];
                case 8: return [2 /*return*/, { outcomes: outcomes, next: rows.length < pageSize ? '' : rows[rows.length - 1].sku }];
            }
        });
    });
}
