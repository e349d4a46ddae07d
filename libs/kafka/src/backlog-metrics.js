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
exports.BacklogMetrics = void 0;
exports.committedLag = committedLag;
var service_kit_1 = require("@stockflow/service-kit");
var consumer_lag_1 = require("./consumer-lag");
var consumerLag = (0, service_kit_1.gauge)({
    name: 'stockflow_consumer_lag',
    help: 'Messages between a consumer group position and the log end, per partition (refreshed every few seconds)',
    labelNames: ['group', 'topic', 'partition'],
});
var dlqDepth = (0, service_kit_1.gauge)({
    name: 'stockflow_dlq_depth',
    help: 'Messages retained in a dead-letter topic (log end minus earliest offset, all partitions); alert on its growth',
    labelNames: ['topic'],
});
/** Lag of groups that commit their offsets to Kafka. */
function committedLag(subscriptions) {
    var _this = this;
    return function (admin) { return __awaiter(_this, void 0, void 0, function () {
        var rows, _i, subscriptions_1, _a, group, topic, _b, _c, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    rows = [];
                    _i = 0, subscriptions_1 = subscriptions;
                    _e.label = 1;
                case 1:
                    if (!(_i < subscriptions_1.length)) return [3 /*break*/, 4];
                    _a = subscriptions_1[_i], group = _a.group, topic = _a.topic;
                    _c = (_b = rows.push).apply;
                    _d = [rows];
                    return [4 /*yield*/, (0, consumer_lag_1.readConsumerLag)(admin, [group], [topic])];
                case 2:
                    _c.apply(_b, _d.concat([(_e.sent())]));
                    _e.label = 3;
                case 3:
                    _i++;
                    return [3 /*break*/, 1];
                case 4: return [2 /*return*/, rows];
            }
        });
    }); };
}
/**
 * Refreshes stockflow_consumer_lag and stockflow_dlq_depth from one admin
 * client. The lag series are replaced as a whole on each refresh (reset, then
 * set, without an await between), so a partition that moved to another instance
 * disappears from this one instead of freezing at its last value.
 */
var BacklogMetrics = /** @class */ (function () {
    function BacklogMetrics(kafka, options) {
        this.kafka = kafka;
        this.options = options;
        this.name = 'kafka-backlog-metrics';
    }
    BacklogMetrics.prototype.refresh = function () {
        return __awaiter(this, void 0, void 0, function () {
            var admin, rows, _a, depths, _i, rows_1, r, _b, depths_1, _c, topic, depth, error_1;
            var _this = this;
            var _d;
            return __generator(this, function (_e) {
                switch (_e.label) {
                    case 0: return [4 /*yield*/, this.connected()];
                    case 1:
                        admin = _e.sent();
                        _e.label = 2;
                    case 2:
                        _e.trys.push([2, 7, , 9]);
                        if (!this.options.lag) return [3 /*break*/, 4];
                        return [4 /*yield*/, this.options.lag(admin)];
                    case 3:
                        _a = _e.sent();
                        return [3 /*break*/, 5];
                    case 4:
                        _a = [];
                        _e.label = 5;
                    case 5:
                        rows = _a;
                        return [4 /*yield*/, Promise.all(((_d = this.options.dlqTopics) !== null && _d !== void 0 ? _d : []).map(function (t) { return __awaiter(_this, void 0, void 0, function () { var _a; return __generator(this, function (_b) {
                                switch (_b.label) {
                                    case 0:
                                        _a = [t];
                                        return [4 /*yield*/, (0, consumer_lag_1.retainedMessages)(admin, t)];
                                    case 1: return [2 /*return*/, _a.concat([_b.sent()])];
                                }
                            }); }); }))];
                    case 6:
                        depths = _e.sent();
                        consumerLag.reset();
                        for (_i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
                            r = rows_1[_i];
                            consumerLag.set({ group: r.group, topic: r.topic, partition: String(r.partition) }, r.lag);
                        }
                        for (_b = 0, depths_1 = depths; _b < depths_1.length; _b++) {
                            _c = depths_1[_b], topic = _c[0], depth = _c[1];
                            dlqDepth.set({ topic: topic }, depth);
                        }
                        return [3 /*break*/, 9];
                    case 7:
                        error_1 = _e.sent();
                        // A broken connection is not reused: the next refresh connects afresh.
                        return [4 /*yield*/, this.close()];
                    case 8:
                        // A broken connection is not reused: the next refresh connects afresh.
                        _e.sent();
                        throw error_1;
                    case 9: return [2 /*return*/];
                }
            });
        });
    };
    BacklogMetrics.prototype.close = function () {
        return __awaiter(this, void 0, void 0, function () {
            var admin;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        admin = this.admin;
                        this.admin = undefined;
                        return [4 /*yield*/, (admin === null || admin === void 0 ? void 0 : admin.disconnect().catch(function () { return undefined; }))];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    BacklogMetrics.prototype.connected = function () {
        return __awaiter(this, void 0, void 0, function () {
            var admin;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (!!this.admin) return [3 /*break*/, 2];
                        admin = this.kafka.admin();
                        return [4 /*yield*/, admin.connect()];
                    case 1:
                        _a.sent();
                        this.admin = admin;
                        _a.label = 2;
                    case 2: return [2 /*return*/, this.admin];
                }
            });
        });
    };
    return BacklogMetrics;
}());
exports.BacklogMetrics = BacklogMetrics;
