"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.LogBindingGuard = void 0;
var common_1 = require("@nestjs/common");
var contracts_1 = require("@stockflow/contracts");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
/** 1 + 2 + 4 + 8 s of retries: a broker still electing leaders at startup answers within that. */
var CHECK_ATTEMPTS = 5;
var WAY_FORWARD = 'nothing is applied until an operator decides: fold this log into fresh projections (a new database, or npm run replay), ' +
    'or reset the stored offsets (docs/ledger.md, "When the log changes under the ledger")';
/**
 * Keeps the ledger from resuming offsets that belong to another log. On every
 * assignment it compares the stored offsets with the broker (cluster id, log
 * start and end) and seeks one record early where it can, so the first batch
 * proves the last applied record is still there (its fingerprint, the anchor).
 * Any mismatch: the topic is paused, /health/ready fails naming both sides, and
 * nothing is applied or skipped until an operator acts (never a silent skip).
 */
var LogBindingGuard = /** @class */ (function () {
    function LogBindingGuard(kafka, db, groupId, topic, readiness) {
        var _this = this;
        this.kafka = kafka;
        this.db = db;
        this.groupId = groupId;
        this.topic = topic;
        this.logger = new common_1.Logger('log-binding');
        this.checked = Promise.resolve();
        this.pending = new Map();
        readiness.register('log-binding', function () {
            if (_this.refusal)
                throw new Error("refusing to consume: ".concat(_this.refusal, "; ").concat(WAY_FORWARD));
        });
    }
    /**
     * Called synchronously from GROUP_JOIN, before kafkajs fetches for the new
     * assignment: the topic stays paused until the check has sought every
     * partition, so no batch fetched from Kafka's committed hint can arrive ahead
     * of the seek (it would start past the anchor and look like a foreign log).
     */
    LogBindingGuard.prototype.onAssigned = function (consumer, partitions) {
        consumer.pause([{ topic: this.topic }]);
        this.checked = this.checkWithRetries(consumer, partitions);
    };
    /** The messages of a batch that may be applied: none while refusing; the anchor record is checked and dropped. */
    LogBindingGuard.prototype.admit = function (consumer, partition, messages) {
        return __awaiter(this, void 0, void 0, function () {
            var verify, result;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.checked];
                    case 1:
                        _a.sent();
                        if (this.refusal)
                            return [2 /*return*/, []];
                        verify = this.pending.get(partition);
                        if (!verify)
                            return [2 /*return*/, messages];
                        result = (0, contracts_1.checkAnchor)(messages, verify, contracts_1.recordFingerprint, "".concat(this.topic, "[").concat(partition, "]"));
                        if (result.outcome === 'mismatch') {
                            this.refuse(consumer, "".concat(result.reason, " (cluster ").concat(this.clusterId, ")"));
                            return [2 /*return*/, []];
                        }
                        if (result.outcome === 'verified')
                            this.pending.delete(partition);
                        return [2 /*return*/, result.rest];
                }
            });
        });
    };
    /** A broker or Postgres that does not answer yet is retried; one that keeps failing refuses (the next assignment checks again). */
    LogBindingGuard.prototype.checkWithRetries = function (consumer, partitions) {
        return __awaiter(this, void 0, void 0, function () {
            var _loop_1, this_1, attempt, state_1;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        _loop_1 = function (attempt) {
                            var _b, error_1;
                            return __generator(this, function (_c) {
                                switch (_c.label) {
                                    case 0:
                                        _c.trys.push([0, 2, , 4]);
                                        _b = {};
                                        return [4 /*yield*/, this_1.check(consumer, partitions)];
                                    case 1: return [2 /*return*/, (_b.value = _c.sent(), _b)];
                                    case 2:
                                        error_1 = _c.sent();
                                        if (attempt >= CHECK_ATTEMPTS) {
                                            return [2 /*return*/, { value: this_1.refuse(consumer, "could not compare the stored offsets with the log: ".concat(error_1.message)) }];
                                        }
                                        this_1.logger.warn("comparing stored offsets with the log failed (attempt ".concat(attempt, "): ").concat(error_1.message));
                                        return [4 /*yield*/, new Promise(function (resolve) { return setTimeout(resolve, 500 * Math.pow(2, attempt)); })];
                                    case 3:
                                        _c.sent();
                                        return [3 /*break*/, 4];
                                    case 4: return [2 /*return*/];
                                }
                            });
                        };
                        this_1 = this;
                        attempt = 1;
                        _a.label = 1;
                    case 1: return [5 /*yield**/, _loop_1(attempt)];
                    case 2:
                        state_1 = _a.sent();
                        if (typeof state_1 === "object")
                            return [2 /*return*/, state_1.value];
                        _a.label = 3;
                    case 3:
                        attempt++;
                        return [3 /*break*/, 1];
                    case 4: return [2 /*return*/];
                }
            });
        });
    };
    LogBindingGuard.prototype.check = function (consumer, partitions) {
        return __awaiter(this, void 0, void 0, function () {
            var _a, log, stored, plans, refused, _i, plans_1, plan;
            var _this = this;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        this.pending.clear();
                        return [4 /*yield*/, Promise.all([
                                (0, kafka_1.readLogNow)(this.kafka, this.topic),
                                (0, persistence_1.readStoredOffsets)(this.db, this.groupId, this.topic),
                            ])];
                    case 1:
                        _a = _b.sent(), log = _a[0], stored = _a[1];
                        plans = partitions.map(function (p) { return (0, contracts_1.planResume)(p, stored.get(p), log, _this.topic); });
                        refused = plans.flatMap(function (plan) { return (plan.action === 'refuse' ? [plan.reason] : []); });
                        if (refused.length > 0)
                            return [2 /*return*/, this.refuse(consumer, refused.join('; '))];
                        this.refusal = undefined;
                        this.clusterId = log.clusterId;
                        this.partitions = log.watermarks.size;
                        for (_i = 0, plans_1 = plans; _i < plans_1.length; _i++) {
                            plan = plans_1[_i];
                            if (plan.action !== 'resume')
                                continue;
                            if (plan.verify)
                                this.pending.set(plan.partition, plan.verify);
                            consumer.seek({
                                topic: this.topic,
                                partition: plan.partition,
                                offset: plan.seekTo.toString(),
                            });
                        }
                        consumer.resume([{ topic: this.topic }]);
                        this.logger.log("assigned partitions [".concat(partitions.join(', '), "] of cluster ").concat(log.clusterId, "; resuming from offsets stored in Postgres ") +
                            "(".concat(this.pending.size, " to verify by their last applied record)"));
                        return [2 /*return*/];
                }
            });
        });
    };
    LogBindingGuard.prototype.refuse = function (consumer, reason) {
        this.refusal = reason;
        consumer.pause([{ topic: this.topic }]);
        this.logger.error("refusing to consume ".concat(this.topic, ": ").concat(reason, "; ").concat(WAY_FORWARD));
    };
    return LogBindingGuard;
}());
exports.LogBindingGuard = LogBindingGuard;
