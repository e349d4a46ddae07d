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
exports.SetQuantityController = void 0;
var node_crypto_1 = require("node:crypto");
var common_1 = require("@nestjs/common");
var class_validator_1 = require("class-validator");
var contracts_1 = require("@stockflow/contracts");
var service_kit_1 = require("@stockflow/service-kit");
/** How long a set waits for the ledger before answering 202 (the set is then still decided, in log order). */
var SET_WAIT_MS = 10000;
var SkuParams = function () {
    var _a;
    var _sku_decorators;
    var _sku_initializers = [];
    var _sku_extraInitializers = [];
    return _a = /** @class */ (function () {
            function SkuParams() {
                this.sku = __runInitializers(this, _sku_initializers, void 0);
                __runInitializers(this, _sku_extraInitializers);
            }
            return SkuParams;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _sku_decorators = [(0, class_validator_1.Matches)(contracts_1.SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })];
            __esDecorate(null, null, _sku_decorators, { kind: "field", name: "sku", static: false, private: false, access: { has: function (obj) { return "sku" in obj; }, get: function (obj) { return obj.sku; }, set: function (obj, value) { obj.sku = value; } }, metadata: _metadata }, _sku_initializers, _sku_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
var SetQuantityDto = function () {
    var _a;
    var _locationId_decorators;
    var _locationId_initializers = [];
    var _locationId_extraInitializers = [];
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _quantity_decorators;
    var _quantity_initializers = [];
    var _quantity_extraInitializers = [];
    var _changeFromQuantity_decorators;
    var _changeFromQuantity_initializers = [];
    var _changeFromQuantity_extraInitializers = [];
    var _referenceDocumentUri_decorators;
    var _referenceDocumentUri_initializers = [];
    var _referenceDocumentUri_extraInitializers = [];
    return _a = /** @class */ (function () {
            function SetQuantityDto() {
                this.locationId = __runInitializers(this, _locationId_initializers, void 0);
                this.name = (__runInitializers(this, _locationId_extraInitializers), __runInitializers(this, _name_initializers, void 0));
                this.quantity = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _quantity_initializers, void 0));
                /** The value the caller believes current; null = no check. Required (absent is a 400), so a blind set is a choice. */
                this.changeFromQuantity = (__runInitializers(this, _quantity_extraInitializers), __runInitializers(this, _changeFromQuantity_initializers, void 0));
                this.referenceDocumentUri = (__runInitializers(this, _changeFromQuantity_extraInitializers), __runInitializers(this, _referenceDocumentUri_initializers, void 0));
                __runInitializers(this, _referenceDocumentUri_extraInitializers);
            }
            return SetQuantityDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _locationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'locationId must be 1-128 characters of letters, digits, . _ : -' })];
            _name_decorators = [(0, class_validator_1.IsIn)(contracts_1.SETTABLE_QUANTITIES, { message: 'name must be on_hand or available' })];
            _quantity_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0), (0, class_validator_1.Max)(contracts_1.MAX_QUANTITY)];
            _changeFromQuantity_decorators = [(0, class_validator_1.ValidateIf)(function (o) { return o.changeFromQuantity !== null; }), (0, class_validator_1.IsInt)({ message: 'changeFromQuantity must be an integer or null' }), (0, class_validator_1.Min)(-contracts_1.MAX_QUANTITY), (0, class_validator_1.Max)(contracts_1.MAX_QUANTITY)];
            _referenceDocumentUri_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsString)(), (0, class_validator_1.IsNotEmpty)(), (0, class_validator_1.MaxLength)(contracts_1.MAX_REFERENCE_LENGTH)];
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
            __esDecorate(null, null, _quantity_decorators, { kind: "field", name: "quantity", static: false, private: false, access: { has: function (obj) { return "quantity" in obj; }, get: function (obj) { return obj.quantity; }, set: function (obj, value) { obj.quantity = value; } }, metadata: _metadata }, _quantity_initializers, _quantity_extraInitializers);
            __esDecorate(null, null, _changeFromQuantity_decorators, { kind: "field", name: "changeFromQuantity", static: false, private: false, access: { has: function (obj) { return "changeFromQuantity" in obj; }, get: function (obj) { return obj.changeFromQuantity; }, set: function (obj, value) { obj.changeFromQuantity = value; } }, metadata: _metadata }, _changeFromQuantity_initializers, _changeFromQuantity_extraInitializers);
            __esDecorate(null, null, _referenceDocumentUri_decorators, { kind: "field", name: "referenceDocumentUri", static: false, private: false, access: { has: function (obj) { return "referenceDocumentUri" in obj; }, get: function (obj) { return obj.referenceDocumentUri; }, set: function (obj, value) { obj.referenceDocumentUri = value; } }, metadata: _metadata }, _referenceDocumentUri_initializers, _referenceDocumentUri_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
/**
 * Compare-and-set of a quantity (Shopify's inventorySetQuantities): a
 * StockCounted with `name` and `changeFromQuantity`, decided by the ledger in log
 * order, so two sets from the same `changeFromQuantity` cannot both apply. The
 * answer waits for the decision (read-your-writes through inventory.event-results).
 */
var SetQuantityController = function () {
    var _classDecorators = [(0, common_1.Controller)('v1/stock'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard)];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _set_decorators;
    var SetQuantityController = _classThis = /** @class */ (function () {
        function SetQuantityController_1(ingest, results) {
            this.ingest = (__runInitializers(this, _instanceExtraInitializers), ingest);
            this.results = results;
        }
        SetQuantityController_1.prototype.set = function (_a, body_1, channel_1, reply_1) {
            return __awaiter(this, arguments, void 0, function (_b, body, channel, reply) {
                var event, decided, result, delta;
                var _this = this;
                var _c, _d;
                var sku = _b.sku;
                return __generator(this, function (_e) {
                    switch (_e.label) {
                        case 0:
                            event = __assign({ eventId: (0, node_crypto_1.randomUUID)(), type: 'StockCounted', sku: sku, channel: channel, occurredAt: new Date().toISOString(), schemaVersion: 1, locationId: body.locationId, countedQuantity: body.quantity, name: body.name, changeFromQuantity: body.changeFromQuantity }, (body.referenceDocumentUri !== undefined && { referenceDocumentUri: body.referenceDocumentUri }));
                            return [4 /*yield*/, this.results.await([event.eventId], SET_WAIT_MS, function () { return _this.ingest.publish([event], _this.results.instanceId); })];
                        case 1:
                            decided = _e.sent();
                            result = decided === null || decided === void 0 ? void 0 : decided.get(event.eventId);
                            if (!result) {
                                reply.status(202);
                                return [2 /*return*/, { applied: null, eventId: event.eventId, status: 'pending', message: "not decided within ".concat(SET_WAIT_MS, " ms; see GET /v1/stock/").concat(sku, "/ledger") }];
                            }
                            if (result.outcome === 'refused' && result.code === 'change_from_quantity_stale') {
                                throw new common_1.ConflictException({ statusCode: 409, code: 'CHANGE_FROM_QUANTITY_STALE', current: result.current, message: result.reason });
                            }
                            if (result.outcome !== 'applied') {
                                throw new common_1.ConflictException({ statusCode: 409, code: ((_c = result.code) !== null && _c !== void 0 ? _c : result.outcome).toUpperCase(), message: (_d = result.reason) !== null && _d !== void 0 ? _d : result.outcome });
                            }
                            delta = body.name === 'available' ? result.availableDelta : result.onHandDelta;
                            return [2 /*return*/, { applied: true, delta: delta, version: result.version, eventId: event.eventId }];
                    }
                });
            });
        };
        return SetQuantityController_1;
    }());
    __setFunctionName(_classThis, "SetQuantityController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _set_decorators = [(0, common_1.Post)(':sku/set'), (0, common_1.HttpCode)(200)];
        __esDecorate(_classThis, null, _set_decorators, { kind: "method", name: "set", static: false, private: false, access: { has: function (obj) { return "set" in obj; }, get: function (obj) { return obj.set; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        SetQuantityController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return SetQuantityController = _classThis;
}();
exports.SetQuantityController = SetQuantityController;
