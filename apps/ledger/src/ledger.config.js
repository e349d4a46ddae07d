"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
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
exports.LedgerConfig = void 0;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
var LedgerConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.HttpEnv));
    var _LEDGER_GROUP_ID_decorators;
    var _LEDGER_GROUP_ID_initializers = [];
    var _LEDGER_GROUP_ID_extraInitializers = [];
    var _LEDGER_PARTITIONS_CONCURRENCY_decorators;
    var _LEDGER_PARTITIONS_CONCURRENCY_initializers = [];
    var _LEDGER_PARTITIONS_CONCURRENCY_extraInitializers = [];
    var _LEDGER_MAX_BYTES_PER_PARTITION_decorators;
    var _LEDGER_MAX_BYTES_PER_PARTITION_initializers = [];
    var _LEDGER_MAX_BYTES_PER_PARTITION_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(LedgerConfig, _super);
            function LedgerConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.PORT = 3001;
                /** Consumer group of the ledger; prefixed with KAFKA_TOPIC_PREFIX. */
                _this.LEDGER_GROUP_ID = __runInitializers(_this, _LEDGER_GROUP_ID_initializers, 'stockflow-ledger');
                /** Partition batches folded in parallel, each in its own transaction (needs as many DB connections). */
                _this.LEDGER_PARTITIONS_CONCURRENCY = (__runInitializers(_this, _LEDGER_GROUP_ID_extraInitializers), __runInitializers(_this, _LEDGER_PARTITIONS_CONCURRENCY_initializers, 3));
                /** Upper bound of one fetch per partition; about 3,000 events of ~350 bytes per MiB. */
                _this.LEDGER_MAX_BYTES_PER_PARTITION = (__runInitializers(_this, _LEDGER_PARTITIONS_CONCURRENCY_extraInitializers), __runInitializers(_this, _LEDGER_MAX_BYTES_PER_PARTITION_initializers, 2 * 1024 * 1024));
                __runInitializers(_this, _LEDGER_MAX_BYTES_PER_PARTITION_extraInitializers);
                return _this;
            }
            return LedgerConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _LEDGER_GROUP_ID_decorators = [(0, class_validator_1.IsString)()];
            _LEDGER_PARTITIONS_CONCURRENCY_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(32)];
            _LEDGER_MAX_BYTES_PER_PARTITION_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(16384), (0, class_validator_1.Max)(64 * 1024 * 1024)];
            __esDecorate(null, null, _LEDGER_GROUP_ID_decorators, { kind: "field", name: "LEDGER_GROUP_ID", static: false, private: false, access: { has: function (obj) { return "LEDGER_GROUP_ID" in obj; }, get: function (obj) { return obj.LEDGER_GROUP_ID; }, set: function (obj, value) { obj.LEDGER_GROUP_ID = value; } }, metadata: _metadata }, _LEDGER_GROUP_ID_initializers, _LEDGER_GROUP_ID_extraInitializers);
            __esDecorate(null, null, _LEDGER_PARTITIONS_CONCURRENCY_decorators, { kind: "field", name: "LEDGER_PARTITIONS_CONCURRENCY", static: false, private: false, access: { has: function (obj) { return "LEDGER_PARTITIONS_CONCURRENCY" in obj; }, get: function (obj) { return obj.LEDGER_PARTITIONS_CONCURRENCY; }, set: function (obj, value) { obj.LEDGER_PARTITIONS_CONCURRENCY = value; } }, metadata: _metadata }, _LEDGER_PARTITIONS_CONCURRENCY_initializers, _LEDGER_PARTITIONS_CONCURRENCY_extraInitializers);
            __esDecorate(null, null, _LEDGER_MAX_BYTES_PER_PARTITION_decorators, { kind: "field", name: "LEDGER_MAX_BYTES_PER_PARTITION", static: false, private: false, access: { has: function (obj) { return "LEDGER_MAX_BYTES_PER_PARTITION" in obj; }, get: function (obj) { return obj.LEDGER_MAX_BYTES_PER_PARTITION; }, set: function (obj, value) { obj.LEDGER_MAX_BYTES_PER_PARTITION = value; } }, metadata: _metadata }, _LEDGER_MAX_BYTES_PER_PARTITION_initializers, _LEDGER_MAX_BYTES_PER_PARTITION_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.LedgerConfig = LedgerConfig;
