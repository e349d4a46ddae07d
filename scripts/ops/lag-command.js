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
exports.LAG_USAGE = void 0;
exports.lagCommand = lagCommand;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var contracts_1 = require("@stockflow/contracts");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var cli_args_1 = require("./cli-args");
var table_1 = require("./table");
exports.LAG_USAGE = "ops lag [--group GROUP]... [--json]\n  Messages each consumer group is behind the log end, per partition: every group whose\n  name starts with KAFKA_TOPIC_PREFIX + \"stockflow\" (or the --group ones), except the\n  per-process readers (names ending in a UUID: stockflow-pools-*, stockflow-gateway-results-*).\n  The ledger's group is measured against the offsets it stores in Postgres (DATABASE_URL),\n  as its stockflow_consumer_lag metric is. KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, LEDGER_GROUP_ID.";
var LagConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.BaseEnv));
    var _LEDGER_GROUP_ID_decorators;
    var _LEDGER_GROUP_ID_initializers = [];
    var _LEDGER_GROUP_ID_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(LagConfig, _super);
            function LagConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.LEDGER_GROUP_ID = __runInitializers(_this, _LEDGER_GROUP_ID_initializers, 'stockflow-ledger');
                __runInitializers(_this, _LEDGER_GROUP_ID_extraInitializers);
                return _this;
            }
            return LagConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _LEDGER_GROUP_ID_decorators = [(0, class_validator_1.IsString)()];
            __esDecorate(null, null, _LEDGER_GROUP_ID_decorators, { kind: "field", name: "LEDGER_GROUP_ID", static: false, private: false, access: { has: function (obj) { return "LEDGER_GROUP_ID" in obj; }, get: function (obj) { return obj.LEDGER_GROUP_ID; }, set: function (obj, value) { obj.LEDGER_GROUP_ID = value; } }, metadata: _metadata }, _LEDGER_GROUP_ID_initializers, _LEDGER_GROUP_ID_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
function lagCommand(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var args, config, kafka, admin, prefix, ledgerGroup_1, groups, _a, rows, _b, _c, _d;
        var _e;
        return __generator(this, function (_f) {
            switch (_f.label) {
                case 0:
                    args = (0, cli_args_1.parseArgs)(argv, { values: ['group'], booleans: ['json'] });
                    if (args.positional.length > 0)
                        throw new cli_args_1.UsageError("unexpected argument ".concat(args.positional[0]));
                    config = (0, config_1.loadConfig)(LagConfig);
                    kafka = (0, kafka_1.createKafka)({
                        brokers: config.KAFKA_BROKERS,
                        clientId: "".concat(config.KAFKA_CLIENT_ID, "-ops"),
                    });
                    admin = kafka.admin();
                    return [4 /*yield*/, admin.connect()];
                case 1:
                    _f.sent();
                    _f.label = 2;
                case 2:
                    _f.trys.push([2, , 9, 11]);
                    prefix = "".concat(config.KAFKA_TOPIC_PREFIX, "stockflow");
                    ledgerGroup_1 = config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID;
                    if (!((_e = args.options.get('group')) !== null && _e !== void 0)) return [3 /*break*/, 3];
                    _a = _e;
                    return [3 /*break*/, 5];
                case 3: return [4 /*yield*/, deploymentGroups(admin, prefix)];
                case 4:
                    _a = (_f.sent());
                    _f.label = 5;
                case 5:
                    groups = _a;
                    return [4 /*yield*/, (0, kafka_1.readConsumerLag)(admin, groups.filter(function (g) { return g !== ledgerGroup_1; }))];
                case 6:
                    rows = _f.sent();
                    if (!groups.includes(ledgerGroup_1)) return [3 /*break*/, 8];
                    _c = (_b = rows.push).apply;
                    _d = [rows];
                    return [4 /*yield*/, ledgerLag(config, admin, ledgerGroup_1)];
                case 7:
                    _c.apply(_b, _d.concat([(_f.sent())]));
                    _f.label = 8;
                case 8:
                    rows.sort(function (a, b) {
                        return a.group.localeCompare(b.group) ||
                            a.topic.localeCompare(b.topic) ||
                            a.partition - b.partition;
                    });
                    if (args.options.has('json'))
                        console.log(JSON.stringify(rows, null, 2));
                    else if (rows.length === 0)
                        console.log("no consumer groups found (prefix ".concat(prefix, ")"));
                    else
                        (0, table_1.printTable)(['group', 'topic', 'partition', 'committed', 'logEnd', 'lag'], rows.map(function (r) { return [
                            r.group,
                            r.topic,
                            String(r.partition),
                            String(r.committedOffset),
                            String(r.logEndOffset),
                            String(r.lag),
                        ]; }));
                    return [2 /*return*/, 0];
                case 9: return [4 /*yield*/, admin.disconnect()];
                case 10:
                    _f.sent();
                    return [7 /*endfinally*/];
                case 11: return [2 /*return*/];
            }
        });
    });
}
/** A group named for one process (`...-<uuid>`): the pool readers, the gateway's event-results readers. */
var PER_PROCESS_GROUP = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * The deployment's groups. Per-process readers (each reads its topic for itself
 * and commits nothing that matters) are left out: they have no backlog to act
 * on, and one appears per process start.
 */
function deploymentGroups(admin, prefix) {
    return __awaiter(this, void 0, void 0, function () {
        var groups;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, admin.listGroups()];
                case 1:
                    groups = (_a.sent()).groups;
                    return [2 /*return*/, groups
                            .map(function (g) { return g.groupId; })
                            .filter(function (g) { return g.startsWith(prefix) && !PER_PROCESS_GROUP.test(g); })
                            .sort()];
            }
        });
    });
}
function ledgerLag(config, admin, group) {
    return __awaiter(this, void 0, void 0, function () {
        var topic, db, _a, _b, _c;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0:
                    topic = (0, contracts_1.topicNames)(config.KAFKA_TOPIC_PREFIX).events;
                    return [4 /*yield*/, (0, persistence_1.connectDatabase)({
                            url: config.DATABASE_URL,
                            poolSize: 1,
                            applicationName: 'stockflow-ops',
                        })];
                case 1:
                    db = _d.sent();
                    _d.label = 2;
                case 2:
                    _d.trys.push([2, , 5, 7]);
                    _a = kafka_1.lagFromStoredOffsets;
                    _b = [admin,
                        group,
                        topic];
                    _c = nextOffsets;
                    return [4 /*yield*/, (0, persistence_1.readStoredOffsets)(db, group, topic)];
                case 3: return [4 /*yield*/, _a.apply(void 0, _b.concat([_c.apply(void 0, [_d.sent()])]))];
                case 4: return [2 /*return*/, _d.sent()];
                case 5: return [4 /*yield*/, db.destroy()];
                case 6:
                    _d.sent();
                    return [7 /*endfinally*/];
                case 7: return [2 /*return*/];
            }
        });
    });
}
/** partition -> next offset to read, from the rows the ledger stores with each batch. */
function nextOffsets(stored) {
    return new Map(__spreadArray([], stored, true).map(function (_a) {
        var partition = _a[0], offset = _a[1];
        return [partition, offset.nextOffset];
    }));
}
