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
exports.REPLAY_USAGE = void 0;
exports.replayCommand = replayCommand;
exports.isReplayFailure = isReplayFailure;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var contracts_1 = require("@stockflow/contracts");
var kafka_1 = require("@stockflow/kafka");
var replay_1 = require("@stockflow/replay");
var cli_args_1 = require("./cli-args");
exports.REPLAY_USAGE = "ops replay [--from-snapshot[=<id>]] [--schema=<name>] [--keep-schema]\n  Rebuilds every ledger projection from the log (from offset 0, or from a snapshot) into a\n  fresh schema and compares it with live. Exit 0: identical; 1: differences (the rebuilt\n  schema is kept); 2: the replay itself failed. DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX.";
var ReplayConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.BaseEnv));
    var _DATABASE_SCHEMA_decorators;
    var _DATABASE_SCHEMA_initializers = [];
    var _DATABASE_SCHEMA_extraInitializers = [];
    var _LEDGER_GROUP_ID_decorators;
    var _LEDGER_GROUP_ID_initializers = [];
    var _LEDGER_GROUP_ID_extraInitializers = [];
    var _REPLAY_CONCURRENCY_decorators;
    var _REPLAY_CONCURRENCY_initializers = [];
    var _REPLAY_CONCURRENCY_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(ReplayConfig, _super);
            function ReplayConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                /** Schema of the live projections. */
                _this.DATABASE_SCHEMA = __runInitializers(_this, _DATABASE_SCHEMA_initializers, 'public');
                /** The ledger's consumer group (as in the ledger's config), whose offsets say how far live is. */
                _this.LEDGER_GROUP_ID = (__runInitializers(_this, _DATABASE_SCHEMA_extraInitializers), __runInitializers(_this, _LEDGER_GROUP_ID_initializers, 'stockflow-ledger'));
                /** Partitions folded in parallel (one Postgres connection each). */
                _this.REPLAY_CONCURRENCY = (__runInitializers(_this, _LEDGER_GROUP_ID_extraInitializers), __runInitializers(_this, _REPLAY_CONCURRENCY_initializers, 2));
                __runInitializers(_this, _REPLAY_CONCURRENCY_extraInitializers);
                return _this;
            }
            return ReplayConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _DATABASE_SCHEMA_decorators = [(0, class_validator_1.Matches)(/^[a-z_][a-z0-9_]*$/, {
                    message: 'DATABASE_SCHEMA must be a plain lower-case identifier',
                })];
            _LEDGER_GROUP_ID_decorators = [(0, class_validator_1.IsString)()];
            _REPLAY_CONCURRENCY_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(32)];
            __esDecorate(null, null, _DATABASE_SCHEMA_decorators, { kind: "field", name: "DATABASE_SCHEMA", static: false, private: false, access: { has: function (obj) { return "DATABASE_SCHEMA" in obj; }, get: function (obj) { return obj.DATABASE_SCHEMA; }, set: function (obj, value) { obj.DATABASE_SCHEMA = value; } }, metadata: _metadata }, _DATABASE_SCHEMA_initializers, _DATABASE_SCHEMA_extraInitializers);
            __esDecorate(null, null, _LEDGER_GROUP_ID_decorators, { kind: "field", name: "LEDGER_GROUP_ID", static: false, private: false, access: { has: function (obj) { return "LEDGER_GROUP_ID" in obj; }, get: function (obj) { return obj.LEDGER_GROUP_ID; }, set: function (obj, value) { obj.LEDGER_GROUP_ID = value; } }, metadata: _metadata }, _LEDGER_GROUP_ID_initializers, _LEDGER_GROUP_ID_extraInitializers);
            __esDecorate(null, null, _REPLAY_CONCURRENCY_decorators, { kind: "field", name: "REPLAY_CONCURRENCY", static: false, private: false, access: { has: function (obj) { return "REPLAY_CONCURRENCY" in obj; }, get: function (obj) { return obj.REPLAY_CONCURRENCY; }, set: function (obj, value) { obj.REPLAY_CONCURRENCY = value; } }, metadata: _metadata }, _REPLAY_CONCURRENCY_initializers, _REPLAY_CONCURRENCY_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
/** Thrown when the replay itself failed (not a difference): exit 2. */
var ReplayFailed = /** @class */ (function (_super) {
    __extends(ReplayFailed, _super);
    function ReplayFailed() {
        return _super !== null && _super.apply(this, arguments) || this;
    }
    return ReplayFailed;
}(Error));
function fromSnapshot(args) {
    var _a;
    var raw = (_a = args.options.get('from-snapshot')) === null || _a === void 0 ? void 0 : _a.at(-1);
    if (raw === undefined)
        return undefined;
    if (raw === 'true')
        return true;
    var id = Number(raw);
    if (!Number.isInteger(id))
        throw new cli_args_1.UsageError('--from-snapshot=<id> needs a snapshot id (an integer)');
    return id;
}
function print(report, schema) {
    var offsets = function (o) {
        return __spreadArray([], o, true).map(function (_a) {
            var p = _a[0], n = _a[1];
            return "".concat(p, ":").concat(n);
        }).join(' ') || '(none)';
    };
    var s = report.stats;
    console.log("live reference: snapshot ".concat(report.reference.id, ", offsets [").concat(offsets(report.reference.offsets), "]"));
    console.log(report.start
        ? "started from snapshot ".concat(report.start.id, ", offsets [").concat(offsets(report.start.offsets), "]")
        : 'started from offset 0');
    console.log("folded ".concat(s.events, " events in ").concat(s.seconds.toFixed(1), " s (").concat(Math.round(s.events / Math.max(s.seconds, 1e-9)), "/s): ") +
        "".concat(s.applied, " applied, ").concat(s.duplicates, " duplicates, ").concat(s.rejected, " rejected"));
    for (var _i = 0, _a = report.diffs; _i < _a.length; _i++) {
        var diff = _a[_i];
        console.log("".concat(diff.table, ": ").concat(diff.count === 0 ? 'identical' : "".concat(diff.count, " rows differ")));
        for (var _b = 0, _c = diff.rows; _b < _c.length; _b++) {
            var row = _c[_b];
            console.log("  ".concat(row.key, "\n    live:    ").concat(JSON.stringify(row.live), "\n    rebuilt: ").concat(JSON.stringify(row.rebuilt)));
        }
        if (diff.count > diff.rows.length)
            console.log("  ... and ".concat(diff.count - diff.rows.length, " more"));
    }
    console.log(report.identical
        ? 'rebuild = live'
        : "REBUILD DIFFERS FROM LIVE (rebuilt schema kept: ".concat(schema, ")"));
    if (report.identical && report.schemaKept)
        console.log("rebuilt schema kept: ".concat(schema));
}
function replayCommand(argv) {
    return __awaiter(this, void 0, void 0, function () {
        var normalized, args, start, config, schema, topics, report;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    normalized = argv.map(function (a) { return (a === '--from-snapshot' ? '--from-snapshot=true' : a); });
                    args = (0, cli_args_1.parseArgs)(normalized, {
                        values: ['from-snapshot', 'schema'],
                        booleans: ['keep-schema'],
                    });
                    if (args.positional.length > 0)
                        throw new cli_args_1.UsageError("unexpected argument ".concat(args.positional[0]));
                    start = fromSnapshot(args);
                    config = (0, config_1.loadConfig)(ReplayConfig);
                    schema = (_a = (0, cli_args_1.one)(args, 'schema')) !== null && _a !== void 0 ? _a : "replay_".concat(new Date().toISOString().replace(/\D/g, '').slice(0, 14));
                    topics = (0, contracts_1.topicNames)(config.KAFKA_TOPIC_PREFIX);
                    return [4 /*yield*/, (0, replay_1.replay)({
                            kafka: (0, kafka_1.createKafka)({
                                brokers: config.KAFKA_BROKERS,
                                clientId: "".concat(config.KAFKA_CLIENT_ID, "-replay"),
                            }),
                            databaseUrl: config.DATABASE_URL,
                            liveSchema: config.DATABASE_SCHEMA,
                            key: { groupId: config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID, topic: topics.events },
                            poolsTopic: topics.pools,
                            schema: schema,
                            fromSnapshot: start,
                            keepSchema: args.options.has('keep-schema'),
                            concurrency: config.REPLAY_CONCURRENCY,
                        }).catch(function (error) {
                            throw new ReplayFailed("replay failed: ".concat(error instanceof Error ? error.stack : String(error)));
                        })];
                case 1:
                    report = _b.sent();
                    print(report, schema);
                    return [2 /*return*/, report.identical ? cli_args_1.EXIT.ok : cli_args_1.EXIT.failed];
            }
        });
    });
}
function isReplayFailure(error) {
    return error instanceof ReplayFailed;
}
