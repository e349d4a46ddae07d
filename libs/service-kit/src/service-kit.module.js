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
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServiceKitModule = void 0;
var common_1 = require("@nestjs/common");
var channel_auth_guard_1 = require("./auth/channel-auth.guard");
var channel_tokens_1 = require("./auth/channel-tokens");
var health_controller_1 = require("./health/health.controller");
var readiness_1 = require("./health/readiness");
var default_metrics_1 = require("./metrics/default-metrics");
var metric_refresh_1 = require("./metrics/metric-refresh");
var metrics_controller_1 = require("./metrics/metrics.controller");
/** Health, readiness, metrics and channel auth: what every Stockflow service exposes. */
var ServiceKitModule = function () {
    var _classDecorators = [(0, common_1.Global)(), (0, common_1.Module)({})];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var ServiceKitModule = _classThis = /** @class */ (function () {
        function ServiceKitModule_1() {
        }
        ServiceKitModule_1.forRoot = function (options) {
            var _a, _b, _c;
            if (options === void 0) { options = {}; }
            (0, default_metrics_1.registerDefaultMetrics)();
            return {
                module: ServiceKitModule,
                controllers: [health_controller_1.HealthController, metrics_controller_1.MetricsController],
                providers: [
                    readiness_1.Readiness,
                    channel_auth_guard_1.ChannelAuthGuard,
                    { provide: channel_auth_guard_1.CHANNEL_TOKENS, useValue: (0, channel_tokens_1.parseChannelTokens)((_a = options.channelTokens) !== null && _a !== void 0 ? _a : '') },
                    { provide: channel_auth_guard_1.OPERATOR_TOKENS, useValue: (0, channel_tokens_1.parseOperatorTokens)((_b = options.operatorTokens) !== null && _b !== void 0 ? _b : '') },
                    { provide: metric_refresh_1.METRIC_REFRESH_INTERVAL_MS, useValue: (_c = options.metricsRefreshMs) !== null && _c !== void 0 ? _c : metric_refresh_1.DEFAULT_METRIC_REFRESH_MS },
                ],
                exports: [readiness_1.Readiness, channel_auth_guard_1.ChannelAuthGuard, channel_auth_guard_1.CHANNEL_TOKENS, channel_auth_guard_1.OPERATOR_TOKENS, metric_refresh_1.METRIC_REFRESH_INTERVAL_MS],
            };
        };
        return ServiceKitModule_1;
    }());
    __setFunctionName(_classThis, "ServiceKitModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        ServiceKitModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return ServiceKitModule = _classThis;
}();
exports.ServiceKitModule = ServiceKitModule;
