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
exports.PoolParams = exports.PoolBodyDto = exports.PoolLocationDto = exports.MAX_POOL_LOCATIONS = void 0;
// Nest's ValidationPipe turns bodies into these classes (class-transformer needs the metadata API).
require("reflect-metadata");
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
var pool_types_1 = require("./pool-types");
var ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
exports.MAX_POOL_LOCATIONS = 50;
var PoolLocationDto = function () {
    var _a;
    var _locationId_decorators;
    var _locationId_initializers = [];
    var _locationId_extraInitializers = [];
    var _priority_decorators;
    var _priority_initializers = [];
    var _priority_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PoolLocationDto() {
                this.locationId = __runInitializers(this, _locationId_initializers, void 0);
                this.priority = (__runInitializers(this, _locationId_extraInitializers), __runInitializers(this, _priority_initializers, void 0));
                __runInitializers(this, _priority_extraInitializers);
            }
            return PoolLocationDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _locationId_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.Matches)(ID_PATTERN, { message: 'locationId must be 1-128 characters of letters, digits, . _ : -' })];
            _priority_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(1000)];
            __esDecorate(null, null, _locationId_decorators, { kind: "field", name: "locationId", static: false, private: false, access: { has: function (obj) { return "locationId" in obj; }, get: function (obj) { return obj.locationId; }, set: function (obj, value) { obj.locationId = value; } }, metadata: _metadata }, _locationId_initializers, _locationId_extraInitializers);
            __esDecorate(null, null, _priority_decorators, { kind: "field", name: "priority", static: false, private: false, access: { has: function (obj) { return "priority" in obj; }, get: function (obj) { return obj.priority; }, set: function (obj, value) { obj.priority = value; } }, metadata: _metadata }, _priority_initializers, _priority_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PoolLocationDto = PoolLocationDto;
/** Body of PUT /v1/pools/:poolId. */
var PoolBodyDto = function () {
    var _a;
    var _locations_decorators;
    var _locations_initializers = [];
    var _locations_extraInitializers = [];
    var _channels_decorators;
    var _channels_initializers = [];
    var _channels_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PoolBodyDto() {
                this.locations = __runInitializers(this, _locations_initializers, void 0);
                this.channels = (__runInitializers(this, _locations_extraInitializers), __runInitializers(this, _channels_initializers, void 0));
                __runInitializers(this, _channels_extraInitializers);
            }
            return PoolBodyDto;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _locations_decorators = [(0, class_validator_1.IsArray)(), (0, class_validator_1.ArrayMaxSize)(exports.MAX_POOL_LOCATIONS), (0, class_validator_1.ArrayUnique)(function (l) { return l === null || l === void 0 ? void 0 : l.locationId; }, { message: 'each locationId may appear once in locations' }), (0, class_validator_1.ValidateNested)({ each: true }), (0, class_transformer_1.Type)(function () { return PoolLocationDto; })];
            _channels_decorators = [(0, class_validator_1.IsArray)(), (0, class_validator_1.ArrayMaxSize)(1000), (0, class_validator_1.ArrayUnique)({ message: 'each channel may appear once in channels' }), (0, class_validator_1.Matches)(/^[a-z0-9_-]{1,32}$/, { each: true, message: 'each channel must be 1-32 characters of a-z, 0-9, _ or -' })];
            __esDecorate(null, null, _locations_decorators, { kind: "field", name: "locations", static: false, private: false, access: { has: function (obj) { return "locations" in obj; }, get: function (obj) { return obj.locations; }, set: function (obj, value) { obj.locations = value; } }, metadata: _metadata }, _locations_initializers, _locations_extraInitializers);
            __esDecorate(null, null, _channels_decorators, { kind: "field", name: "channels", static: false, private: false, access: { has: function (obj) { return "channels" in obj; }, get: function (obj) { return obj.channels; }, set: function (obj, value) { obj.channels = value; } }, metadata: _metadata }, _channels_initializers, _channels_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PoolBodyDto = PoolBodyDto;
var PoolParams = function () {
    var _a;
    var _poolId_decorators;
    var _poolId_initializers = [];
    var _poolId_extraInitializers = [];
    return _a = /** @class */ (function () {
            function PoolParams() {
                this.poolId = __runInitializers(this, _poolId_initializers, void 0);
                __runInitializers(this, _poolId_extraInitializers);
            }
            return PoolParams;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _poolId_decorators = [(0, class_validator_1.Matches)(ID_PATTERN, { message: 'poolId must be 1-128 characters of letters, digits, . _ : -' }), (0, class_validator_1.NotEquals)(pool_types_1.DEFAULT_POOL_ID, { message: "'".concat(pool_types_1.DEFAULT_POOL_ID, "' is the implicit pool of every location and cannot be defined") })];
            __esDecorate(null, null, _poolId_decorators, { kind: "field", name: "poolId", static: false, private: false, access: { has: function (obj) { return "poolId" in obj; }, get: function (obj) { return obj.poolId; }, set: function (obj, value) { obj.poolId = value; } }, metadata: _metadata }, _poolId_initializers, _poolId_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.PoolParams = PoolParams;
