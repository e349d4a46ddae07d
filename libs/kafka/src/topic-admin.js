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
exports.EVENT_PARTITIONS = void 0;
exports.contractTopicConfigs = contractTopicConfigs;
exports.ensureTopics = ensureTopics;
/** Partitions of the event log: the unit of ordering (per SKU) and of consumer scale-out. */
exports.EVENT_PARTITIONS = 6;
function contractTopicConfigs(topics) {
    return [
        { topic: topics.events, numPartitions: exports.EVENT_PARTITIONS, replicationFactor: 1 },
        { topic: topics.eventsDlq, numPartitions: 3, replicationFactor: 1 },
        {
            topic: topics.stockLevels,
            numPartitions: exports.EVENT_PARTITIONS,
            replicationFactor: 1,
            // Compacted: a late consumer reads the newest state of every SKU, not the whole history.
            configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
        },
        { topic: topics.channelSyncDlq, numPartitions: 3, replicationFactor: 1 },
        // One partition: pool changes are rare and every reader must fold them in the same order.
        // Not compacted: replay and history need every definition, not only the last.
        { topic: topics.pools, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] },
        {
            topic: topics.channelAvailability,
            numPartitions: exports.EVENT_PARTITIONS,
            replicationFactor: 1,
            configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
        },
        // Answers to writers that wait: useful for seconds, kept for an hour.
        { topic: topics.eventResults, numPartitions: exports.EVENT_PARTITIONS, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] },
    ];
}
/** Creates the topics that are missing; existing ones are left as they are. Idempotent. */
function ensureTopics(kafka, configs) {
    return __awaiter(this, void 0, void 0, function () {
        var admin, existing_1, _a, missing;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    admin = kafka.admin();
                    return [4 /*yield*/, admin.connect()];
                case 1:
                    _b.sent();
                    _b.label = 2;
                case 2:
                    _b.trys.push([2, , 6, 8]);
                    _a = Set.bind;
                    return [4 /*yield*/, admin.listTopics()];
                case 3:
                    existing_1 = new (_a.apply(Set, [void 0, _b.sent()]))();
                    missing = configs.filter(function (c) { return !existing_1.has(c.topic); });
                    if (!(missing.length > 0)) return [3 /*break*/, 5];
                    return [4 /*yield*/, admin.createTopics({ topics: missing, waitForLeaders: true })];
                case 4:
                    _b.sent();
                    _b.label = 5;
                case 5: return [3 /*break*/, 8];
                case 6: return [4 /*yield*/, admin.disconnect()];
                case 7:
                    _b.sent();
                    return [7 /*endfinally*/];
                case 8: return [2 /*return*/];
            }
        });
    });
}
