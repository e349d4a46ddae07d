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
exports.CompactionModule = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var reservations_1 = require("@stockflow/reservations");
var service_kit_1 = require("@stockflow/service-kit");
var compaction_config_1 = require("./compaction.config");
var compaction_job_1 = require("./jobs/compaction-job");
var hold_expiry_job_1 = require("./jobs/hold-expiry.job");
var job_runner_1 = require("./jobs/job-runner");
var reconciliation_job_1 = require("./jobs/reconciliation.job");
var reservation_cleanup_job_1 = require("./jobs/reservation-cleanup.job");
var snapshot_job_1 = require("./jobs/snapshot.job");
/** Every job the service runs continuously; add a job here. */
var JOBS = [reservation_cleanup_job_1.ReservationCleanupJob, snapshot_job_1.SnapshotJob, hold_expiry_job_1.HoldExpiryJob, reconciliation_job_1.ReconciliationJob];
var CompactionModule = function () {
    var _classDecorators = [(0, common_1.Module)({})];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var CompactionModule = _classThis = /** @class */ (function () {
        function CompactionModule_1() {
        }
        CompactionModule_1.forRoot = function (config) {
            return {
                module: CompactionModule,
                imports: [
                    service_kit_1.ServiceKitModule.forRoot(),
                    kafka_1.KafkaModule.forRoot({
                        brokers: config.KAFKA_BROKERS,
                        clientId: "".concat(config.KAFKA_CLIENT_ID, "-compaction"),
                        topicPrefix: config.KAFKA_TOPIC_PREFIX,
                    }),
                    persistence_1.DatabaseModule.forRoot({
                        url: config.DATABASE_URL,
                        poolSize: config.DATABASE_POOL_SIZE,
                        applicationName: 'stockflow-compaction',
                    }),
                    reservations_1.ReservationsModule.forRoot({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX }),
                ],
                providers: __spreadArray(__spreadArray([
                    { provide: compaction_config_1.CompactionConfig, useValue: config }
                ], (0, compaction_job_1.compactionJobs)(JOBS), true), [
                    job_runner_1.JobRunner,
                ], false),
            };
        };
        return CompactionModule_1;
    }());
    __setFunctionName(_classThis, "CompactionModule");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        CompactionModule = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return CompactionModule = _classThis;
}();
exports.CompactionModule = CompactionModule;
