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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelDefinition = exports.CHANNEL_NAME_PATTERN = exports.ADAPTERS = void 0;
var class_validator_1 = require("class-validator");
var contracts_1 = require("@stockflow/contracts");
exports.ADAPTERS = ['webhook', 'shopify'];
/** Channel names end up in consumer group ids and URLs; `_input` is reserved for poison input. */
exports.CHANNEL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** A `{sku: integer}` object whose keys are SKUs and whose values are integers >= min. */
function IsSkuMap(min) {
    return function (target, propertyName) {
        return (0, class_validator_1.registerDecorator)({
            name: 'isSkuMap',
            target: target.constructor,
            propertyName: propertyName,
            options: {
                message: function (a) {
                    return "".concat(a.property, " must be an object of sku -> integer >= ").concat(min, " (skus match ").concat(contracts_1.SKU_PATTERN.source, ")");
                },
            },
            validator: {
                validate: function (value) {
                    return value !== null &&
                        typeof value === 'object' &&
                        !Array.isArray(value) &&
                        Object.entries(value).every(function (_a) {
                            var sku = _a[0], n = _a[1];
                            return contracts_1.SKU_PATTERN.test(sku) && Number.isInteger(n) && n >= min;
                        });
                },
            },
        });
    };
}
var URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/**
 * One entry of the CHANNELS_FILE array. The first seven fields are the contract
 * (ARCHITECTURE.md); the optional ones after them tune one channel without
 * touching the others, and default to the CHANNEL_* environment variables.
 */
