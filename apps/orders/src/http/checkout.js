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
exports.Checkout = void 0;
var common_1 = require("@nestjs/common");
var crypto_1 = require("crypto");
var reservations_1 = require("@stockflow/reservations");
var service_kit_1 = require("@stockflow/service-kit");
var orders_config_1 = require("../orders.config");
/** HTTP status of an order's answer: accepted and queued, reserved, or refused. */
var STATUS_CODES = { received: 202, pending: 201, rejected: 409 };
/**
 * Order placement. Async (AsyncOrder): store as `received`, queue, answer 202;
 * the queue consumer decides. Sync (CHECKOUT_ASYNC=0 or a sync payment method):
 * decide inline, 201 pending or 409 rejected. Either way a resubmitted orderId
 * is the same order: it is answered from its current state and reserved once.
 */
var Checkout = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var Checkout = _classThis = /** @class */ (function () {
        function Checkout_1(config, intake, store, publisher, topics, reservations) {
            var _this = this;
            this.config = config;
            this.intake = intake;
            this.store = store;
            this.publisher = publisher;
            this.topics = topics;
            this.reservations = reservations;
            this.logger = new common_1.Logger(Checkout.name);
            this.syncMethods = (0, orders_config_1.syncPaymentMethods)(config);
            this.decisions = new service_kit_1.Coalescer(function (orders) {
                return (0, reservations_1.reserveOrders)(_this.reservations, orders, new Date(), function (tx, decided) { return _this.store.applyDecisions(tx, decided); });
            });
        }
        Checkout_1.prototype.place = function (dto, channel) {
            return __awaiter(this, void 0, void 0, function () {
                var order, inserted, existing, sync, _a, error_1;
                var _b, _c;
                return __generator(this, function (_d) {
                    switch (_d.label) {
                        case 0:
                            order = {
                                orderId: (_b = dto.orderId) !== null && _b !== void 0 ? _b : (0, crypto_1.randomUUID)(),
                                channel: channel,
                                cartId: (_c = dto.cartId) !== null && _c !== void 0 ? _c : null,
                                paymentMethod: dto.payment.method,
                                lines: dto.lines.map(function (_a) {
                                    var sku = _a.sku, quantity = _a.quantity;
                                    return ({ sku: sku, quantity: quantity });
                                }),
                            };
                            return [4 /*yield*/, this.intake.insert(order)];
                        case 1:
                            inserted = _d.sent();
                            if (!!inserted) return [3 /*break*/, 3];
                            return [4 /*yield*/, this.store.find(order.orderId)];
                        case 2:
                            existing = _d.sent();
                            // Gone again: a concurrent attempt with this orderId was answered 503 and undone.
                            if (!existing)
                                throw new common_1.ServiceUnavailableException('checkout is unavailable right now; retry with the same orderId');
                            if (existing.channel !== channel || !sameLines(existing.lines, order.lines)) {
                                throw new common_1.ConflictException("orderId ".concat(order.orderId, " is already used by a different order"));
                            }
                            if (existing.status !== 'received')
                                return [2 /*return*/, answer(existing)];
                            _d.label = 3;
                        case 3:
                            sync = !this.config.CHECKOUT_ASYNC || this.syncMethods.has(order.paymentMethod);
                            _d.label = 4;
                        case 4:
                            _d.trys.push([4, 9, , 12]);
                            if (!sync) return [3 /*break*/, 6];
                            return [4 /*yield*/, this.decide(order)];
                        case 5:
                            _a = _d.sent();
                            return [3 /*break*/, 8];
                        case 6: return [4 /*yield*/, this.enqueue(order)];
                        case 7:
                            _a = _d.sent();
                            _d.label = 8;
                        case 8: return [2 /*return*/, _a];
                        case 9:
                            error_1 = _d.sent();
                            this.logger.error("order ".concat(order.orderId, " not accepted: ").concat(error_1.message));
                            if (!inserted) return [3 /*break*/, 11];
                            return [4 /*yield*/, this.store.deleteReceived(order.orderId).catch(function () { return undefined; })];
                        case 10:
                            _d.sent();
                            _d.label = 11;
                        case 11: throw new common_1.ServiceUnavailableException('checkout is unavailable right now; retry with the same orderId');
                        case 12: return [2 /*return*/];
                    }
                });
            });
        };
        /** `channel` undefined (an operator) sees every channel's orders. */
        Checkout_1.prototype.view = function (orderId, channel) {
            return __awaiter(this, void 0, void 0, function () {
                var order;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, this.store.find(orderId)];
                        case 1:
                            order = _a.sent();
                            return [2 /*return*/, order && (channel === undefined || order.channel === channel) ? answer(order).view : undefined];
                    }
                });
            });
        };
        Checkout_1.prototype.enqueue = function (order) {
            return __awaiter(this, void 0, void 0, function () {
                var queued;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            queued = { orderId: order.orderId, channel: order.channel, cartId: order.cartId, lines: order.lines };
                            return [4 /*yield*/, this.publisher.publish(this.topics.received, [{ key: order.orderId, value: JSON.stringify(queued) }])];
                        case 1:
                            _a.sent();
                            return [2 /*return*/, { code: 202, view: { orderId: order.orderId, status: 'received', lines: order.lines } }];
                    }
                });
            });
        };
        Checkout_1.prototype.decide = function (order) {
            return __awaiter(this, void 0, void 0, function () {
                var cartId, decision;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            cartId = order.cartId ? (0, reservations_1.channelCartId)(order.channel, order.cartId) : null;
                            return [4 /*yield*/, this.decisions.submit(__assign(__assign({}, order), { cartId: cartId }))];
                        case 1:
                            decision = _a.sent();
                            if (decision.status === 'pending') {
                                return [2 /*return*/, { code: 201, view: { orderId: order.orderId, status: 'pending', lines: decision.lines } }];
                            }
                            return [2 /*return*/, { code: 409, view: { orderId: order.orderId, status: 'rejected', reason: decision.reason, lines: order.lines } }];
                    }
                });
            });
        };
        return Checkout_1;
    }());
    __setFunctionName(_classThis, "Checkout");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        Checkout = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return Checkout = _classThis;
}();
exports.Checkout = Checkout;
function answer(order) {
    var view = { orderId: order.orderId, status: order.status, lines: order.lines };
    if (order.reason)
        view.reason = order.reason;
    return { code: STATUS_CODES[order.status], view: view };
}
function sameLines(a, b) {
    return a.length === b.length && a.every(function (line, i) { return line.sku === b[i].sku && line.quantity === b[i].quantity; });
}
