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
exports.ChannelDeadLetters1767000000000 = void 0;
/**
 * Index of channel-sync.dlq, so operators can list and replay a channel's dead
 * letters without scanning the topic. Kafka stays the record (this table is
 * rebuilt by reading the topic from the start); `status` is the only state of
 * its own: where a replay of the row stands.
 */
var ChannelDeadLetters1767000000000 = /** @class */ (function () {
    function ChannelDeadLetters1767000000000() {
        this.name = 'ChannelDeadLetters1767000000000';
    }
    ChannelDeadLetters1767000000000.prototype.up = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("\n      CREATE TABLE channel_dead_letters (\n        id               bigserial    PRIMARY KEY,\n        channel          varchar(64),\n        sku              varchar(64),\n        code             varchar(64)  NOT NULL,\n        reason           text         NOT NULL,\n        attempts         integer      NOT NULL,\n        failed_at        timestamptz  NOT NULL,\n        record           jsonb        NOT NULL,\n        kafka_partition  integer      NOT NULL,\n        kafka_offset     bigint       NOT NULL,\n        status           varchar(16)  NOT NULL DEFAULT 'dead'\n                         CHECK (status IN ('dead', 'replaying', 'replayed', 'replay_failed')),\n        replayed_at      timestamptz,\n        replayed_version bigint,\n        UNIQUE (kafka_partition, kafka_offset)\n      )")];
                    case 1:
                        _a.sent();
                        // channel IS NULL: poison messages of the input topic (listed as channel `_input`).
                        return [4 /*yield*/, q.query("CREATE INDEX channel_dead_letters_channel_idx ON channel_dead_letters (channel, status, id)")];
                    case 2:
                        // channel IS NULL: poison messages of the input topic (listed as channel `_input`).
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    ChannelDeadLetters1767000000000.prototype.down = function (q) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, q.query("DROP TABLE IF EXISTS channel_dead_letters")];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    return ChannelDeadLetters1767000000000;
}());
exports.ChannelDeadLetters1767000000000 = ChannelDeadLetters1767000000000;