var ChannelDefinition = function () {
    var _a;
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _adapter_decorators;
    var _adapter_initializers = [];
    var _adapter_extraInitializers = [];
    var _endpoint_decorators;
    var _endpoint_initializers = [];
    var _endpoint_extraInitializers = [];
    var _secret_decorators;
    var _secret_initializers = [];
    var _secret_extraInitializers = [];
    var _safetyStock_decorators;
    var _safetyStock_initializers = [];
    var _safetyStock_extraInitializers = [];
    var _skuSafetyStock_decorators;
    var _skuSafetyStock_initializers = [];
    var _skuSafetyStock_extraInitializers = [];
    var _ratePerSecond_decorators;
    var _ratePerSecond_initializers = [];
    var _ratePerSecond_extraInitializers = [];
    var _concurrency_decorators;
    var _concurrency_initializers = [];
    var _concurrency_extraInitializers = [];
    var _timeoutMs_decorators;
    var _timeoutMs_initializers = [];
    var _timeoutMs_extraInitializers = [];
    var _maxAttempts_decorators;
    var _maxAttempts_initializers = [];
    var _maxAttempts_extraInitializers = [];
    var _retryBaseMs_decorators;
    var _retryBaseMs_initializers = [];
    var _retryBaseMs_extraInitializers = [];
    var _retryMaxMs_decorators;
    var _retryMaxMs_initializers = [];
    var _retryMaxMs_extraInitializers = [];
    var _operators_decorators;
    var _operators_initializers = [];
    var _operators_extraInitializers = [];
    var _locationId_decorators;
    var _locationId_initializers = [];
    var _locationId_extraInitializers = [];
    var _inventoryItemIds_decorators;
    var _inventoryItemIds_initializers = [];
    var _inventoryItemIds_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ChannelDefinition() {
                this.name = __runInitializers(this, _name_initializers, void 0);
                this.adapter = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _adapter_initializers, void 0));
                this.endpoint = (__runInitializers(this, _adapter_extraInitializers), __runInitializers(this, _endpoint_initializers, void 0));
                /** Webhook: the HMAC key; shopify: the access token. */
                this.secret = (__runInitializers(this, _endpoint_extraInitializers), __runInitializers(this, _secret_initializers, void 0));
                this.safetyStock = (__runInitializers(this, _secret_extraInitializers), __runInitializers(this, _safetyStock_initializers, void 0));
                this.skuSafetyStock = (__runInitializers(this, _safetyStock_extraInitializers), __runInitializers(this, _skuSafetyStock_initializers, void 0));
                this.ratePerSecond = (__runInitializers(this, _skuSafetyStock_extraInitializers), __runInitializers(this, _ratePerSecond_initializers, void 0));
                // ---- optional extensions ----
                /** Sends in flight at once (different SKUs; one SKU never has two). */
                this.concurrency = (__runInitializers(this, _ratePerSecond_extraInitializers), __runInitializers(this, _concurrency_initializers, void 0));
                this.timeoutMs = (__runInitializers(this, _concurrency_extraInitializers), __runInitializers(this, _timeoutMs_initializers, void 0));
                this.maxAttempts = (__runInitializers(this, _timeoutMs_extraInitializers), __runInitializers(this, _maxAttempts_initializers, void 0));
                this.retryBaseMs = (__runInitializers(this, _maxAttempts_extraInitializers), __runInitializers(this, _retryBaseMs_initializers, void 0));
                this.retryMaxMs = (__runInitializers(this, _retryBaseMs_extraInitializers), __runInitializers(this, _retryMaxMs_initializers, void 0));
                /** Token channels (CHANNEL_TOKENS) that may replay this channel's dead letters; default: [name]. */
                this.operators = (__runInitializers(this, _retryMaxMs_extraInitializers), __runInitializers(this, _operators_initializers, void 0));
                /** Shopify: the location whose level is set. */
                this.locationId = (__runInitializers(this, _operators_extraInitializers), __runInitializers(this, _locationId_initializers, void 0));
                /** Shopify: sku -> inventory_item_id. SKUs not listed are not sold on the channel and are not sent. */
                this.inventoryItemIds = (__runInitializers(this, _locationId_extraInitializers), __runInitializers(this, _inventoryItemIds_initializers, void 0));
                __runInitializers(this, _inventoryItemIds_extraInitializers);
            }
            return ChannelDefinition;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _name_decorators = [(0, class_validator_1.Matches)(exports.CHANNEL_NAME_PATTERN, { message: 'name must be 1-32 characters of a-z, 0-9, _ or -, starting with a letter or digit' })];
            _adapter_decorators = [(0, class_validator_1.IsIn)(exports.ADAPTERS, { message: "adapter must be one of: ".concat(exports.ADAPTERS.join(', ')) })];
            _endpoint_decorators = [(0, class_validator_1.IsUrl)(URL_OPTIONS, { message: 'endpoint must be an http(s) URL' })];
            _secret_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.MinLength)(1), (0, class_validator_1.MaxLength)(4096)];
            _safetyStock_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0)];
            _skuSafetyStock_decorators = [(0, class_validator_1.IsOptional)(), IsSkuMap(0)];
            _ratePerSecond_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false }), (0, class_validator_1.Min)(0.01), (0, class_validator_1.Max)(100000)];
            _concurrency_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(256)];
            _timeoutMs_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(100), (0, class_validator_1.Max)(120000)];
            _maxAttempts_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(1000000)];
            _retryBaseMs_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(600000)];
            _retryMaxMs_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(3600000)];
            _operators_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.IsArray)(), (0, class_validator_1.ArrayUnique)(), (0, class_validator_1.Matches)(/^[a-z0-9_-]+$/, { each: true, message: 'operators must be channel names' })];
            _locationId_decorators = [(0, class_validator_1.ValidateIf)(function (c) { return c.adapter === 'shopify' || c.locationId !== undefined; }), (0, class_validator_1.IsInt)({ message: 'locationId must be an integer (required by the shopify adapter)' }), (0, class_validator_1.Min)(1)];
            _inventoryItemIds_decorators = [(0, class_validator_1.ValidateIf)(function (c) { return c.adapter === 'shopify' || c.inventoryItemIds !== undefined; }), IsSkuMap(1)];
            __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
            __esDecorate(null, null, _adapter_decorators, { kind: "field", name: "adapter", static: false, private: false, access: { has: function (obj) { return "adapter" in obj; }, get: function (obj) { return obj.adapter; }, set: function (obj, value) { obj.adapter = value; } }, metadata: _metadata }, _adapter_initializers, _adapter_extraInitializers);
            __esDecorate(null, null, _endpoint_decorators, { kind: "field", name: "endpoint", static: false, private: false, access: { has: function (obj) { return "endpoint" in obj; }, get: function (obj) { return obj.endpoint; }, set: function (obj, value) { obj.endpoint = value; } }, metadata: _metadata }, _endpoint_initializers, _endpoint_extraInitializers);
            __esDecorate(null, null, _secret_decorators, { kind: "field", name: "secret", static: false, private: false, access: { has: function (obj) { return "secret" in obj; }, get: function (obj) { return obj.secret; }, set: function (obj, value) { obj.secret = value; } }, metadata: _metadata }, _secret_initializers, _secret_extraInitializers);
            __esDecorate(null, null, _safetyStock_decorators, { kind: "field", name: "safetyStock", static: false, private: false, access: { has: function (obj) { return "safetyStock" in obj; }, get: function (obj) { return obj.safetyStock; }, set: function (obj, value) { obj.safetyStock = value; } }, metadata: _metadata }, _safetyStock_initializers, _safetyStock_extraInitializers);
            __esDecorate(null, null, _skuSafetyStock_decorators, { kind: "field", name: "skuSafetyStock", static: false, private: false, access: { has: function (obj) { return "skuSafetyStock" in obj; }, get: function (obj) { return obj.skuSafetyStock; }, set: function (obj, value) { obj.skuSafetyStock = value; } }, metadata: _metadata }, _skuSafetyStock_initializers, _skuSafetyStock_extraInitializers);
            __esDecorate(null, null, _ratePerSecond_decorators, { kind: "field", name: "ratePerSecond", static: false, private: false, access: { has: function (obj) { return "ratePerSecond" in obj; }, get: function (obj) { return obj.ratePerSecond; }, set: function (obj, value) { obj.ratePerSecond = value; } }, metadata: _metadata }, _ratePerSecond_initializers, _ratePerSecond_extraInitializers);
            __esDecorate(null, null, _concurrency_decorators, { kind: "field", name: "concurrency", static: false, private: false, access: { has: function (obj) { return "concurrency" in obj; }, get: function (obj) { return obj.concurrency; }, set: function (obj, value) { obj.concurrency = value; } }, metadata: _metadata }, _concurrency_initializers, _concurrency_extraInitializers);
            __esDecorate(null, null, _timeoutMs_decorators, { kind: "field", name: "timeoutMs", static: false, private: false, access: { has: function (obj) { return "timeoutMs" in obj; }, get: function (obj) { return obj.timeoutMs; }, set: function (obj, value) { obj.timeoutMs = value; } }, metadata: _metadata }, _timeoutMs_initializers, _timeoutMs_extraInitializers);
            __esDecorate(null, null, _maxAttempts_decorators, { kind: "field", name: "maxAttempts", static: false, private: false, access: { has: function (obj) { return "maxAttempts" in obj; }, get: function (obj) { return obj.maxAttempts; }, set: function (obj, value) { obj.maxAttempts = value; } }, metadata: _metadata }, _maxAttempts_initializers, _maxAttempts_extraInitializers);
            __esDecorate(null, null, _retryBaseMs_decorators, { kind: "field", name: "retryBaseMs", static: false, private: false, access: { has: function (obj) { return "retryBaseMs" in obj; }, get: function (obj) { return obj.retryBaseMs; }, set: function (obj, value) { obj.retryBaseMs = value; } }, metadata: _metadata }, _retryBaseMs_initializers, _retryBaseMs_extraInitializers);
            __esDecorate(null, null, _retryMaxMs_decorators, { kind: "field", name: "retryMaxMs", static: false, private: false, access: { has: function (obj) { return "retryMaxMs" in obj; }, get: function (obj) { return obj.retryMaxMs; }, set: function (obj, value) { obj.retryMaxMs = value; } }, metadata: _metadata }, _retryMaxMs_initializers, _retryMaxMs_extraInitializers);
            __esDecorate(null, null, _operators_decorators, { kind: "field", name: "operators", static: false, private: false, access: { has: function (obj) { return "operators" in obj; }, get: function (obj) { return obj.operators; }, set: function (obj, value) { obj.operators = value; } }, metadata: _metadata }, _operators_initializers, _operators_extraInitializers);
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            __esDecorate(null, null, _inventoryItemIds_decorators, { kind: "field", name: "inventoryItemIds", static: false, private: false, access: { has: function (obj) { return "inventoryItemIds" in obj; }, get: function (obj) { return obj.inventoryItemIds; }, set: function (obj, value) { obj.inventoryItemIds = value; } }, metadata: _metadata }, _inventoryItemIds_initializers, _inventoryItemIds_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.ChannelDefinition = ChannelDefinition;
