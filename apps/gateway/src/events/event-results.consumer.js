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
exports.EventResults = void 0;
var node_crypto_1 = require("node:crypto");
var common_1 = require("@nestjs/common");
var kafka_1 = require("@stockflow/kafka");
/**
 * This gateway instance's answers from the ledger (inventory.event-results):
 * a group of its own, so every instance reads every result and keeps those
 * addressed to it, starting at the end of the log (older answers are for
 * instances that no longer exist). Waiters are registered before the events
 * are produced, so no answer arrives unheard; ready only once the group has
 * joined, so no wait starts before the consumer's start position is fixed.
 */
var EventResults = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _classSuper = kafka_1.BatchConsumer;
    var EventResults = _classThis = /** @class */ (function (_super) {
        __extends(EventResults_1, _super);
        function EventResults_1(kafka, topics, readiness) {
            var _this = _super.call(this, kafka, { groupId: "stockflow-gateway-results-".concat((0, node_crypto_1.randomUUID)()), topic: topics.eventResults, fromBeginning: false, tuning: { maxWaitTimeInMs: 50 } }, 'EventResults', readiness) || this;
            /** The name the ledger answers to (REPLY_TO_HEADER): one per process. */
            _this.instanceId = (0, node_crypto_1.randomUUID)();
            /** eventId -> everyone waiting for it (two requests may carry the same eventId). */
            _this.waiters = new Map();
            _this.joined = false;
            readiness.register('event-results', function () {
                if (!_this.joined)
                    throw new Error('joining inventory.event-results');
            });
            return _this;
        }
        /**
         * The outcome of every eventId, or undefined when the time ran out first (the
         * events stay accepted; the ledger decides them anyway). A retried eventId in
         * one request answers once for both.
         */
        EventResults_1.prototype.await = function (eventIds, timeoutMs, produce) {
            return __awaiter(this, void 0, void 0, function () {
                var results, unique, timer, mine, all, timeout, _i, mine_1, _a, id, waiter, set;
                var _this = this;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            results = new Map();
                            unique = __spreadArray([], new Set(eventIds), true);
                            mine = new Map();
                            all = new Promise(function (resolve) {
                                var _a;
                                var _loop_1 = function (id) {
                                    // The first answer for an eventId decides it: a copy later in the same
                                    // request (same SKU, same partition, answered in log order) is its duplicate.
                                    var waiter = function (result) {
                                        if (results.has(id))
                                            return;
                                        results.set(id, result);
                                        if (results.size === unique.length)
                                            resolve();
                                    };
                                    mine.set(id, waiter);
                                    _this.waiters.set(id, ((_a = _this.waiters.get(id)) !== null && _a !== void 0 ? _a : new Set()).add(waiter));
                                };
                                for (var _i = 0, unique_1 = unique; _i < unique_1.length; _i++) {
                                    var id = unique_1[_i];
                                    _loop_1(id);
                                }
                            });
                            _b.label = 1;
                        case 1:
                            _b.trys.push([1, , 4, 5]);
                            return [4 /*yield*/, produce()];
                        case 2:
                            _b.sent();
                            timeout = new Promise(function (resolve) { return (timer = setTimeout(function () { return resolve('timeout'); }, timeoutMs)); });
                            return [4 /*yield*/, Promise.race([all, timeout])];
                        case 3: return [2 /*return*/, (_b.sent()) === 'timeout' ? undefined : results];
                        case 4:
                            clearTimeout(timer);
                            for (_i = 0, mine_1 = mine; _i < mine_1.length; _i++) {
                                _a = mine_1[_i], id = _a[0], waiter = _a[1];
                                set = this.waiters.get(id);
                                set === null || set === void 0 ? void 0 : set.delete(waiter);
                                if ((set === null || set === void 0 ? void 0 : set.size) === 0)
                                    this.waiters.delete(id);
                            }
                            return [7 /*endfinally*/];
                        case 5: return [2 /*return*/];
                    }
                });
            });
        };
        EventResults_1.prototype.prepare = function (consumer) {
            return __awaiter(this, void 0, void 0, function () {
                var _this = this;
                return __generator(this, function (_a) {
                    consumer.on(consumer.events.GROUP_JOIN, function () { return (_this.joined = true); });
                    return [2 /*return*/];
                });
            });
        };
        EventResults_1.prototype.handle = function (_partition, messages) {
            return __awaiter(this, void 0, void 0, function () {
                var _i, messages_1, message, result, _a, _b, waiter;
                var _c, _d;
                return __generator(this, function (_e) {
                    for (_i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
                        message = messages_1[_i];
                        if (((_c = message.key) === null || _c === void 0 ? void 0 : _c.toString()) !== this.instanceId)
                            continue;
                        result = JSON.parse(message.value.toString());
                        for (_a = 0, _b = (_d = this.waiters.get(result.eventId)) !== null && _d !== void 0 ? _d : []; _a < _b.length; _a++) {
                            waiter = _b[_a];
                            waiter(result);
                        }
                    }
                    return [2 /*return*/];
                });
            });
        };
        return EventResults_1;
    }(_classSuper));
    __setFunctionName(_classThis, "EventResults");
    (function () {
        var _a;
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create((_a = _classSuper[Symbol.metadata]) !== null && _a !== void 0 ? _a : null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        EventResults = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return EventResults = _classThis;
}();
exports.EventResults = EventResults;
