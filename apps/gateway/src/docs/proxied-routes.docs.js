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
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
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
exports.ProxiedRoutesDocsModule = void 0;
var common_1 = require("@nestjs/common");
var swagger_1 = require("@nestjs/swagger");
var gateway_api_dto_1 = require("./gateway-api.dto");
var proxied_api_dto_1 = require("./proxied-api.dto");
/*
 * The routes the gateway forwards to orders and channel-sync, declared as Nest
 * controllers so @nestjs/swagger documents them like the gateway's own. They
 * live in a module only the docs builder instantiates (never mounted: the
 * reverse proxy serves these paths), hence the handlers that never run.
 */
var proxied = function () {
    throw new common_1.NotImplementedException('documentation only: the gateway proxies this route');
};
var errors = [401, 403, 404, 502, 504].map(function (status) { return (0, swagger_1.ApiResponse)({ status: status, type: gateway_api_dto_1.ErrorDto }); });
var apply = function () {
    var decorators = [];
    for (var _i = 0; _i < arguments.length; _i++) {
        decorators[_i] = arguments[_i];
    }
    return function (target, key, descriptor) {
        for (var _i = 0, decorators_1 = decorators; _i < decorators_1.length; _i++) {
            var d = decorators_1[_i];
            d(target, key, descriptor);
        }
    };
};
var OrdersDocs = function () {
    var _classDecorators = [(0, swagger_1.ApiTags)('orders (proxied to orders)'), (0, swagger_1.ApiBearerAuth)(), (0, common_1.Controller)('v1/orders')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _place_decorators;
    var _get_decorators;
    var OrdersDocs = _classThis = /** @class */ (function () {
        function OrdersDocs_1() {
            __runInitializers(this, _instanceExtraInitializers);
        }
        OrdersDocs_1.prototype.place = function (_body) {
            return proxied();
        };
        OrdersDocs_1.prototype.get = function (_orderId) {
            return proxied();
        };
        return OrdersDocs_1;
    }());
    __setFunctionName(_classThis, "OrdersDocs");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _place_decorators = [(0, common_1.Post)(), (0, swagger_1.ApiOperation)({
                summary: "Place an order for the token's channel",
                description: 'Async mode: 202 received, decided later. Sync mode: 201 pending or 409 rejected (out_of_stock, nothing reserved).',
            }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 202, type: proxied_api_dto_1.OrderDto }),
                (0, swagger_1.ApiResponse)({ status: 201, type: proxied_api_dto_1.OrderDto }),
                (0, swagger_1.ApiResponse)({ status: 409, type: proxied_api_dto_1.OrderDto }),
                (0, swagger_1.ApiResponse)({ status: 400, type: gateway_api_dto_1.ErrorDto })], errors, false))];
        _get_decorators = [(0, common_1.Get)(':orderId'), (0, swagger_1.ApiOperation)({ summary: "An order of the token's channel (others are 404)" }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 200, type: proxied_api_dto_1.OrderDto })], errors, false))];
        __esDecorate(_classThis, null, _place_decorators, { kind: "method", name: "place", static: false, private: false, access: { has: function (obj) { return "place" in obj; }, get: function (obj) { return obj.place; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _get_decorators, { kind: "method", name: "get", static: false, private: false, access: { has: function (obj) { return "get" in obj; }, get: function (obj) { return obj.get; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        OrdersDocs = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return OrdersDocs = _classThis;
}();
var CartsDocs = function () {
    var _classDecorators = [(0, swagger_1.ApiTags)('carts (proxied to orders)'), (0, swagger_1.ApiBearerAuth)(), (0, common_1.Controller)('v1/carts')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _hold_decorators;
    var _cancel_decorators;
    var CartsDocs = _classThis = /** @class */ (function () {
        function CartsDocs_1() {
            __runInitializers(this, _instanceExtraInitializers);
        }
        CartsDocs_1.prototype.hold = function (_cartId, _body) {
            return proxied();
        };
        CartsDocs_1.prototype.cancel = function (_cartId) {
            return proxied();
        };
        return CartsDocs_1;
    }());
    __setFunctionName(_classThis, "CartsDocs");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _hold_decorators = [(0, common_1.Post)(':cartId/holds'), (0, swagger_1.ApiOperation)({
                summary: 'Hold stock for a cart for CART_HOLD_TTL_SECONDS',
                description: "Replaces the cart's previous hold of that sku. 409 when not enough stock.",
            }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 201, type: proxied_api_dto_1.HoldViewDto }),
                (0, swagger_1.ApiResponse)({ status: 409, type: gateway_api_dto_1.ErrorDto }),
                (0, swagger_1.ApiResponse)({ status: 400, type: gateway_api_dto_1.ErrorDto })], errors, false))];
        _cancel_decorators = [(0, common_1.Delete)(':cartId'), (0, swagger_1.ApiOperation)({
                summary: 'Cancel a cart: release all its holds',
                description: 'No body; a Content-Type: application/json header without a body is accepted.',
            }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 200, type: proxied_api_dto_1.CartCancelledDto })], errors, false))];
        __esDecorate(_classThis, null, _hold_decorators, { kind: "method", name: "hold", static: false, private: false, access: { has: function (obj) { return "hold" in obj; }, get: function (obj) { return obj.hold; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _cancel_decorators, { kind: "method", name: "cancel", static: false, private: false, access: { has: function (obj) { return "cancel" in obj; }, get: function (obj) { return obj.cancel; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        CartsDocs = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return CartsDocs = _classThis;
}();
var DeadLettersDocs = function () {
    var _classDecorators = [(0, swagger_1.ApiTags)('dead letters (proxied to channel-sync)'), (0, swagger_1.ApiBearerAuth)(), (0, common_1.Controller)('v1/channels')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _list_decorators;
    var _replay_decorators;
    var _summary_decorators;
    var DeadLettersDocs = _classThis = /** @class */ (function () {
        function DeadLettersDocs_1() {
            __runInitializers(this, _instanceExtraInitializers);
        }
        DeadLettersDocs_1.prototype.list = function (_channel, _query) {
            return proxied();
        };
        DeadLettersDocs_1.prototype.replay = function (_channel, _body) {
            return proxied();
        };
        DeadLettersDocs_1.prototype.summary = function () {
            return proxied();
        };
        return DeadLettersDocs_1;
    }());
    __setFunctionName(_classThis, "DeadLettersDocs");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _list_decorators = [(0, common_1.Get)(':channel/dlq'), (0, swagger_1.ApiOperation)({
                summary: "A channel's dead letters, newest first",
                description: 'Any token; `_input` lists poison stock-level messages.',
            }), (0, swagger_1.ApiParam)({ name: 'channel', example: 'web' }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 200, type: proxied_api_dto_1.DlqPageDto })], errors, false))];
        _replay_decorators = [(0, common_1.Post)(':channel/dlq/replay'), (0, common_1.HttpCode)(202), (0, swagger_1.ApiOperation)({
                summary: "Replay a channel's dead letters: sends each SKU's newest state once",
                description: "The channel's operators (its own token by default) or an operator token.",
            }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 202, description: 'replay started' }),
                (0, swagger_1.ApiResponse)({ status: 409, type: gateway_api_dto_1.ErrorDto })], errors, false))];
        _summary_decorators = [(0, common_1.Get)('dead-letters'), (0, swagger_1.ApiOperation)({
                summary: "Every channel's dead-letter depth and newest entries (operator token)",
            }), apply.apply(void 0, __spreadArray([(0, swagger_1.ApiResponse)({ status: 200, type: proxied_api_dto_1.DeadLetterSummaryDto })], errors, false))];
        __esDecorate(_classThis, null, _list_decorators, { kind: "method", name: "list", static: false, private: false, access: { has: function (obj) { return "list" in obj; }, get: function (obj) { return obj.list; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _replay_decorators, { kind: "method", name: "replay", static: false, private: false, access: { has: function (obj) { return "replay" in obj; }, get: function (obj) { return obj.replay; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _summary_decorators, { kind: "method", name: "summary", static: false, private: false, access: { has: function (obj) { return "summary" in obj; }, get: function (obj) { return obj.summary; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        DeadLettersDocs = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return DeadLettersDocs = _classThis;
}();
var ProxiedRoutesDocsModule = function () {
    var _classDecorators = [(0, common_1.Module)({ controllers: [OrdersDocs, CartsDocs, DeadLettersDocs] })];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var ProxiedRoutesDocsModule = _classThis = /** @class */ (function () {
        function ProxiedRoutesDocsModule_1() {
        }
        return ProxiedRoutesDocsModule_1;
    }());
    __setFunctionName(_classThis, "ProxiedRoutesDocsModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        ProxiedRoutesDocsModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return ProxiedRoutesDocsModule = _classThis;
}();
exports.ProxiedRoutesDocsModule = ProxiedRoutesDocsModule;
