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
exports.BatchApplier = void 0;
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var ledger_metrics_1 = require("../ledger.metrics");
var batch_trace_1 = require("./batch-trace");
var event_results_1 = require("./event-results");
var misrouted_records_1 = require("./misrouted-records");
var stock_level_messages_1 = require("./stock-level-messages");
/**
 * The exactly-once write path. For one partition batch, in ONE Postgres
 * transaction: foldPartitionBatch (lock the stored offset, skip what it already
 * covers, fold the rest with the pure core, write projections + journal, move the
 * offset), then dead letters and stock-level updates, acknowledged by Kafka before
 * COMMIT: if the process dies in between, the batch is folded again from the same
 * log prefix to the same result, so a re-publish carries identical versions that
 * consumers drop as stale.
 */
var BatchApplier = /** @class */ (function () {
    function BatchApplier(db, publisher, topics, groupId) {
        this.db = db;
        this.publisher = publisher;
        this.topics = topics;
        this.groupId = groupId;
        this.logger = new common_1.Logger(BatchApplier.name);
    }
    BatchApplier.prototype.apply = function (partition, messages, source) {
        var _this = this;
        if (source === void 0) { source = {}; }
        return (0, batch_trace_1.tracedBatch)(this.topics.events, partition, messages, function (stamp) { return _this.applyBatch(partition, messages, source, stamp); });
    };
    BatchApplier.prototype.applyBatch = function (partition, messages, source, stampTrace) {
        return __awaiter(this, void 0, void 0, function () {
            var key, stop, outcome;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        key = { groupId: this.groupId, topic: this.topics.events, partition: partition };
                        stop = ledger_metrics_1.ledgerMetrics.batchSeconds.startTimer();
                        return [4 /*yield*/, (0, persistence_1.sqlPool)(this.db).transaction(function (tx) { return __awaiter(_this, void 0, void 0, function () {
                                var folded, before, result, events, rejected, skipped, handedOff, _i, handedOff_1, m, decided, dead, _a, _b, entry;
                                var _this = this;
                                return __generator(this, function (_c) {
                                    switch (_c.label) {
                                        case 0: return [4 /*yield*/, (0, persistence_1.foldPartitionBatch)(tx, key, messages, {
                                                clusterId: source.clusterId,
                                                handOff: function (m) { return (0, misrouted_records_1.isMisrouted)(m, partition, source.partitions); },
                                            })];
                                        case 1:
                                            folded = _c.sent();
                                            before = folded.before, result = folded.result, events = folded.events, rejected = folded.rejected, skipped = folded.skipped, handedOff = folded.handedOff;
                                            for (_i = 0, handedOff_1 = handedOff; _i < handedOff_1.length; _i++) {
                                                m = handedOff_1[_i];
                                                this.logger.warn("re-producing ".concat(this.topics.events, "[").concat(partition, "]@").concat(m.offset, ": key ").concat(m.key, " belongs to partition ").concat((0, misrouted_records_1.rerouted)(m, partition, source.partitions).partition, " (murmur2)"));
                                            }
                                            decided = handedOff.length > 0 ? messages.filter(function (m) { return !handedOff.includes(m); }) : messages;
                                            dead = rejected.map(function (r) { return _this.deadLetter(partition, r.message, r.code, r.reason, r.details); });
                                            for (_a = 0, _b = result.entries; _a < _b.length; _a++) {
                                                entry = _b[_a];
                                                if (entry.wentNegative)
                                                    this.flagNegative(entry.sku, partition);
                                            }
                                            return [4 /*yield*/, Promise.all([
                                                    this.publisher.publish(this.topics.eventsDlq, dead),
                                                    this.publisher.publish(this.topics.events, handedOff.map(function (m) { return (0, misrouted_records_1.rerouted)(m, partition, source.partitions); })),
                                                    this.publisher.publish(this.topics.stockLevels, stampTrace((0, stock_level_messages_1.stockLevelMessages)(before, result, events, new Date()))),
                                                    this.publisher.publish(this.topics.eventResults, (0, event_results_1.eventResultMessages)(decided, folded)),
                                                ])];
                                        case 2:
                                            _c.sent();
                                            return [2 /*return*/, { applied: result.entries.length, deadLettered: dead.length, duplicates: result.duplicates.length, skipped: skipped, rerouted: handedOff.length }];
                                    }
                                });
                            }); })];
                    case 1:
                        outcome = _a.sent();
                        stop();
                        ledger_metrics_1.ledgerMetrics.applied.inc(outcome.applied);
                        ledger_metrics_1.ledgerMetrics.duplicates.inc(outcome.duplicates);
                        return [2 /*return*/, outcome];
                }
            });
        });
    };
    BatchApplier.prototype.flagNegative = function (sku, partition) {
        ledger_metrics_1.ledgerMetrics.negativeStock.inc();
        this.logger.warn("negative stock: sku=".concat(sku, " went below zero at a location (").concat(this.topics.events, "[").concat(partition, "]); review it"));
    };
    BatchApplier.prototype.deadLetter = function (partition, message, code, reason, details) {
        this.logger.warn("dead-lettering ".concat(this.topics.events, "[").concat(partition, "]@").concat(message.offset, ": ").concat(code, ": ").concat(reason));
        ledger_metrics_1.ledgerMetrics.deadLettered.inc({ code: code });
        return (0, kafka_1.deadLetter)({ topic: this.topics.events, partition: partition, message: message }, code, reason, details);
    };
    return BatchApplier;
}());
exports.BatchApplier = BatchApplier;
