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
exports.LedgerSchema1764000000000 = void 0;
/**
 * Ledger projections. Everything here is derived from the Kafka log and can be
 * rebuilt by replay; `consumer_offsets` is what makes the write path exactly-once
 * (offsets move in the same transaction as the projection rows).
 */
var LedgerSchema1764000000000 = /** @class */ (function () {
    function LedgerSchema1764000000000() {
        this.name = 'LedgerSchema1764000000000';
    }
    LedgerSchema1764000000000.prototype.up = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("\n      CREATE TABLE stock_levels (\n        sku        varchar(64) PRIMARY KEY,\n        on_hand    bigint      NOT NULL,\n        reserved   bigint      NOT NULL,\n        version    bigint      NOT NULL,\n        updated_at timestamptz NOT NULL DEFAULT now()\n      )")];
                    case 1:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE stock_locations (\n        sku         varchar(64)  NOT NULL,\n        location_id varchar(128) NOT NULL,\n        on_hand     bigint       NOT NULL,\n        PRIMARY KEY (sku, location_id)\n      )")];
                    case 2:
                        _a.sent();
                        // Open reservations only: rows whose `open` reached 0 are netted and are
                        // deleted by compaction in small batches (the journal keeps the history).
                        return [4 /*yield*/, q.query("\n      CREATE TABLE reservations (\n        reservation_id varchar(128) PRIMARY KEY,\n        sku            varchar(64)  NOT NULL,\n        order_id       varchar(128),\n        quantity       integer      NOT NULL,\n        open           integer      NOT NULL CHECK (open >= 0),\n        updated_at     timestamptz  NOT NULL DEFAULT now()\n      )")];
                    case 3:
                        // Open reservations only: rows whose `open` reached 0 are netted and are
                        // deleted by compaction in small batches (the journal keeps the history).
                        _a.sent();
                        return [4 /*yield*/, q.query("CREATE INDEX reservations_netted_idx ON reservations (updated_at) WHERE open = 0")];
                    case 4:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE journal (\n        event_id        uuid         PRIMARY KEY,\n        sku             varchar(64)  NOT NULL,\n        version         bigint       NOT NULL,\n        type            varchar(32)  NOT NULL,\n        channel         varchar(32)  NOT NULL,\n        occurred_at     timestamptz  NOT NULL,\n        on_hand_delta   bigint       NOT NULL,\n        reserved_delta  bigint       NOT NULL,\n        location_deltas jsonb        NOT NULL,\n        reservation_id  varchar(128),\n        went_negative   boolean      NOT NULL,\n        event           json         NOT NULL, -- json, not jsonb: stored as sent, no parse cost on the hot path\n        kafka_partition integer      NOT NULL,\n        kafka_offset    bigint       NOT NULL,\n        recorded_at     timestamptz  NOT NULL DEFAULT now(),\n        UNIQUE (sku, version)\n      )")];
                    case 5:
                        _a.sent();
                        return [4 /*yield*/, q.query("\n      CREATE TABLE consumer_offsets (\n        group_id    varchar(255) NOT NULL,\n        topic       varchar(255) NOT NULL,\n        partition   integer      NOT NULL,\n        next_offset bigint       NOT NULL,\n        updated_at  timestamptz  NOT NULL DEFAULT now(),\n        PRIMARY KEY (group_id, topic, partition)\n      )")];
                    case 6:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    LedgerSchema1764000000000.prototype.down = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            var _i, _a, table;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        _i = 0, _a = ['consumer_offsets', 'journal', 'reservations', 'stock_locations', 'stock_levels'];
                        _b.label = 1;
                    case 1:
                        if (!(_i < _a.length)) return [3 /*break*/, 4];
                        table = _a[_i];
                        return [4 /*yield*/, q.query("DROP TABLE IF EXISTS ".concat(table))];
                    case 2:
                        _b.sent();
                        _b.label = 3;
                    case 3:
                        _i++;
                        return [3 /*break*/, 1];
                    case 4: return [2 /*return*/];
                }
            });
        });
    };
    return LedgerSchema1764000000000;
}());
exports.LedgerSchema1764000000000 = LedgerSchema1764000000000;
