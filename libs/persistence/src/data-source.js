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
exports.dataSourceOptions = dataSourceOptions;
exports.connectDatabase = connectDatabase;
exports.runMigrations = runMigrations;
var typeorm_1 = require("typeorm");
var migrations_1 = require("./migrations");
var orders_1 = require("./orders");
function dataSourceOptions(options) {
    var _a, _b, _c;
    var schema = (_a = options.schema) !== null && _a !== void 0 ? _a : 'public';
    return {
        type: 'postgres',
        url: options.url,
        schema: schema,
        // Mapped for reads and simple writes; hot paths use set-based SQL.
        entities: [orders_1.Order, orders_1.OrderStatusChange],
        migrations: migrations_1.MIGRATIONS,
        migrationsTableName: 'migrations',
        // Never: the schema changes only through checked-in migrations.
        synchronize: false,
        migrationsRun: false,
        logging: ['error'],
        extra: {
            max: (_b = options.poolSize) !== null && _b !== void 0 ? _b : 10,
            application_name: (_c = options.applicationName) !== null && _c !== void 0 ? _c : 'stockflow',
            options: "-c search_path=".concat(schema),
        },
    };
}
function connectDatabase(options) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            return [2 /*return*/, new typeorm_1.DataSource(dataSourceOptions(options)).initialize()];
        });
    });
}
/** Arbitrary constant: the advisory lock that serialises migration runs. */
var MIGRATION_LOCK = 7364001;
/**
 * Applies pending migrations. Several services may start at once, so the run
 * holds an advisory lock (pool size 1 keeps lock and migrations on one session).
 */
function runMigrations(options) {
    return __awaiter(this, void 0, void 0, function () {
        var ds, applied;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, connectDatabase(__assign(__assign({}, options), { poolSize: 1 }))];
                case 1:
                    ds = _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 7, 9]);
                    return [4 /*yield*/, ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])];
                case 3:
                    _a.sent();
                    if (!options.schema) return [3 /*break*/, 5];
                    return [4 /*yield*/, ds.query("CREATE SCHEMA IF NOT EXISTS \"".concat(options.schema, "\""))];
                case 4:
                    _a.sent();
                    _a.label = 5;
                case 5: return [4 /*yield*/, ds.runMigrations({ transaction: 'each' })];
                case 6:
                    applied = _a.sent();
                    return [2 /*return*/, applied.map(function (m) { return m.name; })];
                case 7: return [4 /*yield*/, ds.destroy()];
                case 8:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 9: return [2 /*return*/];
            }
        });
    });
}
