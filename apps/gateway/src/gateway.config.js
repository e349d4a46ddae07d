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
exports.GatewayConfig = void 0;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
var GatewayConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithChannelTokens)((0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.HttpEnv)));
    var _EVENTS_BODY_LIMIT_BYTES_decorators;
    var _EVENTS_BODY_LIMIT_BYTES_initializers = [];
    var _EVENTS_BODY_LIMIT_BYTES_extraInitializers = [];
    var _BULK_BODY_LIMIT_BYTES_decorators;
    var _BULK_BODY_LIMIT_BYTES_initializers = [];
    var _BULK_BODY_LIMIT_BYTES_extraInitializers = [];
    var _ORDERS_URL_decorators;
    var _ORDERS_URL_initializers = [];
    var _ORDERS_URL_extraInitializers = [];
    var _CHANNEL_SYNC_URL_decorators;
    var _CHANNEL_SYNC_URL_initializers = [];
    var _CHANNEL_SYNC_URL_extraInitializers = [];
    var _LEDGER_URL_decorators;
    var _LEDGER_URL_initializers = [];
    var _LEDGER_URL_extraInitializers = [];
    var _COMPACTION_URL_decorators;
    var _COMPACTION_URL_initializers = [];
    var _COMPACTION_URL_extraInitializers = [];
    var _UPSTREAM_TIMEOUT_MS_decorators;
    var _UPSTREAM_TIMEOUT_MS_initializers = [];
    var _UPSTREAM_TIMEOUT_MS_extraInitializers = [];
    var _CHANNELS_FILE_decorators;
    var _CHANNELS_FILE_initializers = [];
    var _CHANNELS_FILE_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(GatewayConfig, _super);
            function GatewayConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.PORT = 3000;
                /** Body limit of POST /v1/events (413 above it). 1,000 events of ~400 bytes fit with room to spare. */
                _this.EVENTS_BODY_LIMIT_BYTES = __runInitializers(_this, _EVENTS_BODY_LIMIT_BYTES_initializers, 1024 * 1024);
                /** Body limit of POST /v1/events/bulk: 100,000 events. */
                _this.BULK_BODY_LIMIT_BYTES = (__runInitializers(_this, _EVENTS_BODY_LIMIT_BYTES_extraInitializers), __runInitializers(_this, _BULK_BODY_LIMIT_BYTES_initializers, 64 * 1024 * 1024));
                _this.ORDERS_URL = (__runInitializers(_this, _BULK_BODY_LIMIT_BYTES_extraInitializers), __runInitializers(_this, _ORDERS_URL_initializers, 'http://127.0.0.1:3002'));
                _this.CHANNEL_SYNC_URL = (__runInitializers(_this, _ORDERS_URL_extraInitializers), __runInitializers(_this, _CHANNEL_SYNC_URL_initializers, 'http://127.0.0.1:3003'));
                /** Probed (GET /health/ready) for the operator console's Services section; nothing is proxied to them. */
                _this.LEDGER_URL = (__runInitializers(_this, _CHANNEL_SYNC_URL_extraInitializers), __runInitializers(_this, _LEDGER_URL_initializers, 'http://127.0.0.1:3001'));
                _this.COMPACTION_URL = (__runInitializers(_this, _LEDGER_URL_extraInitializers), __runInitializers(_this, _COMPACTION_URL_initializers, 'http://127.0.0.1:3004'));
                /** A proxied request whose upstream has not answered within this gets a 504 (checkout in sync mode waits on Redis only). */
                _this.UPSTREAM_TIMEOUT_MS = (__runInitializers(_this, _COMPACTION_URL_extraInitializers), __runInitializers(_this, _UPSTREAM_TIMEOUT_MS_initializers, 30000));
                /** The channels file channel-sync uses (docs/channel-sync.md): safety stock of GET /v1/channels/:channel/stock/:sku. */
                _this.CHANNELS_FILE = (__runInitializers(_this, _UPSTREAM_TIMEOUT_MS_extraInitializers), __runInitializers(_this, _CHANNELS_FILE_initializers, 'config/channels.dev.json'));
                __runInitializers(_this, _CHANNELS_FILE_extraInitializers);
                return _this;
            }
            return GatewayConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _EVENTS_BODY_LIMIT_BYTES_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1024), (0, class_validator_1.Max)(16 * 1024 * 1024)];
            _BULK_BODY_LIMIT_BYTES_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1024), (0, class_validator_1.Max)(512 * 1024 * 1024)];
            _ORDERS_URL_decorators = [(0, class_validator_1.IsUrl)(URL_OPTIONS, { message: 'ORDERS_URL must be an http(s) URL' })];
            _CHANNEL_SYNC_URL_decorators = [(0, class_validator_1.IsUrl)(URL_OPTIONS, { message: 'CHANNEL_SYNC_URL must be an http(s) URL' })];
            _LEDGER_URL_decorators = [(0, class_validator_1.IsUrl)(URL_OPTIONS, { message: 'LEDGER_URL must be an http(s) URL' })];
            _COMPACTION_URL_decorators = [(0, class_validator_1.IsUrl)(URL_OPTIONS, { message: 'COMPACTION_URL must be an http(s) URL' })];
            _UPSTREAM_TIMEOUT_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(100), (0, class_validator_1.Max)(300000)];
            _CHANNELS_FILE_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.MinLength)(1)];
            __esDecorate(null, null, _EVENTS_BODY_LIMIT_BYTES_decorators, { kind: "field", name: "EVENTS_BODY_LIMIT_BYTES", static: false, private: false, access: { has: function (obj) { return "EVENTS_BODY_LIMIT_BYTES" in obj; }, get: function (obj) { return obj.EVENTS_BODY_LIMIT_BYTES; }, set: function (obj, value) { obj.EVENTS_BODY_LIMIT_BYTES = value; } }, metadata: _metadata }, _EVENTS_BODY_LIMIT_BYTES_initializers, _EVENTS_BODY_LIMIT_BYTES_extraInitializers);
            __esDecorate(null, null, _BULK_BODY_LIMIT_BYTES_decorators, { kind: "field", name: "BULK_BODY_LIMIT_BYTES", static: false, private: false, access: { has: function (obj) { return "BULK_BODY_LIMIT_BYTES" in obj; }, get: function (obj) { return obj.BULK_BODY_LIMIT_BYTES; }, set: function (obj, value) { obj.BULK_BODY_LIMIT_BYTES = value; } }, metadata: _metadata }, _BULK_BODY_LIMIT_BYTES_initializers, _BULK_BODY_LIMIT_BYTES_extraInitializers);
            __esDecorate(null, null, _ORDERS_URL_decorators, { kind: "field", name: "ORDERS_URL", static: false, private: false, access: { has: function (obj) { return "ORDERS_URL" in obj; }, get: function (obj) { return obj.ORDERS_URL; }, set: function (obj, value) { obj.ORDERS_URL = value; } }, metadata: _metadata }, _ORDERS_URL_initializers, _ORDERS_URL_extraInitializers);
            __esDecorate(null, null, _CHANNEL_SYNC_URL_decorators, { kind: "field", name: "CHANNEL_SYNC_URL", static: false, private: false, access: { has: function (obj) { return "CHANNEL_SYNC_URL" in obj; }, get: function (obj) { return obj.CHANNEL_SYNC_URL; }, set: function (obj, value) { obj.CHANNEL_SYNC_URL = value; } }, metadata: _metadata }, _CHANNEL_SYNC_URL_initializers, _CHANNEL_SYNC_URL_extraInitializers);
            __esDecorate(null, null, _LEDGER_URL_decorators, { kind: "field", name: "LEDGER_URL", static: false, private: false, access: { has: function (obj) { return "LEDGER_URL" in obj; }, get: function (obj) { return obj.LEDGER_URL; }, set: function (obj, value) { obj.LEDGER_URL = value; } }, metadata: _metadata }, _LEDGER_URL_initializers, _LEDGER_URL_extraInitializers);
            __esDecorate(null, null, _COMPACTION_URL_decorators, { kind: "field", name: "COMPACTION_URL", static: false, private: false, access: { has: function (obj) { return "COMPACTION_URL" in obj; }, get: function (obj) { return obj.COMPACTION_URL; }, set: function (obj, value) { obj.COMPACTION_URL = value; } }, metadata: _metadata }, _COMPACTION_URL_initializers, _COMPACTION_URL_extraInitializers);
            __esDecorate(null, null, _UPSTREAM_TIMEOUT_MS_decorators, { kind: "field", name: "UPSTREAM_TIMEOUT_MS", static: false, private: false, access: { has: function (obj) { return "UPSTREAM_TIMEOUT_MS" in obj; }, get: function (obj) { return obj.UPSTREAM_TIMEOUT_MS; }, set: function (obj, value) { obj.UPSTREAM_TIMEOUT_MS = value; } }, metadata: _metadata }, _UPSTREAM_TIMEOUT_MS_initializers, _UPSTREAM_TIMEOUT_MS_extraInitializers);
            __esDecorate(null, null, _CHANNELS_FILE_decorators, { kind: "field", name: "CHANNELS_FILE", static: false, private: false, access: { has: function (obj) { return "CHANNELS_FILE" in obj; }, get: function (obj) { return obj.CHANNELS_FILE; }, set: function (obj, value) { obj.CHANNELS_FILE = value; } }, metadata: _metadata }, _CHANNELS_FILE_initializers, _CHANNELS_FILE_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.GatewayConfig = GatewayConfig;
