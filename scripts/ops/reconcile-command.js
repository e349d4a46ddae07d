"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
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
exports.RECONCILE_USAGE = void 0;
exports.reconcileCommand = reconcileCommand;
var config_1 = require("@stockflow/config");
var contracts_1 = require("@stockflow/contracts");
var persistence_1 = require("@stockflow/persistence");
var reservations_1 = require("@stockflow/reservations");
var cli_args_1 = require("./cli-args");
exports.RECONCILE_USAGE = "ops reconcile <sku>\n  Compares the SKU's Redis counter with the ledger (as the compaction job does) and rebuilds\n  it when they differ. Prints in_sync, repaired, hydrated or inconclusive (traffic in flight:\n  try again); exit 0, or 75 (EX_TEMPFAIL) for inconclusive. DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX.";
var ReconcileConfig = /** @class */ (function (_super) {
    __extends(ReconcileConfig, _super);
    function ReconcileConfig() {
        return _super !== null && _super.apply(this, arguments) || this;
    }
    return ReconcileConfig;
}((0, config_1.WithRedis)((0, config_1.WithDatabase)(config_1.BaseEnv))));
function reconcileCommand(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var args, _a, sku, extra, config, db, redis, outcome, counter;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    args = (0, cli_args_1.parseArgs)(argv, {});
                    _a = args.positional, sku = _a[0], extra = _a[1];
                    if (!sku)
                        throw new cli_args_1.UsageError('reconcile needs a sku');
                    if (extra)
                        throw new cli_args_1.UsageError("unexpected argument ".concat(extra));
                    if (!contracts_1.SKU_PATTERN.test(sku))
                        throw new cli_args_1.UsageError("sku must match ".concat(contracts_1.SKU_PATTERN.source));
                    config = (0, config_1.loadConfig)(ReconcileConfig);
                    return [4 /*yield*/, (0, persistence_1.connectDatabase)({
                            url: config.DATABASE_URL,
                            poolSize: 2,
                            applicationName: 'stockflow-ops',
                        })];
                case 1:
                    db = _b.sent();
                    redis = (0, reservations_1.createFailClosedRedis)(config.REDIS_URL);
                    _b.label = 2;
                case 2:
                    _b.trys.push([2, , 6, 8]);
                    return [4 /*yield*/, redis.connect()];
                case 3:
                    _b.sent();
                    return [4 /*yield*/, (0, reservations_1.reconcileSku)({ stock: new reservations_1.RedisStock(redis, config.REDIS_KEY_PREFIX), db: db }, sku)];
                case 4:
                    outcome = _b.sent();
                    return [4 /*yield*/, new reservations_1.RedisStock(redis, config.REDIS_KEY_PREFIX).counter(sku)];
                case 5:
                    counter = _b.sent();
                    console.log("".concat(sku, ": ").concat(outcome).concat(counter ? " (counter available=".concat(counter.avail, " version=").concat(counter.ver, ")") : ''));
                    return [2 /*return*/, outcome === 'inconclusive' ? cli_args_1.EXIT.tempFail : cli_args_1.EXIT.ok];
                case 6:
                    redis.disconnect();
                    return [4 /*yield*/, db.destroy()];
                case 7:
                    _b.sent();
                    return [7 /*endfinally*/];
                case 8: return [2 /*return*/];
            }
        });
    });
}
