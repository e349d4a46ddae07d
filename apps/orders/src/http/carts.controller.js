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
exports.CartsController = void 0;
var common_1 = require("@nestjs/common");
var reservations_1 = require("@stockflow/reservations");
var service_kit_1 = require("@stockflow/service-kit");
/** Cart holds: reservations that expire after CART_HOLD_TTL_SECONDS unless an order converts them. */
var CartsController = function () {
    var _classDecorators = [(0, common_1.Controller)('v1/carts'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard)];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _hold_decorators;
    var _cancel_decorators;
    var CartsController = _classThis = /** @class */ (function () {
        function CartsController_1(config, reservations) {
            this.config = (__runInitializers(this, _instanceExtraInitializers), config);
            this.reservations = reservations;
            this.logger = new common_1.Logger(CartsController.name);
        }
        /** Holds `quantity` of `sku` for the cart (replacing its previous hold of that sku). 201, or 409 not enough stock. */
        CartsController_1.prototype.hold = function (_a, _b, channel_1) {
            return __awaiter(this, arguments, void 0, function (_c, _d, channel) {
                var cart, decision;
                var _this = this;
                var cartId = _c.cartId;
                var sku = _d.sku, quantity = _d.quantity;
                return __generator(this, function (_e) {
                    switch (_e.label) {
                        case 0:
                            cart = (0, reservations_1.channelCartId)(channel, cartId);
                            return [4 /*yield*/, this.failClosed(function () {
                                    return (0, reservations_1.placeHold)(_this.reservations, { cartId: cart, sku: sku, quantity: quantity, channel: channel }, _this.config.CART_HOLD_TTL_SECONDS, new Date());
                                })];
                        case 1:
                            decision = _e.sent();
                            if (decision.status === 'insufficient') {
                                throw new common_1.ConflictException({ statusCode: 409, error: 'Conflict', message: 'not enough stock', sku: sku, available: decision.available });
                            }
                            return [2 /*return*/, { cartId: cartId, sku: sku, quantity: quantity, reservationId: decision.reservationId, expiresAt: decision.expiresAt.toISOString() }];
                    }
                });
            });
        };
        /** Cart cancel: releases every hold of the cart. */
        CartsController_1.prototype.cancel = function (_a, channel_1) {
            return __awaiter(this, arguments, void 0, function (_b, channel) {
                var released;
                var _this = this;
                var cartId = _b.cartId;
                return __generator(this, function (_c) {
                    switch (_c.label) {
                        case 0: return [4 /*yield*/, this.failClosed(function () { return (0, reservations_1.cancelCart)(_this.reservations, (0, reservations_1.channelCartId)(channel, cartId), new Date()); })];
                        case 1:
                            released = _c.sent();
                            return [2 /*return*/, { cartId: cartId, released: released.length }];
                    }
                });
            });
        };
        CartsController_1.prototype.failClosed = function (work) {
            return __awaiter(this, void 0, void 0, function () {
                var error_1;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            _a.trys.push([0, 2, , 3]);
                            return [4 /*yield*/, work()];
                        case 1: return [2 /*return*/, _a.sent()];
                        case 2:
                            error_1 = _a.sent();
                            this.logger.error("cart operation failed: ".concat(error_1.message));
                            throw new common_1.ServiceUnavailableException('stock counters are unavailable right now; retry');
                        case 3: return [2 /*return*/];
                    }
                });
            });
        };
        return CartsController_1;
    }());
    __setFunctionName(_classThis, "CartsController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _hold_decorators = [(0, common_1.Post)(':cartId/holds')];
        _cancel_decorators = [(0, common_1.Delete)(':cartId')];
        __esDecorate(_classThis, null, _hold_decorators, { kind: "method", name: "hold", static: false, private: false, access: { has: function (obj) { return "hold" in obj; }, get: function (obj) { return obj.hold; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(_classThis, null, _cancel_decorators, { kind: "method", name: "cancel", static: false, private: false, access: { has: function (obj) { return "cancel" in obj; }, get: function (obj) { return obj.cancel; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        CartsController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return CartsController = _classThis;
}();
exports.CartsController = CartsController;
