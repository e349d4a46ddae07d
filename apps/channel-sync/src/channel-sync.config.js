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
exports.ChannelSyncConfig = void 0;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var ChannelSyncConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithChannelTokens)((0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.HttpEnv)));
    var _CHANNELS_FILE_decorators;
    var _CHANNELS_FILE_initializers = [];
    var _CHANNELS_FILE_extraInitializers = [];
    var _CHANNEL_SYNC_GROUP_ID_decorators;
    var _CHANNEL_SYNC_GROUP_ID_initializers = [];
    var _CHANNEL_SYNC_GROUP_ID_extraInitializers = [];
    var _CHANNEL_CONCURRENCY_decorators;
    var _CHANNEL_CONCURRENCY_initializers = [];
    var _CHANNEL_CONCURRENCY_extraInitializers = [];
    var _CHANNEL_REQUEST_TIMEOUT_MS_decorators;
    var _CHANNEL_REQUEST_TIMEOUT_MS_initializers = [];
    var _CHANNEL_REQUEST_TIMEOUT_MS_extraInitializers = [];
    var _CHANNEL_RETRY_MAX_ATTEMPTS_decorators;
    var _CHANNEL_RETRY_MAX_ATTEMPTS_initializers = [];
    var _CHANNEL_RETRY_MAX_ATTEMPTS_extraInitializers = [];
    var _CHANNEL_RETRY_BASE_MS_decorators;
    var _CHANNEL_RETRY_BASE_MS_initializers = [];
    var _CHANNEL_RETRY_BASE_MS_extraInitializers = [];
    var _CHANNEL_RETRY_MAX_MS_decorators;
    var _CHANNEL_RETRY_MAX_MS_initializers = [];
    var _CHANNEL_RETRY_MAX_MS_extraInitializers = [];
    var _CHANNEL_RESEND_PER_SECOND_decorators;
    var _CHANNEL_RESEND_PER_SECOND_initializers = [];
    var _CHANNEL_RESEND_PER_SECOND_extraInitializers = [];
    var _CHANNEL_COMMIT_INTERVAL_MS_decorators;
    var _CHANNEL_COMMIT_INTERVAL_MS_initializers = [];
    var _CHANNEL_COMMIT_INTERVAL_MS_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(ChannelSyncConfig, _super);
            function ChannelSyncConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.PORT = 3003;
                /** JSON array of channels (see docs/channel-sync.md); relative paths start at the working directory. */
                _this.CHANNELS_FILE = __runInitializers(_this, _CHANNELS_FILE_initializers, 'config/channels.dev.json');
                /** Prefix of the consumer groups: `<prefix><group>.<channel>`, `.input` (poison guard) and `.dlq-index`. */
                _this.CHANNEL_SYNC_GROUP_ID = (__runInitializers(_this, _CHANNELS_FILE_extraInitializers), __runInitializers(_this, _CHANNEL_SYNC_GROUP_ID_initializers, 'stockflow-channel-sync'));
                // Defaults of every channel; a channel's entry in CHANNELS_FILE may override each.
                /** Sends in flight per channel (to different SKUs). */
                _this.CHANNEL_CONCURRENCY = (__runInitializers(_this, _CHANNEL_SYNC_GROUP_ID_extraInitializers), __runInitializers(_this, _CHANNEL_CONCURRENCY_initializers, 32));
                /** One send's deadline (connect, headers and body each). */
                _this.CHANNEL_REQUEST_TIMEOUT_MS = (__runInitializers(_this, _CHANNEL_CONCURRENCY_extraInitializers), __runInitializers(_this, _CHANNEL_REQUEST_TIMEOUT_MS_initializers, 10000));
                /** Sends of an update before it is dead-lettered (the defaults retry for about a minute and a half). */
                _this.CHANNEL_RETRY_MAX_ATTEMPTS = (__runInitializers(_this, _CHANNEL_REQUEST_TIMEOUT_MS_extraInitializers), __runInitializers(_this, _CHANNEL_RETRY_MAX_ATTEMPTS_initializers, 10));
                _this.CHANNEL_RETRY_BASE_MS = (__runInitializers(_this, _CHANNEL_RETRY_MAX_ATTEMPTS_extraInitializers), __runInitializers(_this, _CHANNEL_RETRY_BASE_MS_initializers, 250));
                _this.CHANNEL_RETRY_MAX_MS = (__runInitializers(_this, _CHANNEL_RETRY_BASE_MS_extraInitializers), __runInitializers(_this, _CHANNEL_RETRY_MAX_MS_initializers, 30000));
                /** SKUs per second a re-send after a pool change offers to each channel (it also waits for the channel to be idle). */
                _this.CHANNEL_RESEND_PER_SECOND = (__runInitializers(_this, _CHANNEL_RETRY_MAX_MS_extraInitializers), __runInitializers(_this, _CHANNEL_RESEND_PER_SECOND_initializers, 500));
                /** How often delivered input offsets are committed: the most a restart sends again. */
                _this.CHANNEL_COMMIT_INTERVAL_MS = (__runInitializers(_this, _CHANNEL_RESEND_PER_SECOND_extraInitializers), __runInitializers(_this, _CHANNEL_COMMIT_INTERVAL_MS_initializers, 500));
                __runInitializers(_this, _CHANNEL_COMMIT_INTERVAL_MS_extraInitializers);
                return _this;
            }
            return ChannelSyncConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _CHANNELS_FILE_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.MinLength)(1)];
            _CHANNEL_SYNC_GROUP_ID_decorators = [(0, class_validator_1.IsString)()];
            _CHANNEL_CONCURRENCY_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(256)];
            _CHANNEL_REQUEST_TIMEOUT_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(100), (0, class_validator_1.Max)(120000)];
            _CHANNEL_RETRY_MAX_ATTEMPTS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(1000000)];
            _CHANNEL_RETRY_BASE_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(600000)];
            _CHANNEL_RETRY_MAX_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(3600000)];
            _CHANNEL_RESEND_PER_SECOND_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(100000)];
            _CHANNEL_COMMIT_INTERVAL_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(10), (0, class_validator_1.Max)(60000)];
            __esDecorate(null, null, _CHANNELS_FILE_decorators, { kind: "field", name: "CHANNELS_FILE", static: false, private: false, access: { has: function (obj) { return "CHANNELS_FILE" in obj; }, get: function (obj) { return obj.CHANNELS_FILE; }, set: function (obj, value) { obj.CHANNELS_FILE = value; } }, metadata: _metadata }, _CHANNELS_FILE_initializers, _CHANNELS_FILE_extraInitializers);
            __esDecorate(null, null, _CHANNEL_SYNC_GROUP_ID_decorators, { kind: "field", name: "CHANNEL_SYNC_GROUP_ID", static: false, private: false, access: { has: function (obj) { return "CHANNEL_SYNC_GROUP_ID" in obj; }, get: function (obj) { return obj.CHANNEL_SYNC_GROUP_ID; }, set: function (obj, value) { obj.CHANNEL_SYNC_GROUP_ID = value; } }, metadata: _metadata }, _CHANNEL_SYNC_GROUP_ID_initializers, _CHANNEL_SYNC_GROUP_ID_extraInitializers);
            __esDecorate(null, null, _CHANNEL_CONCURRENCY_decorators, { kind: "field", name: "CHANNEL_CONCURRENCY", static: false, private: false, access: { has: function (obj) { return "CHANNEL_CONCURRENCY" in obj; }, get: function (obj) { return obj.CHANNEL_CONCURRENCY; }, set: function (obj, value) { obj.CHANNEL_CONCURRENCY = value; } }, metadata: _metadata }, _CHANNEL_CONCURRENCY_initializers, _CHANNEL_CONCURRENCY_extraInitializers);
            __esDecorate(null, null, _CHANNEL_REQUEST_TIMEOUT_MS_decorators, { kind: "field", name: "CHANNEL_REQUEST_TIMEOUT_MS", static: false, private: false, access: { has: function (obj) { return "CHANNEL_REQUEST_TIMEOUT_MS" in obj; }, get: function (obj) { return obj.CHANNEL_REQUEST_TIMEOUT_MS; }, set: function (obj, value) { obj.CHANNEL_REQUEST_TIMEOUT_MS = value; } }, metadata: _metadata }, _CHANNEL_REQUEST_TIMEOUT_MS_initializers, _CHANNEL_REQUEST_TIMEOUT_MS_extraInitializers);
            __esDecorate(null, null, _CHANNEL_RETRY_MAX_ATTEMPTS_decorators, { kind: "field", name: "CHANNEL_RETRY_MAX_ATTEMPTS", static: false, private: false, access: { has: function (obj) { return "CHANNEL_RETRY_MAX_ATTEMPTS" in obj; }, get: function (obj) { return obj.CHANNEL_RETRY_MAX_ATTEMPTS; }, set: function (obj, value) { obj.CHANNEL_RETRY_MAX_ATTEMPTS = value; } }, metadata: _metadata }, _CHANNEL_RETRY_MAX_ATTEMPTS_initializers, _CHANNEL_RETRY_MAX_ATTEMPTS_extraInitializers);
            __esDecorate(null, null, _CHANNEL_RETRY_BASE_MS_decorators, { kind: "field", name: "CHANNEL_RETRY_BASE_MS", static: false, private: false, access: { has: function (obj) { return "CHANNEL_RETRY_BASE_MS" in obj; }, get: function (obj) { return obj.CHANNEL_RETRY_BASE_MS; }, set: function (obj, value) { obj.CHANNEL_RETRY_BASE_MS = value; } }, metadata: _metadata }, _CHANNEL_RETRY_BASE_MS_initializers, _CHANNEL_RETRY_BASE_MS_extraInitializers);
            __esDecorate(null, null, _CHANNEL_RETRY_MAX_MS_decorators, { kind: "field", name: "CHANNEL_RETRY_MAX_MS", static: false, private: false, access: { has: function (obj) { return "CHANNEL_RETRY_MAX_MS" in obj; }, get: function (obj) { return obj.CHANNEL_RETRY_MAX_MS; }, set: function (obj, value) { obj.CHANNEL_RETRY_MAX_MS = value; } }, metadata: _metadata }, _CHANNEL_RETRY_MAX_MS_initializers, _CHANNEL_RETRY_MAX_MS_extraInitializers);
            __esDecorate(null, null, _CHANNEL_RESEND_PER_SECOND_decorators, { kind: "field", name: "CHANNEL_RESEND_PER_SECOND", static: false, private: false, access: { has: function (obj) { return "CHANNEL_RESEND_PER_SECOND" in obj; }, get: function (obj) { return obj.CHANNEL_RESEND_PER_SECOND; }, set: function (obj, value) { obj.CHANNEL_RESEND_PER_SECOND = value; } }, metadata: _metadata }, _CHANNEL_RESEND_PER_SECOND_initializers, _CHANNEL_RESEND_PER_SECOND_extraInitializers);
            __esDecorate(null, null, _CHANNEL_COMMIT_INTERVAL_MS_decorators, { kind: "field", name: "CHANNEL_COMMIT_INTERVAL_MS", static: false, private: false, access: { has: function (obj) { return "CHANNEL_COMMIT_INTERVAL_MS" in obj; }, get: function (obj) { return obj.CHANNEL_COMMIT_INTERVAL_MS; }, set: function (obj, value) { obj.CHANNEL_COMMIT_INTERVAL_MS = value; } }, metadata: _metadata }, _CHANNEL_COMMIT_INTERVAL_MS_initializers, _CHANNEL_COMMIT_INTERVAL_MS_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelSyncConfig = ChannelSyncConfig;
