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
exports.CompactionConfig = exports.JOB_NAMES = void 0;
var class_validator_1 = require("class-validator");
var config_1 = require("@stockflow/config");
/** Names of the jobs compaction.module.ts registers. */
exports.JOB_NAMES = ['reservation-cleanup', 'snapshot', 'hold-expiry', 'reconciliation'];
var CompactionConfig = function () {
    var _a;
    var _classSuper = (0, config_1.WithRedis)((0, config_1.WithDatabase)((0, config_1.WithKafka)(config_1.HttpEnv)));
    var _COMPACTION_JOBS_decorators;
    var _COMPACTION_JOBS_initializers = [];
    var _COMPACTION_JOBS_extraInitializers = [];
    var _COMPACTION_IDLE_DELAY_MS_decorators;
    var _COMPACTION_IDLE_DELAY_MS_initializers = [];
    var _COMPACTION_IDLE_DELAY_MS_extraInitializers = [];
    var _COMPACTION_ERROR_DELAY_MS_decorators;
    var _COMPACTION_ERROR_DELAY_MS_initializers = [];
    var _COMPACTION_ERROR_DELAY_MS_extraInitializers = [];
    var _COMPACTION_MAX_ERROR_DELAY_MS_decorators;
    var _COMPACTION_MAX_ERROR_DELAY_MS_initializers = [];
    var _COMPACTION_MAX_ERROR_DELAY_MS_extraInitializers = [];
    var _RESERVATION_CLEANUP_BATCH_SIZE_decorators;
    var _RESERVATION_CLEANUP_BATCH_SIZE_initializers = [];
    var _RESERVATION_CLEANUP_BATCH_SIZE_extraInitializers = [];
    var _RESERVATION_CLEANUP_ROWS_PER_SECOND_decorators;
    var _RESERVATION_CLEANUP_ROWS_PER_SECOND_initializers = [];
    var _RESERVATION_CLEANUP_ROWS_PER_SECOND_extraInitializers = [];
    var _SNAPSHOT_INTERVAL_SECONDS_decorators;
    var _SNAPSHOT_INTERVAL_SECONDS_initializers = [];
    var _SNAPSHOT_INTERVAL_SECONDS_extraInitializers = [];
    var _SNAPSHOT_KEEP_decorators;
    var _SNAPSHOT_KEEP_initializers = [];
    var _SNAPSHOT_KEEP_extraInitializers = [];
    var _HOLD_EXPIRY_BATCH_SIZE_decorators;
    var _HOLD_EXPIRY_BATCH_SIZE_initializers = [];
    var _HOLD_EXPIRY_BATCH_SIZE_extraInitializers = [];
    var _RECONCILE_PAGE_SIZE_decorators;
    var _RECONCILE_PAGE_SIZE_initializers = [];
    var _RECONCILE_PAGE_SIZE_extraInitializers = [];
    var _RECONCILE_REPUBLISH_AFTER_SECONDS_decorators;
    var _RECONCILE_REPUBLISH_AFTER_SECONDS_initializers = [];
    var _RECONCILE_REPUBLISH_AFTER_SECONDS_extraInitializers = [];
    var _LEDGER_GROUP_ID_decorators;
    var _LEDGER_GROUP_ID_initializers = [];
    var _LEDGER_GROUP_ID_extraInitializers = [];
    return _a = /** @class */ (function (_super) {
            __extends(CompactionConfig, _super);
            function CompactionConfig() {
                var _this = _super !== null && _super.apply(this, arguments) || this;
                _this.PORT = 3004;
                /**
                 * Which jobs this process runs, comma-separated (default: all of them). Lets a
                 * deployment split the work, e.g. snapshots in one replica set, cleanup in another.
                 */
                _this.COMPACTION_JOBS = __runInitializers(_this, _COMPACTION_JOBS_initializers, exports.JOB_NAMES.join(','));
                /** Pause after a slice that found nothing to do: bounds the polling cost of an idle system. */
                _this.COMPACTION_IDLE_DELAY_MS = (__runInitializers(_this, _COMPACTION_JOBS_extraInitializers), __runInitializers(_this, _COMPACTION_IDLE_DELAY_MS_initializers, 1000));
                /** First pause after a failed slice; doubles per consecutive failure. */
                _this.COMPACTION_ERROR_DELAY_MS = (__runInitializers(_this, _COMPACTION_IDLE_DELAY_MS_extraInitializers), __runInitializers(_this, _COMPACTION_ERROR_DELAY_MS_initializers, 500));
                _this.COMPACTION_MAX_ERROR_DELAY_MS = (__runInitializers(_this, _COMPACTION_ERROR_DELAY_MS_extraInitializers), __runInitializers(_this, _COMPACTION_MAX_ERROR_DELAY_MS_initializers, 30000));
                /**
                 * Netted reservations deleted per slice: one short statement whose row locks
                 * (all skipped by anyone else, see deleteNettedReservations) are held for
                 * milliseconds. Larger batches delete faster but hold more locks for longer.
                 */
                _this.RESERVATION_CLEANUP_BATCH_SIZE = (__runInitializers(_this, _COMPACTION_MAX_ERROR_DELAY_MS_extraInitializers), __runInitializers(_this, _RESERVATION_CLEANUP_BATCH_SIZE_initializers, 1000));
                /**
                 * Pace of the cleanup (0: as fast as it goes). Checkout never reads this table
                 * by aggregate, so a backlog of netted rows costs only disk: the pace trades
                 * cleanup speed for the CPU checkout keeps. The default outruns the fastest
                 * netting the ledger can do on a small box (see docs/compaction.md).
                 */
                _this.RESERVATION_CLEANUP_ROWS_PER_SECOND = (__runInitializers(_this, _RESERVATION_CLEANUP_BATCH_SIZE_extraInitializers), __runInitializers(_this, _RESERVATION_CLEANUP_ROWS_PER_SECOND_initializers, 10000));
                /** How often a snapshot of the projections is taken (none while the ledger has not moved). */
                _this.SNAPSHOT_INTERVAL_SECONDS = (__runInitializers(_this, _RESERVATION_CLEANUP_ROWS_PER_SECOND_extraInitializers), __runInitializers(_this, _SNAPSHOT_INTERVAL_SECONDS_initializers, 300));
                /** Snapshots kept; older ones are pruned after each new one. */
                _this.SNAPSHOT_KEEP = (__runInitializers(_this, _SNAPSHOT_INTERVAL_SECONDS_extraInitializers), __runInitializers(_this, _SNAPSHOT_KEEP_initializers, 3));
                /** Due cart holds released per slice of the hold-expiry job. */
                _this.HOLD_EXPIRY_BATCH_SIZE = (__runInitializers(_this, _SNAPSHOT_KEEP_extraInitializers), __runInitializers(_this, _HOLD_EXPIRY_BATCH_SIZE_initializers, 500));
                /** Skus compared per slice of the reconciliation job (Redis counter against the ledger). */
                _this.RECONCILE_PAGE_SIZE = (__runInitializers(_this, _HOLD_EXPIRY_BATCH_SIZE_extraInitializers), __runInitializers(_this, _RECONCILE_PAGE_SIZE_initializers, 200));
                /** Reservation events the ledger has not folded this long after they were issued are published again. */
                _this.RECONCILE_REPUBLISH_AFTER_SECONDS = (__runInitializers(_this, _RECONCILE_PAGE_SIZE_extraInitializers), __runInitializers(_this, _RECONCILE_REPUBLISH_AFTER_SECONDS_initializers, 30));
                /** The ledger's consumer group (as in the ledger's config): snapshots record its offsets. */
                _this.LEDGER_GROUP_ID = (__runInitializers(_this, _RECONCILE_REPUBLISH_AFTER_SECONDS_extraInitializers), __runInitializers(_this, _LEDGER_GROUP_ID_initializers, 'stockflow-ledger'));
                __runInitializers(_this, _LEDGER_GROUP_ID_extraInitializers);
                return _this;
            }
            return CompactionConfig;
        }(_classSuper)),
        (function () {
            var _b;
            var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_b = _classSuper[Symbol.metadata]) !== null && _b !== void 0 ? _b : null) : void 0;
            _COMPACTION_JOBS_decorators = [(0, class_validator_1.Matches)(new RegExp("^(".concat(exports.JOB_NAMES.join('|'), ")(,(").concat(exports.JOB_NAMES.join('|'), "))*$")), {
                    message: "COMPACTION_JOBS must be a comma-separated list of: ".concat(exports.JOB_NAMES.join(', ')),
                })];
            _COMPACTION_IDLE_DELAY_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(10), (0, class_validator_1.Max)(60000)];
            _COMPACTION_ERROR_DELAY_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(10), (0, class_validator_1.Max)(60000)];
            _COMPACTION_MAX_ERROR_DELAY_MS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(10), (0, class_validator_1.Max)(600000)];
            _RESERVATION_CLEANUP_BATCH_SIZE_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(50000)];
            _RESERVATION_CLEANUP_ROWS_PER_SECOND_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(0), (0, class_validator_1.Max)(1000000)];
            _SNAPSHOT_INTERVAL_SECONDS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(7 * 24 * 3600)];
            _SNAPSHOT_KEEP_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(100)];
            _HOLD_EXPIRY_BATCH_SIZE_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(10000)];
            _RECONCILE_PAGE_SIZE_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(10000)];
            _RECONCILE_REPUBLISH_AFTER_SECONDS_decorators = [(0, class_validator_1.IsInt)(), (0, class_validator_1.Min)(1), (0, class_validator_1.Max)(86400)];
            _LEDGER_GROUP_ID_decorators = [(0, class_validator_1.IsString)()];
            __esDecorate(null, null, _COMPACTION_JOBS_decorators, { kind: "field", name: "COMPACTION_JOBS", static: false, private: false, access: { has: function (obj) { return "COMPACTION_JOBS" in obj; }, get: function (obj) { return obj.COMPACTION_JOBS; }, set: function (obj, value) { obj.COMPACTION_JOBS = value; } }, metadata: _metadata }, _COMPACTION_JOBS_initializers, _COMPACTION_JOBS_extraInitializers);
            __esDecorate(null, null, _COMPACTION_IDLE_DELAY_MS_decorators, { kind: "field", name: "COMPACTION_IDLE_DELAY_MS", static: false, private: false, access: { has: function (obj) { return "COMPACTION_IDLE_DELAY_MS" in obj; }, get: function (obj) { return obj.COMPACTION_IDLE_DELAY_MS; }, set: function (obj, value) { obj.COMPACTION_IDLE_DELAY_MS = value; } }, metadata: _metadata }, _COMPACTION_IDLE_DELAY_MS_initializers, _COMPACTION_IDLE_DELAY_MS_extraInitializers);
            __esDecorate(null, null, _COMPACTION_ERROR_DELAY_MS_decorators, { kind: "field", name: "COMPACTION_ERROR_DELAY_MS", static: false, private: false, access: { has: function (obj) { return "COMPACTION_ERROR_DELAY_MS" in obj; }, get: function (obj) { return obj.COMPACTION_ERROR_DELAY_MS; }, set: function (obj, value) { obj.COMPACTION_ERROR_DELAY_MS = value; } }, metadata: _metadata }, _COMPACTION_ERROR_DELAY_MS_initializers, _COMPACTION_ERROR_DELAY_MS_extraInitializers);
            __esDecorate(null, null, _COMPACTION_MAX_ERROR_DELAY_MS_decorators, { kind: "field", name: "COMPACTION_MAX_ERROR_DELAY_MS", static: false, private: false, access: { has: function (obj) { return "COMPACTION_MAX_ERROR_DELAY_MS" in obj; }, get: function (obj) { return obj.COMPACTION_MAX_ERROR_DELAY_MS; }, set: function (obj, value) { obj.COMPACTION_MAX_ERROR_DELAY_MS = value; } }, metadata: _metadata }, _COMPACTION_MAX_ERROR_DELAY_MS_initializers, _COMPACTION_MAX_ERROR_DELAY_MS_extraInitializers);
            __esDecorate(null, null, _RESERVATION_CLEANUP_BATCH_SIZE_decorators, { kind: "field", name: "RESERVATION_CLEANUP_BATCH_SIZE", static: false, private: false, access: { has: function (obj) { return "RESERVATION_CLEANUP_BATCH_SIZE" in obj; }, get: function (obj) { return obj.RESERVATION_CLEANUP_BATCH_SIZE; }, set: function (obj, value) { obj.RESERVATION_CLEANUP_BATCH_SIZE = value; } }, metadata: _metadata }, _RESERVATION_CLEANUP_BATCH_SIZE_initializers, _RESERVATION_CLEANUP_BATCH_SIZE_extraInitializers);
            __esDecorate(null, null, _RESERVATION_CLEANUP_ROWS_PER_SECOND_decorators, { kind: "field", name: "RESERVATION_CLEANUP_ROWS_PER_SECOND", static: false, private: false, access: { has: function (obj) { return "RESERVATION_CLEANUP_ROWS_PER_SECOND" in obj; }, get: function (obj) { return obj.RESERVATION_CLEANUP_ROWS_PER_SECOND; }, set: function (obj, value) { obj.RESERVATION_CLEANUP_ROWS_PER_SECOND = value; } }, metadata: _metadata }, _RESERVATION_CLEANUP_ROWS_PER_SECOND_initializers, _RESERVATION_CLEANUP_ROWS_PER_SECOND_extraInitializers);
            __esDecorate(null, null, _SNAPSHOT_INTERVAL_SECONDS_decorators, { kind: "field", name: "SNAPSHOT_INTERVAL_SECONDS", static: false, private: false, access: { has: function (obj) { return "SNAPSHOT_INTERVAL_SECONDS" in obj; }, get: function (obj) { return obj.SNAPSHOT_INTERVAL_SECONDS; }, set: function (obj, value) { obj.SNAPSHOT_INTERVAL_SECONDS = value; } }, metadata: _metadata }, _SNAPSHOT_INTERVAL_SECONDS_initializers, _SNAPSHOT_INTERVAL_SECONDS_extraInitializers);
            __esDecorate(null, null, _SNAPSHOT_KEEP_decorators, { kind: "field", name: "SNAPSHOT_KEEP", static: false, private: false, access: { has: function (obj) { return "SNAPSHOT_KEEP" in obj; }, get: function (obj) { return obj.SNAPSHOT_KEEP; }, set: function (obj, value) { obj.SNAPSHOT_KEEP = value; } }, metadata: _metadata }, _SNAPSHOT_KEEP_initializers, _SNAPSHOT_KEEP_extraInitializers);
            __esDecorate(null, null, _HOLD_EXPIRY_BATCH_SIZE_decorators, { kind: "field", name: "HOLD_EXPIRY_BATCH_SIZE", static: false, private: false, access: { has: function (obj) { return "HOLD_EXPIRY_BATCH_SIZE" in obj; }, get: function (obj) { return obj.HOLD_EXPIRY_BATCH_SIZE; }, set: function (obj, value) { obj.HOLD_EXPIRY_BATCH_SIZE = value; } }, metadata: _metadata }, _HOLD_EXPIRY_BATCH_SIZE_initializers, _HOLD_EXPIRY_BATCH_SIZE_extraInitializers);
            __esDecorate(null, null, _RECONCILE_PAGE_SIZE_decorators, { kind: "field", name: "RECONCILE_PAGE_SIZE", static: false, private: false, access: { has: function (obj) { return "RECONCILE_PAGE_SIZE" in obj; }, get: function (obj) { return obj.RECONCILE_PAGE_SIZE; }, set: function (obj, value) { obj.RECONCILE_PAGE_SIZE = value; } }, metadata: _metadata }, _RECONCILE_PAGE_SIZE_initializers, _RECONCILE_PAGE_SIZE_extraInitializers);
            __esDecorate(null, null, _RECONCILE_REPUBLISH_AFTER_SECONDS_decorators, { kind: "field", name: "RECONCILE_REPUBLISH_AFTER_SECONDS", static: false, private: false, access: { has: function (obj) { return "RECONCILE_REPUBLISH_AFTER_SECONDS" in obj; }, get: function (obj) { return obj.RECONCILE_REPUBLISH_AFTER_SECONDS; }, set: function (obj, value) { obj.RECONCILE_REPUBLISH_AFTER_SECONDS = value; } }, metadata: _metadata }, _RECONCILE_REPUBLISH_AFTER_SECONDS_initializers, _RECONCILE_REPUBLISH_AFTER_SECONDS_extraInitializers);
            __esDecorate(null, null, _LEDGER_GROUP_ID_decorators, { kind: "field", name: "LEDGER_GROUP_ID", static: false, private: false, access: { has: function (obj) { return "LEDGER_GROUP_ID" in obj; }, get: function (obj) { return obj.LEDGER_GROUP_ID; }, set: function (obj, value) { obj.LEDGER_GROUP_ID = value; } }, metadata: _metadata }, _LEDGER_GROUP_ID_initializers, _LEDGER_GROUP_ID_extraInitializers);
            if (_metadata) Object.defineProperty(_a, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        })(),
        _a;
}();
exports.CompactionConfig = CompactionConfig;
