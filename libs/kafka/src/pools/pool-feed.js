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
exports.PoolFeed = void 0;
var node_crypto_1 = require("node:crypto");
var common_1 = require("@nestjs/common");
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
var service_kit_1 = require("@stockflow/service-kit");
var batch_consumer_1 = require("../batch-consumer");
var skipped = (0, service_kit_1.counter)({
    name: 'stockflow_pool_events_skipped_total',
    help: 'Messages on inventory.pools that are not pool events (foreign writes), skipped',
});
/**
 * Every process that decides or shows by pool (gateway, orders, channel-sync)
 * folds inventory.pools itself, from the beginning, in a consumer group of its
 * own: the topic holds a few definitions, and reading it whole is what makes
 * every reader's directory the same fold of the same log. Not ready until it
 * has read to the end the topic had when it started, so nobody decides on a
 * partial directory.
 */
var PoolFeed = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _classSuper = batch_consumer_1.BatchConsumer;
    var PoolFeed = _classThis = /** @class */ (function (_super) {
        __extends(PoolFeed_1, _super);
        function PoolFeed_1(kafkaClient, topics, readiness) {
            // A group of one: every instance reads every definition; nothing is committed that matters.
            var _this = _super.call(this, kafkaClient, { groupId: "stockflow-pools-".concat((0, node_crypto_1.randomUUID)()), topic: topics.pools, tuning: { maxWaitTimeInMs: 100 } }, 'PoolFeed', readiness) || this;
            _this.kafkaClient = kafkaClient;
            _this.topics = topics;
            _this.directory = (0, ledger_core_1.emptyDirectory)();
            _this.outcomes = new Map();
            _this.listeners = [];
            _this.caughtUp = false;
            /** inventory.pools offset after the last applied event: grows with every pool change, the same in every reader. */
            _this.appliedUpTo = 0;
            _this.caughtUpOnce = new Promise(function (resolve) { return (_this.markCaughtUp = resolve); });
            readiness.register('pools', function () {
                if (!_this.caughtUp)
                    throw new Error('reading inventory.pools');
            });
            return _this;
        }
        PoolFeed_1.prototype.current = function () {
            return this.directory;
        };
        /** Position of the directory in the log (0 before any pool change): channel availability's poolVersion. */
        PoolFeed_1.prototype.version = function () {
            return this.appliedUpTo;
        };
        /** False while folding the history that was in the topic at startup; changes seen then are not news. */
        PoolFeed_1.prototype.isCaughtUp = function () {
            return this.caughtUp;
        };
        /** Resolves once the feed has read the topic to where it ended at startup (see readiness). */
        PoolFeed_1.prototype.whenCaughtUp = function () {
            return this.caughtUpOnce;
        };
        PoolFeed_1.prototype.pool = function (poolId) {
            return this.directory.pools.get(poolId);
        };
        /** Called after each applied pool event, with the directory before and after it. */
        PoolFeed_1.prototype.onChange = function (listener) {
            this.listeners.push(listener);
        };
        /** Resolves with what the fold decided for `eventId` once this feed reads it (read-your-writes for PUT/DELETE). */
        PoolFeed_1.prototype.outcomeOf = function (eventId, timeoutMs) {
            var _this = this;
            return new Promise(function (resolve) {
                var timer = setTimeout(function () {
                    _this.outcomes.delete(eventId);
                    resolve(undefined);
                }, timeoutMs);
                _this.outcomes.set(eventId, function (outcome) {
                    clearTimeout(timer);
                    resolve(outcome);
                });
            });
        };
        PoolFeed_1.prototype.onApplicationBootstrap = function () {
            return __awaiter(this, void 0, void 0, function () {
                var _a;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            _a = this;
                            return [4 /*yield*/, this.endOffset()];
                        case 1:
                            _a.target = _b.sent();
                            if (this.target === 0n)
                                this.setCaughtUp();
                            return [4 /*yield*/, _super.prototype.onApplicationBootstrap.call(this)];
                        case 2:
                            _b.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        PoolFeed_1.prototype.handle = function (_partition, messages) {
            return __awaiter(this, void 0, void 0, function () {
                var _i, messages_1, message, event_1, before, outcome, _a, _b, listener;
                var _c;
                return __generator(this, function (_d) {
                    for (_i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
                        message = messages_1[_i];
                        event_1 = (0, contracts_1.decodePoolEvent)(message.value);
                        if (!event_1) {
                            skipped.inc();
                            // A foreign write at the end of the topic must not keep the feed "not caught up" for ever.
                            if (this.target !== undefined && BigInt(message.offset) + 1n >= this.target)
                                this.setCaughtUp();
                            continue;
                        }
                        before = this.directory;
                        outcome = (0, ledger_core_1.foldPoolEvent)(before, event_1);
                        if (outcome.applied) {
                            this.directory = outcome.directory;
                            this.appliedUpTo = Number(message.offset) + 1;
                            for (_a = 0, _b = this.listeners; _a < _b.length; _a++) {
                                listener = _b[_a];
                                listener(before, outcome.directory, event_1);
                            }
                        }
                        (_c = this.outcomes.get(event_1.eventId)) === null || _c === void 0 ? void 0 : _c(outcome);
                        this.outcomes.delete(event_1.eventId);
                        if (this.target !== undefined && BigInt(message.offset) + 1n >= this.target)
                            this.setCaughtUp();
                    }
                    return [2 /*return*/];
                });
            });
        };
        PoolFeed_1.prototype.setCaughtUp = function () {
            this.caughtUp = true;
            this.markCaughtUp();
        };
        PoolFeed_1.prototype.endOffset = function () {
            return __awaiter(this, void 0, void 0, function () {
                var admin, partition;
                var _a;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            admin = this.kafkaClient.admin();
                            return [4 /*yield*/, admin.connect()];
                        case 1:
                            _b.sent();
                            _b.label = 2;
                        case 2:
                            _b.trys.push([2, , 4, 6]);
                            return [4 /*yield*/, admin.fetchTopicOffsets(this.topics.pools)];
                        case 3:
                            partition = (_b.sent())[0];
                            return [2 /*return*/, BigInt((_a = partition === null || partition === void 0 ? void 0 : partition.high) !== null && _a !== void 0 ? _a : '0')];
                        case 4: return [4 /*yield*/, admin.disconnect()];
                        case 5:
                            _b.sent();
                            return [7 /*endfinally*/];
                        case 6: return [2 /*return*/];
                    }
                });
            });
        };
        return PoolFeed_1;
    }(_classSuper));
    __setFunctionName(_classThis, "PoolFeed");
    (function () {
        var _a;
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_a = _classSuper[Symbol.metadata]) !== null && _a !== void 0 ? _a : null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        PoolFeed = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return PoolFeed = _classThis;
}();
exports.PoolFeed = PoolFeed;
