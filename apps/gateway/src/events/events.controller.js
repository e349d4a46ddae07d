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
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventsController = exports.MAX_WAIT_MS = exports.DEFAULT_WAIT_MS = void 0;
var common_1 = require("@nestjs/common");
var swagger_1 = require("@nestjs/swagger");
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
var service_kit_1 = require("@stockflow/service-kit");
var gateway_api_dto_1 = require("../docs/gateway-api.dto");
var event_body_1 = require("../docs/event-body");
exports.DEFAULT_WAIT_MS = 5000;
exports.MAX_WAIT_MS = 30000;
var WaitQuery = function () {
    var _a;
    var _wait_decorators;
    var _wait_initializers = [];
    var _wait_extraInitializers = [];
    var _timeoutMs_decorators;
    var _timeoutMs_initializers = [];
    var _timeoutMs_extraInitializers = [];
    return _a = /** @class */ (function () {
            function WaitQuery() {
                this.wait = __runInitializers(this, _wait_initializers, void 0);
                this.timeoutMs = (__runInitializers(this, _wait_extraInitializers), __runInitializers(this, _timeoutMs_initializers, void 0));
                __runInitializers(this, _timeoutMs_extraInitializers);
            }
            return WaitQuery;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _wait_decorators = [(0, swagger_1.ApiPropertyOptional)({ enum: ['applied'], description: 'answer once the ledger decided every event' }), (0, class_validator_1.IsOptional)(), (0, class_validator_1.Equals)('applied', { message: "wait must be 'applied'" })];
            _timeoutMs_decorators = [(0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: exports.MAX_WAIT_MS, default: exports.DEFAULT_WAIT_MS }), (0, class_validator_1.IsOptional)(), (0, class_transformer_1.Type)(function () { return Number; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(exports.MAX_WAIT_MS)];
            __esDecorate(null, null, _wait_decorators, { kind: "field", name: "wait", static: false, private: false, access: { has: function (obj) { return "wait" in obj; }, get: function (obj) { return obj.wait; }, set: function (obj, value) { obj.wait = value; } }, metadata: _metadata }, _wait_initializers, _wait_extraInitializers);
            __esDecorate(null, null, _timeoutMs_decorators, { kind: "field", name: "timeoutMs", static: false, private: false, access: { has: function (obj) { return "timeoutMs" in obj; }, get: function (obj) { return obj.timeoutMs; }, set: function (obj, value) { obj.timeoutMs = value; } }, metadata: _metadata }, _timeoutMs_initializers, _timeoutMs_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
var EventsController = function () {
    var _classDecorators = [(0, swagger_1.ApiTags)('events'), (0, swagger_1.ApiBearerAuth)(), (0, common_1.Controller)('v1/events'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard)];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _post_decorators;
    var EventsController = _classThis = /** @class */ (function () {
        function EventsController_1(ingest, results) {
            this.ingest = (__runInitializers(this, _instanceExtraInitializers), ingest);
            this.results = results;
        }
        /**
         * One event or an array of up to 1,000; 202 once they are durably in the log.
         * With `?wait=applied`: 200 with each event's outcome once the ledger decided
         * them all, or the usual 202 when `timeoutMs` runs out first.
         */
        EventsController_1.prototype.post = function (body, query, channel, reply) {
            return __awaiter(this, void 0, void 0, function () {
                var events, eventIds, decided;
                var _this = this;
                var _a;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            if (!(query.wait !== 'applied')) return [3 /*break*/, 2];
                            return [4 /*yield*/, this.ingest.ingest(body, channel)];
                        case 1:
                            events = _b.sent();
                            return [2 /*return*/, { accepted: events.length, eventIds: events.map(function (e) { return e.eventId; }) }];
                        case 2:
                            eventIds = [];
                            return [4 /*yield*/, this.results.await(this.ingest.eventIdsOf(body), (_a = query.timeoutMs) !== null && _a !== void 0 ? _a : exports.DEFAULT_WAIT_MS, function () { return __awaiter(_this, void 0, void 0, function () {
                                    return __generator(this, function (_a) {
                                        switch (_a.label) {
                                            case 0: return [4 /*yield*/, this.ingest.ingest(body, channel, this.results.instanceId)];
                                            case 1:
                                                eventIds = (_a.sent()).map(function (e) { return e.eventId; });
                                                return [2 /*return*/];
                                        }
                                    });
                                }); })];
                        case 3:
                            decided = _b.sent();
                            if (!decided)
                                return [2 /*return*/, { accepted: eventIds.length, eventIds: eventIds }];
                            reply.status(200);
                            return [2 /*return*/, {
                                    results: eventIds.map(function (id) {
                                        var _a = decided.get(id), outcome = _a.outcome, code = _a.code, reason = _a.reason, current = _a.current, version = _a.version;
                                        return __assign(__assign(__assign(__assign({ eventId: id, outcome: outcome }, (code && { code: code })), (reason && { reason: reason })), (current !== undefined && { current: current })), (version !== undefined && { version: version }));
                                    }),
                                }];
                    }
                });
            });
        };
        return EventsController_1;
    }());
    __setFunctionName(_classThis, "EventsController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _post_decorators = [(0, common_1.Post)(), (0, common_1.HttpCode)(202), (0, swagger_1.ApiOperation)({ summary: 'Append one event or up to 1,000 (all or nothing)', description: "Every event must be of the token's channel (403 otherwise). With ?wait=applied&timeoutMs=N: 200 with each event's outcome once the ledger decided them all, or 202 when the wait runs out." }), (0, swagger_1.ApiBody)((0, event_body_1.EVENTS_BODY)(1000)), (0, swagger_1.ApiResponse)({ status: 202, type: gateway_api_dto_1.EventsAcceptedDto }), (0, swagger_1.ApiResponse)({ status: 400, type: gateway_api_dto_1.ErrorDto, description: 'every field error, nothing appended' }), (0, swagger_1.ApiResponse)({ status: 413, type: gateway_api_dto_1.ErrorDto }), (0, swagger_1.ApiResponse)({ status: 200, description: '?wait=applied: {results: [{eventId, outcome: applied | duplicate | refused, reason?, version?}]}' })];
        __esDecorate(_classThis, null, _post_decorators, { kind: "method", name: "post", static: false, private: false, access: { has: function (obj) { return "post" in obj; }, get: function (obj) { return obj.post; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        EventsController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return EventsController = _classThis;
}();
exports.EventsController = EventsController;
