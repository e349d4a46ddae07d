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
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeadLetterStore = exports.REPLAY_STATUSES = void 0;
var common_1 = require("@nestjs/common");
var persistence_1 = require("@stockflow/persistence");
exports.REPLAY_STATUSES = ['dead', 'replaying', 'replayed', 'replay_failed'];
/** SQL over channel_dead_letters (the DLQ index) and the ledger's stock_levels. */
var DeadLetterStore = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var DeadLetterStore = _classThis = /** @class */ (function () {
        function DeadLetterStore_1(db) {
            this.db = db;
        }
        /** Idempotent: a record read twice from the topic is indexed once. */
        DeadLetterStore_1.prototype.index = function (entries) {
            return __awaiter(this, void 0, void 0, function () {
                var r;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0:
                            if (entries.length === 0)
                                return [2 /*return*/];
                            r = entries.map(function (e) { return e.record; });
                            return [4 /*yield*/, this.db.query("INSERT INTO channel_dead_letters (channel, sku, code, reason, attempts, failed_at, record, kafka_partition, kafka_offset)\n       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::int[], $6::timestamptz[],\n                            $7::jsonb[], $8::int[], $9::bigint[])\n       ON CONFLICT (kafka_partition, kafka_offset) DO NOTHING", [
                                    r.map(function (x) { return x.channel; }),
                                    r.map(function (x) { return x.sku; }),
                                    r.map(function (x) { return x.code; }),
                                    r.map(function (x) { return x.reason; }),
                                    r.map(function (x) { return x.attempts; }),
                                    r.map(function (x) { return x.failedAt; }),
                                    r.map(function (x) { return JSON.stringify(x); }),
                                    entries.map(function (e) { return e.partition; }),
                                    entries.map(function (e) { return e.offset; }),
                                ])];
                        case 1:
                            _a.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        /** Newest first, keyset-paginated on id. `channel` null: poison input. */
        DeadLetterStore_1.prototype.list = function (channel, statuses, limit, before) {
            return __awaiter(this, void 0, void 0, function () {
                var rows;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, this.db.query("SELECT * FROM channel_dead_letters\n       WHERE channel IS NOT DISTINCT FROM $1 AND status = ANY($2) AND id < $3\n       ORDER BY id DESC LIMIT $4", [channel, statuses, before !== null && before !== void 0 ? before : Number.MAX_SAFE_INTEGER, limit])];
                        case 1:
                            rows = _a.sent();
                            return [2 /*return*/, rows.map(toIndexed)];
                    }
                });
            });
        };
        /**
         * Marks the channel's unreplayed dead letters (optionally of some SKUs) as
         * replaying and returns them. `replaying` rows are taken again: a replay cut
         * short by a restart is finished by the next one.
         */
        DeadLetterStore_1.prototype.claimForReplay = function (channel, skus) {
            return __awaiter(this, void 0, void 0, function () {
                var rows;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, this.db.query("WITH claimed AS (\n         UPDATE channel_dead_letters SET status = 'replaying'\n         WHERE channel = $1 AND status IN ('dead', 'replaying') AND ($2::varchar[] IS NULL OR sku = ANY($2))\n         RETURNING *)\n       SELECT * FROM claimed ORDER BY id", [channel, skus !== null && skus !== void 0 ? skus : null])];
                        case 1:
                            rows = _a.sent();
                            return [2 /*return*/, rows.map(toIndexed)];
                    }
                });
            });
        };
        DeadLetterStore_1.prototype.settleReplay = function (ids, status, version) {
            return __awaiter(this, void 0, void 0, function () {
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, this.db.query("UPDATE channel_dead_letters SET status = $2, replayed_at = now(), replayed_version = $3\n       WHERE id = ANY($1) AND status = 'replaying'", [ids, status, version])];
                        case 1:
                            _a.sent();
                            return [2 /*return*/];
                    }
                });
            });
        };
        /** Dead letters still waiting for a replay (`dead` or `replaying`), per channel; null = poison input. */
        DeadLetterStore_1.prototype.depths = function () {
            return __awaiter(this, void 0, void 0, function () {
                var rows;
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, this.db.query("SELECT channel, count(*)::int AS depth FROM channel_dead_letters\n        WHERE status IN ('dead', 'replaying') GROUP BY channel")];
                        case 1:
                            rows = _a.sent();
                            return [2 /*return*/, new Map(rows.map(function (r) { return [r.channel, r.depth]; }))];
                    }
                });
            });
        };
        /** The ledger's current state of these SKUs, per location (its projection; newer than any dead letter of them). */
        DeadLetterStore_1.prototype.stockStates = function (skus) {
            return __awaiter(this, void 0, void 0, function () {
                var _a;
                return __generator(this, function (_b) {
                    switch (_b.label) {
                        case 0:
                            _a = Map.bind;
                            return [4 /*yield*/, (0, persistence_1.locationLevelsOf)(this.db, skus)];
                        case 1: return [2 /*return*/, new (_a.apply(Map, [void 0, (_b.sent()).map(function (level) { return [level.sku, level]; })]))()];
                    }
                });
            });
        };
        return DeadLetterStore_1;
    }());
    __setFunctionName(_classThis, "DeadLetterStore");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        DeadLetterStore = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return DeadLetterStore = _classThis;
}();
exports.DeadLetterStore = DeadLetterStore;
function toIndexed(row) {
    return {
        id: Number(row.id),
        record: row.record,
        status: row.status,
        replayedAt: row.replayed_at ? new Date(row.replayed_at).toISOString() : null,
        replayedVersion: row.replayed_version === null ? null : Number(row.replayed_version),
        kafkaPartition: row.kafka_partition,
        kafkaOffset: String(row.kafka_offset),
    };
}
