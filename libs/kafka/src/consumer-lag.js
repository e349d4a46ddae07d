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
exports.partitionLag = partitionLag;
exports.readConsumerLag = readConsumerLag;
exports.lagFromStoredOffsets = lagFromStoredOffsets;
exports.retainedMessages = retainedMessages;
/**
 * Messages behind the log end. A partition the group has never committed on
 * counts every message still in the log (high - low), because that is what the
 * group will read when it starts; an offset below the earliest retained one
 * (retention deleted what the group had not read) counts from the earliest.
 */
function partitionLag(committedOffset, bounds) {
    var from = committedOffset < 0 ? bounds.low : Math.max(committedOffset, bounds.low);
    return Math.max(0, bounds.high - from);
}
/**
 * Lag of every group on every partition it reads, from Kafka's committed offsets
 * (admin fetchOffsets) and the topics' watermarks (admin fetchTopicOffsets).
 * `topics`, when given, are the topics the groups subscribe to: a group that has
 * committed nothing yet still shows its whole backlog. Without it a group is
 * read on the topics it has committed offsets for.
 */
function readConsumerLag(admin, groupIds, topics) {
    return __awaiter(this, void 0, void 0, function () {
        var bounds, boundsOf, rows, _i, groupIds_1, group, committed, _a, committed_1, _b, topic, partitions, watermarks, _c, partitions_1, _d, partition, offset, partitionBounds, committedOffset;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    bounds = new Map();
                    boundsOf = function (topic) {
                        var found = bounds.get(topic);
                        if (!found) {
                            found = admin
                                .fetchTopicOffsets(topic)
                                .then(function (partitions) {
                                return new Map(partitions.map(function (p) { return [p.partition, { low: Number(p.low), high: Number(p.high) }]; }));
                            });
                            bounds.set(topic, found);
                        }
                        return found;
                    };
                    rows = [];
                    _i = 0, groupIds_1 = groupIds;
                    _e.label = 1;
                case 1:
                    if (!(_i < groupIds_1.length)) return [3 /*break*/, 7];
                    group = groupIds_1[_i];
                    return [4 /*yield*/, admin.fetchOffsets(topics ? { groupId: group, topics: topics } : { groupId: group })];
                case 2:
                    committed = _e.sent();
                    _a = 0, committed_1 = committed;
                    _e.label = 3;
                case 3:
                    if (!(_a < committed_1.length)) return [3 /*break*/, 6];
                    _b = committed_1[_a], topic = _b.topic, partitions = _b.partitions;
                    return [4 /*yield*/, boundsOf(topic)];
                case 4:
                    watermarks = _e.sent();
                    for (_c = 0, partitions_1 = partitions; _c < partitions_1.length; _c++) {
                        _d = partitions_1[_c], partition = _d.partition, offset = _d.offset;
                        partitionBounds = watermarks.get(partition);
                        if (!partitionBounds)
                            continue; // partition deleted since the commit
                        committedOffset = Number(offset);
                        rows.push({
                            group: group,
                            topic: topic,
                            partition: partition,
                            committedOffset: committedOffset,
                            logEndOffset: partitionBounds.high,
                            lag: partitionLag(committedOffset, partitionBounds),
                        });
                    }
                    _e.label = 5;
                case 5:
                    _a++;
                    return [3 /*break*/, 3];
                case 6:
                    _i++;
                    return [3 /*break*/, 1];
                case 7: return [2 /*return*/, rows.sort(function (a, b) {
                        return a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic) || a.partition - b.partition;
                    })];
            }
        });
    });
}
/**
 * Lag of a group whose offsets are kept outside Kafka (the ledger stores them
 * in Postgres, in the transaction of each batch): `stored` maps partition to the
 * next offset to read. Every partition of the topic gets a row; one with no
 * stored offset counts its whole retained log.
 */
function lagFromStoredOffsets(admin, group, topic, stored) {
    return __awaiter(this, void 0, void 0, function () {
        var watermarks;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, topicBounds(admin, topic)];
                case 1:
                    watermarks = _a.sent();
                    return [2 /*return*/, __spreadArray([], watermarks.entries(), true).sort(function (_a, _b) {
                            var a = _a[0];
                            var b = _b[0];
                            return a - b;
                        })
                            .map(function (_a) {
                            var partition = _a[0], partitionBounds = _a[1];
                            var offset = stored.get(partition);
                            var committedOffset = offset === undefined ? -1 : Number(offset);
                            return {
                                group: group,
                                topic: topic,
                                partition: partition,
                                committedOffset: committedOffset,
                                logEndOffset: partitionBounds.high,
                                lag: partitionLag(committedOffset, partitionBounds),
                            };
                        })];
            }
        });
    });
}
function topicBounds(admin, topic) {
    return __awaiter(this, void 0, void 0, function () {
        var partitions;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, admin.fetchTopicOffsets(topic)];
                case 1:
                    partitions = _a.sent();
                    return [2 /*return*/, new Map(partitions.map(function (p) { return [p.partition, { low: Number(p.low), high: Number(p.high) }]; }))];
            }
        });
    });
}
/** Messages retained in a topic (log end minus earliest, summed over partitions): a dead-letter topic's depth. */
function retainedMessages(admin, topic) {
    return __awaiter(this, void 0, void 0, function () {
        var total, _i, _a, _b, low, high;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0:
                    total = 0;
                    _i = 0;
                    return [4 /*yield*/, topicBounds(admin, topic)];
                case 1:
                    _a = (_c.sent()).values();
                    _c.label = 2;
                case 2:
                    if (!(_i < _a.length)) return [3 /*break*/, 4];
                    _b = _a[_i], low = _b.low, high = _b.high;
                    total += high - low;
                    _c.label = 3;
                case 3:
                    _i++;
                    return [3 /*break*/, 2];
                case 4: return [2 /*return*/, total];
            }
        });
    });
}
