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
exports.LedgerController = void 0;
var common_1 = require("@nestjs/common");
var class_transformer_1 = require("class-transformer");
var class_validator_1 = require("class-validator");
var contracts_1 = require("@stockflow/contracts");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
var ReferenceCursor = function () {
    var _classDecorators = [(0, class_validator_1.ValidatorConstraint)({ name: 'referenceCursor' })];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var ReferenceCursor = _classThis = /** @class */ (function () {
        function ReferenceCursor_1() {
        }
        ReferenceCursor_1.prototype.validate = function (value) {
            return typeof value === 'string' && (0, persistence_1.isReferenceCursor)(value);
        };
        ReferenceCursor_1.prototype.defaultMessage = function () {
            return 'before must be the nextBefore of a previous page';
        };
        return ReferenceCursor_1;
    }());
    __setFunctionName(_classThis, "ReferenceCursor");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        ReferenceCursor = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return ReferenceCursor = _classThis;
}();
var ReferenceQuery = function () {
    var _a;
    var _reference_decorators;
    var _reference_initializers = [];
    var _reference_extraInitializers = [];
    var _limit_decorators;
    var _limit_initializers = [];
    var _limit_extraInitializers = [];
    var _before_decorators;
    var _before_initializers = [];
    var _before_extraInitializers = [];
    return _a = /** @class */ (function () {
            function ReferenceQuery() {
                this.reference = __runInitializers(this, _reference_initializers, void 0);
                this.limit = (__runInitializers(this, _reference_extraInitializers), __runInitializers(this, _limit_initializers, void 0));
                this.before = (__runInitializers(this, _limit_extraInitializers), __runInitializers(this, _before_initializers, void 0));
                __runInitializers(this, _before_extraInitializers);
            }
            return ReferenceQuery;
        }()),
        (function () {
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
            _reference_decorators = [(0, class_validator_1.IsString)(), (0, class_validator_1.IsNotEmpty)(), (0, class_validator_1.MaxLength)(contracts_1.MAX_REFERENCE_LENGTH)];
            _limit_decorators = [(0, class_validator_1.IsOptional)(), (0, class_transformer_1.Type)(function () { return Number; }), (0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(500)];
            _before_decorators = [(0, class_validator_1.IsOptional)(), (0, class_validator_1.Validate)(ReferenceCursor)];
            __esDecorate(null, null, _reference_decorators, { kind: "field", name: "reference", static: false, private: false, access: { has: function (obj) { return "reference" in obj; }, get: function (obj) { return obj.reference; }, set: function (obj, value) { obj.reference = value; } }, metadata: _metadata }, _reference_initializers, _reference_extraInitializers);
            __esDecorate(null, null, _limit_decorators, { kind: "field", name: "limit", static: false, private: false, access: { has: function (obj) { return "limit" in obj; }, get: function (obj) { return obj.limit; }, set: function (obj, value) { obj.limit = value; } }, metadata: _metadata }, _limit_initializers, _limit_extraInitializers);
            __esDecorate(null, null, _before_decorators, { kind: "field", name: "before", static: false, private: false, access: { has: function (obj) { return "before" in obj; }, get: function (obj) { return obj.before; }, set: function (obj, value) { obj.before = value; } }, metadata: _metadata }, _before_initializers, _before_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
/**
 * The journal of one reference document (a purchase order, a cycle count)
 * across SKUs and locations, newest first. A document nobody referenced yet is
 * an empty page, not a 404: the document lives in the caller's ERP, not here.
 */
var LedgerController = function () {
    var _classDecorators = [(0, common_1.Controller)('v1/ledger'), (0, common_1.UseGuards)(service_kit_1.ChannelAuthGuard), (0, service_kit_1.AllowAccess)('read')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _instanceExtraInitializers = [];
    var _byReference_decorators;
    var LedgerController = _classThis = /** @class */ (function () {
        function LedgerController_1(db) {
            this.db = (__runInitializers(this, _instanceExtraInitializers), db);
        }
        LedgerController_1.prototype.byReference = function (query) {
            var _a;
            return (0, persistence_1.findJournalByReference)(this.db, query.reference, (_a = query.limit) !== null && _a !== void 0 ? _a : 50, query.before);
        };
        return LedgerController_1;
    }());
    __setFunctionName(_classThis, "LedgerController");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _byReference_decorators = [(0, common_1.Get)()];
        __esDecorate(_classThis, null, _byReference_decorators, { kind: "method", name: "byReference", static: false, private: false, access: { has: function (obj) { return "byReference" in obj; }, get: function (obj) { return obj.byReference; } }, metadata: _metadata }, null, _instanceExtraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        LedgerController = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return LedgerController = _classThis;
}();
exports.LedgerController = LedgerController;
