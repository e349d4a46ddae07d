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
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpEnv = exports.BaseEnv = void 0;
exports.WithKafka = WithKafka;
exports.WithDatabase = WithDatabase;
exports.WithRedis = WithRedis;
exports.WithChannelTokens = WithChannelTokens;
var class_validator_1 = require("class-validator");
var BaseEnv = function () {
    var _a;
    var _LOG_LEVEL_decorators;
    var _LOG_LEVEL_initializers = [];
    var _LOG_LEVEL_extraInitializers = [];
    var _SHUTDOWN_TIMEOUT_SECONDS_decorators;
    var _SHUTDOWN_TIMEOUT_SECONDS_initializers = [];
    var _SHUTDOWN_TIMEOUT_SECONDS_extraInitializers = [];
    return _a = /** @class */ (function () {
            function BaseEnv() {
                this.LOG_LEVEL = __runInitializers(this, _LOG_LEVEL_initializers, 'info');
                this.SHUTDOWN_TIMEOUT_SECONDS = (__runInitializers(this, _LOG_LEVEL_extraInitializers), __runInitializers(this, _SHUTDOWN_TIMEOUT_SECONDS_initializers, 20));
                __runInitializers(this, _SHUTDOWN_TIMEOUT_SECONDS_extraInitializers);
            }
            return BaseEnv;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _LOG_LEVEL_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(/^(debug|info|warn|error)$/, { message: 'LOG_LEVEL must be debug, info, warn or error' })];
            _SHUTDOWN_TIMEOUT_SECONDS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(120)];
            __esDecorate(null, null, _LOG_LEVEL_decorators, { kind: "field", name: "LOG_LEVEL", static: false, private: false, access: { has: function (obj) { return "LOG_LEVEL" in obj; }, get: function (obj) { return obj.LOG_LEVEL; }, set: function (obj, value) { obj.LOG_LEVEL = value; } }, metadata: _metadata }, _LOG_LEVEL_initializers, _LOG_LEVEL_extraInitializers);
            __esDecorate(null, null, _SHUTDOWN_TIMEOUT_SECONDS_decorators, { kind: "field", name: "SHUTDOWN_TIMEOUT_SECONDS", static: false, private: false, access: { has: function (obj) { return "SHUTDOWN_TIMEOUT_SECONDS" in obj; }, get: function (obj) { return obj.SHUTDOWN_TIMEOUT_SECONDS; }, set: function (obj, value) { obj.SHUTDOWN_TIMEOUT_SECONDS = value; } }, metadata: _metadata }, _SHUTDOWN_TIMEOUT_SECONDS_initializers, _SHUTDOWN_TIMEOUT_SECONDS_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.BaseEnv = BaseEnv;
var HttpEnv = function () {
    var _a;
    var _classSuper = BaseEnv;
    var _PORT_decorators;
    var _PORT_initializers = [];
    var _PORT_extraInitializers = [];
    var _METRICS_REFRESH_MS_decorators;
    var _METRICS_REFRESH_MS_initializers = [];
    var _METRICS_REFRESH_MS_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(HttpEnv, _super);
            function HttpEnv() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.PORT = __runInitializers(_this, _PORT_initializers, 3000);
                /** Pause between refreshes of the gauges read from elsewhere (consumer lag, DLQ and outbox depth). */
                _this.METRICS_REFRESH_MS = (__runInitializers(_this, _PORT_extraInitializers), __runInitializers(_this, _METRICS_REFRESH_MS_initializers, 5000));
                __runInitializers(_this, _METRICS_REFRESH_MS_extraInitializers);
                return _this;
            }
            return HttpEnv;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _PORT_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(65535)];
            _METRICS_REFRESH_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(100), (0, class_validator_1.Max)(300000)];
            __esDecorate(null, null, _PORT_decorators, { kind: "field", name: "PORT", static: false, private: false, access: { has: function (obj) { return "PORT" in obj; }, get: function (obj) { return obj.PORT; }, set: function (obj, value) { obj.PORT = value; } }, metadata: _metadata }, _PORT_initializers, _PORT_extraInitializers);
            __esDecorate(null, null, _METRICS_REFRESH_MS_decorators, { kind: "field", name: "METRICS_REFRESH_MS", static: false, private: false, access: { has: function (obj) { return "METRICS_REFRESH_MS" in obj; }, get: function (obj) { return obj.METRICS_REFRESH_MS; }, set: function (obj, value) { obj.METRICS_REFRESH_MS = value; } }, metadata: _metadata }, _METRICS_REFRESH_MS_initializers, _METRICS_REFRESH_MS_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.HttpEnv = HttpEnv;
function WithKafka(Base) {
    var KafkaEnv = function () {
        var _a;
        var _classSuper = Base;
        var _KAFKA_BROKERS_decorators;
        var _KAFKA_BROKERS_initializers = [];
        var _KAFKA_BROKERS_extraInitializers = [];
        var _KAFKA_TOPIC_PREFIX_decorators;
        var _KAFKA_TOPIC_PREFIX_initializers = [];
        var _KAFKA_TOPIC_PREFIX_extraInitializers = [];
        var _KAFKA_CLIENT_ID_decorators;
        var _KAFKA_CLIENT_ID_initializers = [];
        var _KAFKA_CLIENT_ID_extraInitializers = [];
        return _a = /** @class */ (function (_super) {
                __extends(KafkaEnv, _super);
                function KafkaEnv() {
                    var _this = _super !== null && _super.apply(this, arguments) || this;
                    _this.KAFKA_BROKERS = __runInitializers(_this, _KAFKA_BROKERS_initializers, '127.0.0.1:9092');
                    /** Lets tests and parallel environments share one broker; empty in production. */
                    _this.KAFKA_TOPIC_PREFIX = (__runInitializers(_this, _KAFKA_BROKERS_extraInitializers), __runInitializers(_this, _KAFKA_TOPIC_PREFIX_initializers, ''));
                    _this.KAFKA_CLIENT_ID = (__runInitializers(_this, _KAFKA_TOPIC_PREFIX_extraInitializers), __runInitializers(_this, _KAFKA_CLIENT_ID_initializers, 'stockflow'));
                    __runInitializers(_this, _KAFKA_CLIENT_ID_extraInitializers);
                    return _this;
                }
                return KafkaEnv;
            }(_classSuper)),
            (function () {
                var _b;
                var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
                _KAFKA_BROKERS_decorators = [(0, class_validator_1.Matches)(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })];
                _KAFKA_TOPIC_PREFIX_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.Matches)(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold only a-z, 0-9, . _ -' })];
                _KAFKA_CLIENT_ID_decorators = [(0, class_validator_1.IsString)()];
                __esDecorate(null, null, _KAFKA_BROKERS_decorators, { kind: "field", name: "KAFKA_BROKERS", static: false, private: false, access: { has: function (obj) { return "KAFKA_BROKERS" in obj; }, get: function (obj) { return obj.KAFKA_BROKERS; }, set: function (obj, value) { obj.KAFKA_BROKERS = value; } }, metadata: _metadata }, _KAFKA_BROKERS_initializers, _KAFKA_BROKERS_extraInitializers);
                __esDecorate(null, null, _KAFKA_TOPIC_PREFIX_decorators, { kind: "field", name: "KAFKA_TOPIC_PREFIX", static: false, private: false, access: { has: function (obj) { return "KAFKA_TOPIC_PREFIX" in obj; }, get: function (obj) { return obj.KAFKA_TOPIC_PREFIX; }, set: function (obj, value) { obj.KAFKA_TOPIC_PREFIX = value; } }, metadata: _metadata }, _KAFKA_TOPIC_PREFIX_initializers, _KAFKA_TOPIC_PREFIX_extraInitializers);
                __esDecorate(null, null, _KAFKA_CLIENT_ID_decorators, { kind: "field", name: "KAFKA_CLIENT_ID", static: false, private: false, access: { has: function (obj) { return "KAFKA_CLIENT_ID" in obj; }, get: function (obj) { return obj.KAFKA_CLIENT_ID; }, set: function (obj, value) { obj.KAFKA_CLIENT_ID = value; } }, metadata: _metadata }, _KAFKA_CLIENT_ID_initializers, _KAFKA_CLIENT_ID_extraInitializers);
                if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
            })(),
            _a;
    }();
    return KafkaEnv;
}
function WithDatabase(Base) {
    var DatabaseEnv = function () {
        var _a;
        var _classSuper = Base;
        var _DATABASE_URL_decorators;
        var _DATABASE_URL_initializers = [];
        var _DATABASE_URL_extraInitializers = [];
        var _DATABASE_POOL_SIZE_decorators;
        var _DATABASE_POOL_SIZE_initializers = [];
        var _DATABASE_POOL_SIZE_extraInitializers = [];
        return _a = /** @class */ (function (_super) {
                __extends(DatabaseEnv, _super);
                function DatabaseEnv() {
                    var _this = _super !== null && _super.apply(this, arguments) || this;
                    _this.DATABASE_URL = __runInitializers(_this, _DATABASE_URL_initializers, 'postgres://postgres@127.0.0.1:5432/stockflow'); // development default
                    _this.DATABASE_POOL_SIZE = (__runInitializers(_this, _DATABASE_URL_extraInitializers), __runInitializers(_this, _DATABASE_POOL_SIZE_initializers, 10));
                    __runInitializers(_this, _DATABASE_POOL_SIZE_extraInitializers);
                    return _this;
                }
                return DatabaseEnv;
            }(_classSuper)),
            (function () {
                var _b;
                var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
                _DATABASE_URL_decorators = [(0, class_validator_1.Matches)(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })];
                _DATABASE_POOL_SIZE_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(200)];
                __esDecorate(null, null, _DATABASE_URL_decorators, { kind: "field", name: "DATABASE_URL", static: false, private: false, access: { has: function (obj) { return "DATABASE_URL" in obj; }, get: function (obj) { return obj.DATABASE_URL; }, set: function (obj, value) { obj.DATABASE_URL = value; } }, metadata: _metadata }, _DATABASE_URL_initializers, _DATABASE_URL_extraInitializers);
                __esDecorate(null, null, _DATABASE_POOL_SIZE_decorators, { kind: "field", name: "DATABASE_POOL_SIZE", static: false, private: false, access: { has: function (obj) { return "DATABASE_POOL_SIZE" in obj; }, get: function (obj) { return obj.DATABASE_POOL_SIZE; }, set: function (obj, value) { obj.DATABASE_POOL_SIZE = value; } }, metadata: _metadata }, _DATABASE_POOL_SIZE_initializers, _DATABASE_POOL_SIZE_extraInitializers);
                if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
            })(),
            _a;
    }();
    return DatabaseEnv;
}
function WithRedis(Base) {
    var RedisEnv = function () {
        var _a;
        var _classSuper = Base;
        var _REDIS_URL_decorators;
        var _REDIS_URL_initializers = [];
        var _REDIS_URL_extraInitializers = [];
        var _REDIS_KEY_PREFIX_decorators;
        var _REDIS_KEY_PREFIX_initializers = [];
        var _REDIS_KEY_PREFIX_extraInitializers = [];
        return _a = /** @class */ (function (_super) {
                __extends(RedisEnv, _super);
                function RedisEnv() {
                    var _this = _super !== null && _super.apply(this, arguments) || this;
                    _this.REDIS_URL = __runInitializers(_this, _REDIS_URL_initializers, 'redis://127.0.0.1:6379/0');
                    /** Namespaces every key, so tests and environments can share one Redis. */
                    _this.REDIS_KEY_PREFIX = (__runInitializers(_this, _REDIS_URL_extraInitializers), __runInitializers(_this, _REDIS_KEY_PREFIX_initializers, 'sf:'));
                    __runInitializers(_this, _REDIS_KEY_PREFIX_extraInitializers);
                    return _this;
                }
                return RedisEnv;
            }(_classSuper)),
            (function () {
                var _b;
                var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
                _REDIS_URL_decorators = [(0, class_validator_1.Matches)(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })];
                _REDIS_KEY_PREFIX_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.Matches)(/^[a-zA-Z0-9:._-]*$/, { message: 'REDIS_KEY_PREFIX may hold only a-z, 0-9, : . _ -' })];
                __esDecorate(null, null, _REDIS_URL_decorators, { kind: "field", name: "REDIS_URL", static: false, private: false, access: { has: function (obj) { return "REDIS_URL" in obj; }, get: function (obj) { return obj.REDIS_URL; }, set: function (obj, value) { obj.REDIS_URL = value; } }, metadata: _metadata }, _REDIS_URL_initializers, _REDIS_URL_extraInitializers);
                __esDecorate(null, null, _REDIS_KEY_PREFIX_decorators, { kind: "field", name: "REDIS_KEY_PREFIX", static: false, private: false, access: { has: function (obj) { return "REDIS_KEY_PREFIX" in obj; }, get: function (obj) { return obj.REDIS_KEY_PREFIX; }, set: function (obj, value) { obj.REDIS_KEY_PREFIX = value; } }, metadata: _metadata }, _REDIS_KEY_PREFIX_initializers, _REDIS_KEY_PREFIX_extraInitializers);
                if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
            })(),
            _a;
    }();
    return RedisEnv;
}
function WithChannelTokens(Base) {
    var ChannelTokensEnv = function () {
        var _a;
        var _classSuper = Base;
        var _CHANNEL_TOKENS_decorators;
        var _CHANNEL_TOKENS_initializers = [];
        var _CHANNEL_TOKENS_extraInitializers = [];
        var _OPERATOR_TOKENS_decorators;
        var _OPERATOR_TOKENS_initializers = [];
        var _OPERATOR_TOKENS_extraInitializers = [];
        return _a = /** @class */ (function (_super) {
                __extends(ChannelTokensEnv, _super);
                function ChannelTokensEnv() {
                    var _this = _super !== null && _super.apply(this, arguments) || this;
                    _this.CHANNEL_TOKENS = __runInitializers(_this, _CHANNEL_TOKENS_initializers, 'pos:dev-pos-token,web:dev-web-token,amazon:dev-amazon-token,shopify:dev-shopify-token,3pl:dev-3pl-token'); // development default
                    /** Tokens of operators: read everything, run the operator endpoints, never write events or orders. */
                    _this.OPERATOR_TOKENS = (__runInitializers(_this, _CHANNEL_TOKENS_extraInitializers), __runInitializers(_this, _OPERATOR_TOKENS_initializers, 'dev-operator-token')); // development default
                    __runInitializers(_this, _OPERATOR_TOKENS_extraInitializers);
                    return _this;
                }
                return ChannelTokensEnv;
            }(_classSuper)),
            (function () {
                var _b;
                var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
                _CHANNEL_TOKENS_decorators = [(0, class_validator_1.Matches)(/^[a-z0-9_-]+:[^,:\s]+(,[a-z0-9_-]+:[^,:\s]+)*$/, {
                        message: 'CHANNEL_TOKENS must be channel:token[,channel:token...]',
                    })];
                _OPERATOR_TOKENS_decorators = [(0, class_validator_1.Matches)(/^[^,:\s]+(,[^,:\s]+)*$/, { message: 'OPERATOR_TOKENS must be token[,token...] (no spaces or colons)' })];
                __esDecorate(null, null, _CHANNEL_TOKENS_decorators, { kind: "field", name: "CHANNEL_TOKENS", static: false, private: false, access: { has: function (obj) { return "CHANNEL_TOKENS" in obj; }, get: function (obj) { return obj.CHANNEL_TOKENS; }, set: function (obj, value) { obj.CHANNEL_TOKENS = value; } }, metadata: _metadata }, _CHANNEL_TOKENS_initializers, _CHANNEL_TOKENS_extraInitializers);
                __esDecorate(null, null, _OPERATOR_TOKENS_decorators, { kind: "field", name: "OPERATOR_TOKENS", static: false, private: false, access: { has: function (obj) { return "OPERATOR_TOKENS" in obj; }, get: function (obj) { return obj.OPERATOR_TOKENS; }, set: function (obj, value) { obj.OPERATOR_TOKENS = value; } }, metadata: _metadata }, _OPERATOR_TOKENS_initializers, _OPERATOR_TOKENS_extraInitializers);
                if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
            })(),
            _a;
    }();
    return ChannelTokensEnv;
}
