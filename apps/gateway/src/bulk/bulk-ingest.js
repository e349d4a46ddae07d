"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
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
exports.BulkIngest = exports.MAX_BULK_EVENTS = void 0;
var common_1 = require("@nestjs/common");
var crypto_1 = require("crypto");
var contracts_1 = require("@stockflow/contracts");
var persistence_1 = require("@stockflow/persistence");
exports.MAX_BULK_EVENTS = 100000;
/** Events validated and produced per step; each step records progress (and heartbeats the job). */
var CHUNK = 1000;
/** A processing job without progress for this long belonged to a process that died. */
var STALE_SECONDS = 300;
/**
 * Background processing of POST /v1/events/bulk. Unlike POST /v1/events it is
 * not all-or-nothing: each valid event of the caller's channel is appended to
 * the log, each invalid one is counted as rejected with its field errors.
 */
var BulkIngest = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var BulkIngest = _classThis = /** @class */ (function () {
        function BulkIngest_1(db, ingest) {
            this.db = db;
            this.ingest = ingest;
            this.logger = new common_1.Logger(BulkIngest.name);
            this.running = new Set();
            this.stopping = false;
        }
        BulkIngest_1.prototype.onApplicationBootstrap = function () {
            return __awaiter(this, void 0, void 0, function () {
                var failed;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, (0, persistence_1.failStaleBulkJobs)(this.db, STALE_SECONDS)];
                        case 1:
                            failed = _a.sent();
                            if (failed > 0)
                                this.logger.warn("marked ".concat(failed, " interrupted bulk job(s) failed"));
                            return [2 /*return*/];
                    }
                });
            });
        };
        /** SIGTERM: finish the chunk in flight, then mark the job failed (resubmitting is safe). */
        BulkIngest_1.prototype.onApplicationShutdown = function () {
            return __awaiter(this, void 0, void 0, function () {
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            this.stopping = true;
                            return [4 /*yield*/, Promise.all(this.running)];
                        case 1:
                            _a.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        BulkIngest_1.prototype.submit = function (events, channel) {
            return __awaiter(this, void 0, void 0, function () {
                var bulkId, job;
                var _this = this;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            bulkId = (0, crypto_1.randomUUID)();
                            return [4 /*yield*/, (0, persistence_1.createBulkJob)(this.db, bulkId, channel, events.length)];
                        case 1:
                            _a.sent();
                            job = this.process(bulkId, events, channel).finally(function () { return _this.running.delete(job); });
                            this.running.add(job);
                            return [2 /*return*/, bulkId];
                    }
                });
            });
        };
        BulkIngest_1.prototype.process = function (bulkId, events, channel) {
            return __awaiter(this, void 0, void 0, function () {
                var start, _a, valid, errors, rejected, error_1;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            _b.trys.push([0, 9, , 11]);
                            start = 0;
                            _b.label = 1;
                        case 1:
                            if (!(start < events.length)) return [3 /*break*/, 7];
                            if (!this.stopping) return [3 /*break*/, 3];
                            return [4 /*yield*/, (0, persistence_1.finishBulkJob)(this.db, bulkId, 'failed', "stopped at event ".concat(start, ": the gateway shut down; resubmit"))];
                        case 2:
                            _b.sent();
                            return [2 /*return*/];
                        case 3:
                            _a = validateChunk(events.slice(start, start + CHUNK), start, channel), valid = _a.valid, errors = _a.errors, rejected = _a.rejected;
                            return [4 /*yield*/, this.ingest.publish(valid)];
                        case 4:
                            _b.sent();
                            return [4 /*yield*/, (0, persistence_1.recordBulkProgress)(this.db, bulkId, valid.length, errors, rejected)];
                        case 5:
                            _b.sent();
                            _b.label = 6;
                        case 6:
                            start += CHUNK;
                            return [3 /*break*/, 1];
                        case 7: return [4 /*yield*/, (0, persistence_1.finishBulkJob)(this.db, bulkId, 'completed')];
                        case 8:
                            _b.sent();
                            return [3 /*break*/, 11];
                        case 9:
                            error_1 = _b.sent();
                            this.logger.error("bulk ".concat(bulkId, " failed: ").concat(error_1.message));
                            return [4 /*yield*/, (0, persistence_1.finishBulkJob)(this.db, bulkId, 'failed', error_1.message).catch(function () { return undefined; })];
                        case 10:
                            _b.sent();
                            return [3 /*break*/, 11];
                        case 11: return [2 /*return*/];
                    }
                });
            });
        };
        return BulkIngest_1;
    }());
    __setFunctionName(_classThis, "BulkIngest");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        BulkIngest = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return BulkIngest = _classThis;
}();
exports.BulkIngest = BulkIngest;
function validateChunk(items, offset, channel) {
    var valid = [];
    var errors = [];
    var rejected = 0;
    items.forEach(function (item, i) {
        var index = offset + i;
        var parsed = (0, contracts_1.parseEvent)(item);
        if (!parsed.ok) {
            rejected++;
            errors.push.apply(errors, parsed.errors.map(function (e) { return (__assign({ index: index }, e)); }));
        }
        else if (parsed.event.channel !== channel) {
            rejected++;
            errors.push({ index: index, field: 'channel', messages: ["token of channel '".concat(channel, "' may not write channel '").concat(parsed.event.channel, "'")] });
        }
        else {
            valid.push(parsed.event);
        }
    });
    return { valid: valid, errors: errors, rejected: rejected };
}
