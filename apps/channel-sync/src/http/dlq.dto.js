"use strict";
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
exports.ReplayBody = exports.DlqListQuery = exports.ChannelParams = exports.INPUT_DLQ = void 0;
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
var contracts_1 = require("@stockflow/contracts");
var dead_letter_store_1 = require("../dlq/dead-letter-store");
/** Path alias of the dead letters that belong to no channel: poison messages of the input topic. */
exports.INPUT_DLQ = '_input';
var ChannelParams = function () {
    var _a;
    var _channel_decorators;
    var _channel_initializers = [];
    var _channel_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ChannelParams() {
                this.channel = __runInitializers(this, _channel_initializers, void 0);
                __runInitializers(this, _channel_extraInitializers);
            }
            return ChannelParams;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _channel_decorators = [(0, class_validator_1.Matches)(/^([a-z0-9][a-z0-9_-]{0,31}|_input)$/, { message: 'channel must be a channel name or _input' })];
            __esDecorate(null, null, _channel_decorators, { kind: "field", name: "channel", static: false, private: false, access: { has: function (obj) { return "channel" in obj; }, get: function (obj) { return obj.channel; }, set: function (obj, value) { obj.channel = value; } }, metadata: _metadata }, _channel_initializers, _channel_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelParams = ChannelParams;
var DlqListQuery = function () {
    var _a;
    var _status_decorators;
    var _status_initializers = [];
    var _status_extraInitializers = [];
    var _limit_decorators;
    var _limit_initializers = [];
    var _limit_extraInitializers = [];
    var _before_decorators;
    var _before_initializers = [];
    var _before_extraInitializers = [];
    return _a = /** @class */ (function () {
            function DlqListQuery() {
                /** `dead` (default: not replayed yet), another status, or `all`. */
                this.status = __runInitializers(this, _status_initializers, void 0);
                this.limit = (__runInitializers(this, _status_extraInitializers), __runInitializers(this, _limit_initializers, void 0));
                /** Id cursor: entries older than it (from `nextBefore` of the previous page). */
                this.before = (__runInitializers(this, _limit_extraInitializers), __runInitializers(this, _before_initializers, void 0));
                __runInitializers(this, _before_extraInitializers);
            }
            return DlqListQuery;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _status_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsIn)(__spreadArray(__spreadArray([], dead_letter_store_1.REPLAY_STATUSES, true), ['all'], false), { message: "status must be one of: ".concat(__spreadArray(__spreadArray([], dead_letter_store_1.REPLAY_STATUSES, true), ['all'], false).join(', ')) })];
            _limit_decorators = [(0, class_validator_1.IsOptional)(), (0, class_transformer_1.Type)(function () { return Number; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(500)];
            _before_decorators = [(0, class_validator_1.IsOptional)(), (0, class_transformer_1.Type)(function () { return Number; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1)];
            __esDecorate(null, null, _status_decorators, { kind: "field", name: "status", static: false, private: false, access: { has: function (obj) { return "status" in obj; }, get: function (obj) { return obj.status; }, set: function (obj, value) { obj.status = value; } }, metadata: _metadata }, _status_initializers, _status_extraInitializers);
            __esDecorate(null, null, _limit_decorators, { kind: "field", name: "limit", static: false, private: false, access: { has: function (obj) { return "limit" in obj; }, get: function (obj) { return obj.limit; }, set: function (obj, value) { obj.limit = value; } }, metadata: _metadata }, _limit_initializers, _limit_extraInitializers);
            __esDecorate(null, null, _before_decorators, { kind: "field", name: "before", static: false, private: false, access: { has: function (obj) { return "before" in obj; }, get: function (obj) { return obj.before; }, set: function (obj, value) { obj.before = value; } }, metadata: _metadata }, _before_initializers, _before_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.DlqListQuery = DlqListQuery;
var ReplayBody = function () {
    var _a;
    var _skus_decorators;
    var _skus_initializers = [];
    var _skus_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ReplayBody() {
                /** Only these SKUs' dead letters; all of the channel's when absent. */
                this.skus = __runInitializers(this, _skus_initializers, void 0);
                __runInitializers(this, _skus_extraInitializers);
            }
            return ReplayBody;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _skus_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsArray)(), (0, class_validator_1.ArrayMinSize)(1), (0, class_validator_1.ArrayMaxSize)(10000), (0, class_validator_1.Matches)(contracts_1.SKU_PATTERN, { each: true, message: 'each sku must match ^[A-Za-z0-9._-]{1,64}$' })];
            __esDecorate(null, null, _skus_decorators, { kind: "field", name: "skus", static: false, private: false, access: { has: function (obj) { return "skus" in obj; }, get: function (obj) { return obj.skus; }, set: function (obj, value) { obj.skus = value; } }, metadata: _metadata }, _skus_initializers, _skus_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ReplayBody = ReplayBody;
