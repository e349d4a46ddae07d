"use strict";
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
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
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OpsController = void 0;
var common_1 = require("@nestjs/common");
var swagger_1 = require("@nestjs/swagger");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
var proxied_api_dto_1 = require("../docs/proxied-api.dto");
var ops_api_dto_1 = require("../docs/ops-api.dto");
/**
 * Operator endpoints behind the console: operator tokens only (a channel token
 * gets 403, none 401). Each answers one console section and is cheap enough
 * to poll every few seconds.
 */
var OpsController = function () {
    var _classDecorators = [(0, swagger_1.ApiTags)('operator'), (0, swagger_1.ApiBearerAuth)(), (0, common_1.Controller)('v1/ops'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard), (0, service_kit_1.AllowAccess)('operator')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _session_decorators;
    var _services_decorators;
    var _consumerLag_decorators;
    var _deadLetterSummary_decorators;
    var _orders_decorators;
    var OpsController = _classThis = /** @class */ (function () {
        function OpsController_1(health, lag, deadLetters, db) {
            this.health = (__runInitializers(this, _instanceExtraInitializers), health);
            this.lag = lag;
            this.deadLetters = deadLetters;
            this.db = db;
        }
        /** The console's sign-in check: 200 only for an operator token. */
        OpsController_1.prototype.session = function () {
            return { role: 'operator' };
        };
        OpsController_1.prototype.services = function () {
            return __awaiter(this, void 0, void 0, function () {
                var _a;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            _a = {};
                            return [4 /*yield*/, this.health.all()];
                        case 1: return [2 /*return*/, (_a.services = _b.sent(), _a)];
                    }
                });
            });
        };
        OpsController_1.prototype.consumerLag = function () {
            return __awaiter(this, void 0, void 0, function () {
                var _a;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            _a = {};
                            return [4 /*yield*/, this.lag.read()];
                        case 1: return [2 /*return*/, (_a.partitions = _b.sent(), _a)];
                    }
                });
            });
        };
        OpsController_1.prototype.deadLetterSummary = function (authorization) {
            return this.deadLetters.read(authorization);
        };
        OpsController_1.prototype.orders = function (query) {
            var _a;
            return (0, persistence_1.countOrdersByStatus)(this.db, (_a = query.minutes) !== null && _a !== void 0 ? _a : 15);
        };
        return OpsController_1;
    }());
    __setFunctionName(_classThis, "OpsController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _session_decorators = [(0, common_1.Get)('session'), (0, swagger_1.ApiOperation)({
                summary: 'Whether the token is an operator token (the console signs in with it)',
            }), (0, swagger_1.ApiOkResponse)({ type: ops_api_dto_1.SessionDto })];
        _services_decorators = [(0, common_1.Get)('services'), (0, swagger_1.ApiOperation)({ summary: 'Readiness of every service (GET /health/ready of each)' }), (0, swagger_1.ApiOkResponse)({ type: ops_api_dto_1.ServicesDto })];
        _consumerLag_decorators = [(0, common_1.Get)('consumer-lag'), (0, swagger_1.ApiOperation)({ summary: 'Lag of every Stockflow consumer group, per partition' }), (0, swagger_1.ApiOkResponse)({ type: ops_api_dto_1.ConsumerLagPageDto })];
        _deadLetterSummary_decorators = [(0, common_1.Get)('dead-letters'), (0, swagger_1.ApiOperation)({ summary: "Every channel's dead-letter depth and newest entries" }), (0, swagger_1.ApiOkResponse)({ type: proxied_api_dto_1.DeadLetterSummaryDto })];
        _orders_decorators = [(0, common_1.Get)('orders'), (0, swagger_1.ApiOperation)({ summary: 'Orders created in the last minutes, by status now' }), (0, swagger_1.ApiOkResponse)({ type: ops_api_dto_1.OrdersWindowDto })];
        __esDecorate(_classThis, null, _session_decorators, { kind: "method", name: "session", static: false, private: false, access: { has: function (obj) { return "session" in obj; }, get: function (obj) { return obj.session; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _services_decorators, { kind: "method", name: "services", static: false, private: false, access: { has: function (obj) { return "services" in obj; }, get: function (obj) { return obj.services; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _consumerLag_decorators, { kind: "method", name: "consumerLag", static: false, private: false, access: { has: function (obj) { return "consumerLag" in obj; }, get: function (obj) { return obj.consumerLag; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _deadLetterSummary_decorators, { kind: "method", name: "deadLetterSummary", static: false, private: false, access: { has: function (obj) { return "deadLetterSummary" in obj; }, get: function (obj) { return obj.deadLetterSummary; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _orders_decorators, { kind: "method", name: "orders", static: false, private: false, access: { has: function (obj) { return "orders" in obj; }, get: function (obj) { return obj.orders; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        OpsController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return OpsController = _classThis;
}();
exports.OpsController = OpsController;
