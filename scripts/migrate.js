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
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
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
exports.ensureDatabase = ensureDatabase;
/**
 * Creates the database named by DATABASE_URL if it is missing, then applies
 * pending migrations. Run by `npm start`, by CI, and by the k8s migration Job.
 */
require("reflect-metadata");
var pg_1 = require("pg");
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var persistence_1 = require("@stockflow/persistence");
var MigrateConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithDatabase)(config_1.BaseEnv);
    var _DATABASE_SCHEMA_decorators;
    var _DATABASE_SCHEMA_initializers = [];
    var _DATABASE_SCHEMA_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(MigrateConfig, _super);
            function MigrateConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.DATABASE_SCHEMA = __runInitializers(_this, _DATABASE_SCHEMA_initializers, '');
                __runInitializers(_this, _DATABASE_SCHEMA_extraInitializers);
                return _this;
            }
            return MigrateConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _DATABASE_SCHEMA_decorators = [(0, class_validator_1.Matches)(/^([a-z_][a-z0-9_]*)?$/, { message: 'DATABASE_SCHEMA must be a plain lower-case identifier' })];
            __esDecorate(null, null, _DATABASE_SCHEMA_decorators, { kind: "field", name: "DATABASE_SCHEMA", static: false, private: false, access: { has: function (obj) { return "DATABASE_SCHEMA" in obj; }, get: function (obj) { return obj.DATABASE_SCHEMA; }, set: function (obj, value) { obj.DATABASE_SCHEMA = value; } }, metadata: _metadata }, _DATABASE_SCHEMA_initializers, _DATABASE_SCHEMA_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
function ensureDatabase(url) {
    return __awaiter(this, void 0, void 0, function () {
        var target, name, admin, client, rowCount;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    target = new URL(url);
                    name = decodeURIComponent(target.pathname.slice(1));
                    admin = new URL(url);
                    admin.pathname = '/postgres';
                    client = new pg_1.Client({ connectionString: admin.toString() });
                    return [4 /*yield*/, client.connect()];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 6, 8]);
                    return [4 /*yield*/, client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])];
                case 3:
                    rowCount = (_a.sent()).rowCount;
                    if (!(rowCount === 0)) return [3 /*break*/, 5];
                    return [4 /*yield*/, client.query("CREATE DATABASE \"".concat(name.replace(/"/g, '""'), "\""))];
                case 4:
                    _a.sent();
                    _a.label = 5;
                case 5: return [3 /*break*/, 8];
                case 6: return [4 /*yield*/, client.end()];
                case 7:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 8: return [2 /*return*/];
            }
        });
    });
}
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var config, applied;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    config = (0, config_1.loadConfig)(MigrateConfig);
                    return [4 /*yield*/, ensureDatabase(config.DATABASE_URL)];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, (0, persistence_1.runMigrations)({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA || undefined })];
                case 2:
                    applied = _a.sent();
                    console.log(applied.length > 0 ? "applied migrations: ".concat(applied.join(', ')) : 'database schema is up to date');
                    return [2 /*return*/];
            }
        });
    });
}
if (require.main === module) {
    main().catch(function (error) {
        console.error("migration failed: ".concat(error instanceof Error ? error.message : String(error)));
        process.exit(1);
    });
}
