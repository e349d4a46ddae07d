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
exports.DeadLetterReplay = void 0;
var common_1 = require("@nestjs/common");
/**
 * Replays a channel's dead letters: per SKU, the NEWEST state goes out (the
 * ledger's current stock level, or a dead letter's own if that is newer), not
 * each stale payload. It travels the channel's normal pipeline, so ordering,
 * coalescing, rate limit and retries apply; rows turn `replayed` when the
 * channel takes it (or already shows something newer) and `replay_failed`
 * when it is dead-lettered again (a new dead letter records that failure).
 */
var DeadLetterReplay = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var DeadLetterReplay = _classThis = /** @class */ (function () {
        function DeadLetterReplay_1(store, fleet) {
            this.store = store;
            this.fleet = fleet;
        }
        DeadLetterReplay_1.prototype.replay = function (channel, skus) {
            return __awaiter(this, void 0, void 0, function () {
                var pipeline, rows, bySku, _i, rows_1, row, sku, ledger, _a, bySku_1, _b, sku, deadLetters, ids, state, result;
                var _c;
                return __generator(this, function (_d) {
                    switch (_d.label) {
                        case 0:
                            pipeline = this.fleet.pipeline(channel);
                            return [4 /*yield*/, this.store.claimForReplay(channel, skus)];
                        case 1:
                            rows = _d.sent();
                            bySku = new Map();
                            for (_i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
                                row = rows_1[_i];
                                sku = row.record.sku;
                                bySku.set(sku, __spreadArray(__spreadArray([], ((_c = bySku.get(sku)) !== null && _c !== void 0 ? _c : []), true), [row], false));
                            }
                            return [4 /*yield*/, this.store.stockStates(__spreadArray([], bySku.keys(), true))];
                        case 2:
                            ledger = _d.sent();
                            _a = 0, bySku_1 = bySku;
                            _d.label = 3;
                        case 3:
                            if (!(_a < bySku_1.length)) return [3 /*break*/, 8];
                            _b = bySku_1[_a], sku = _b[0], deadLetters = _b[1];
                            ids = deadLetters.map(function (d) { return d.id; });
                            state = newest(ledger.get(sku), deadLetters);
                            result = pipeline.offer(state, {}, ids);
                            if (!(result === 'stale' || result === 'unchanged')) return [3 /*break*/, 5];
                            return [4 /*yield*/, this.store.settleReplay(ids, 'replayed', state.version)];
                        case 4:
                            _d.sent();
                            _d.label = 5;
                        case 5:
                            if (!(result === 'not_listed')) return [3 /*break*/, 7];
                            return [4 /*yield*/, this.store.settleReplay(ids, 'replay_failed', state.version)];
                        case 6:
                            _d.sent();
                            _d.label = 7;
                        case 7:
                            _a++;
                            return [3 /*break*/, 3];
                        case 8: return [2 /*return*/, { channel: channel, deadLetters: rows.length, skus: bySku.size }];
                    }
                });
            });
        };
        return DeadLetterReplay_1;
    }());
    __setFunctionName(_classThis, "DeadLetterReplay");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        DeadLetterReplay = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return DeadLetterReplay = _classThis;
}();
exports.DeadLetterReplay = DeadLetterReplay;
/**
 * The ledger's row when there is one: it is at least as new as any dead letter
 * and carries the per-location numbers the channel's pool needs. A dead
 * letter's own update (its pool's available) only stands in when the row is gone.
 */
function newest(ledger, deadLetters) {
    var _a;
    if (ledger)
        return ledger;
    var best;
    for (var _i = 0, deadLetters_1 = deadLetters; _i < deadLetters_1.length; _i++) {
        var record = deadLetters_1[_i].record;
        var update = record.update;
        if (!update)
            continue;
        var version = (_a = update.ledgerVersion) !== null && _a !== void 0 ? _a : update.version;
        if (!best || version > best.version)
            best = { sku: update.sku, version: version, available: update.available };
    }
    return best;
}
