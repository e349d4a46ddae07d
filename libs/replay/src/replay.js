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
exports.replay = replay;
var persistence_1 = require("@stockflow/persistence");
var projection_diff_1 = require("./projection-diff");
var rebuild_1 = require("./rebuild");
/**
 * `npm run replay`: rebuild every projection from the log into a fresh schema
 * and compare it with live. The ledger keeps running meanwhile, so "live" is
 * pinned first: a snapshot taken now (one REPEATABLE READ transaction) records
 * the projections together with the offsets they reflect; the rebuild folds the
 * log up to exactly those offsets and is compared with that snapshot.
 */
function replay(options) {
    return __awaiter(this, void 0, void 0, function () {
        var live, session_1, reference, start, stats, diffs, identical, schemaKept;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, persistence_1.connectDatabase)({ url: options.databaseUrl, schema: options.liveSchema, poolSize: 2 })];
                case 1:
                    live = _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 9, 11]);
                    session_1 = live.createQueryRunner();
                    return [4 /*yield*/, (0, persistence_1.captureSnapshot)(session_1, options.key).finally(function () { return session_1.release(); })];
                case 3:
                    reference = _a.sent();
                    return [4 /*yield*/, startingSnapshot(live, options, reference)];
                case 4:
                    start = _a.sent();
                    return [4 /*yield*/, (0, rebuild_1.rebuildFromLog)({
                            kafka: options.kafka,
                            databaseUrl: options.databaseUrl,
                            key: options.key,
                            poolsTopic: options.poolsTopic,
                            schema: options.schema,
                            liveSchema: options.liveSchema,
                            fromSnapshot: start,
                            until: reference.offsets,
                            concurrency: options.concurrency,
                        })];
                case 5:
                    stats = _a.sent();
                    return [4 /*yield*/, (0, projection_diff_1.diffProjections)(live, { liveSchema: options.liveSchema, reference: reference, rebuiltSchema: options.schema })];
                case 6:
                    diffs = _a.sent();
                    identical = diffs.every(function (d) { return d.count === 0; });
                    schemaKept = !identical || !!options.keepSchema;
                    if (!!schemaKept) return [3 /*break*/, 8];
                    return [4 /*yield*/, live.query("DROP SCHEMA ".concat((0, persistence_1.quoteSchema)(options.schema), " CASCADE"))];
                case 7:
                    _a.sent();
                    _a.label = 8;
                case 8: return [2 /*return*/, { reference: reference, start: start, stats: stats, diffs: diffs, identical: identical, schemaKept: schemaKept }];
                case 9: return [4 /*yield*/, live.destroy()];
                case 10:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 11: return [2 /*return*/];
            }
        });
    });
}
function startingSnapshot(db, options, reference) {
    return __awaiter(this, void 0, void 0, function () {
        var start, _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    if (options.fromSnapshot === undefined)
                        return [2 /*return*/, undefined];
                    if (!(options.fromSnapshot === true)) return [3 /*break*/, 2];
                    return [4 /*yield*/, (0, persistence_1.latestSnapshot)(db, options.key, reference.id)];
                case 1:
                    _a = _b.sent();
                    return [3 /*break*/, 4];
                case 2: return [4 /*yield*/, (0, persistence_1.findSnapshot)(db, options.fromSnapshot)];
                case 3:
                    _a = _b.sent();
                    _b.label = 4;
                case 4:
                    start = _a;
                    if (!start)
                        throw new Error("no snapshot to start from (".concat(options.fromSnapshot === true ? 'none taken yet' : "id ".concat(options.fromSnapshot), ")"));
                    return [2 /*return*/, start];
            }
        });
    });
}
