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
exports.ledgerBacklogMetrics = ledgerBacklogMetrics;
var kafkajs_1 = require("kafkajs");
var typeorm_1 = require("typeorm");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var service_kit_1 = require("@stockflow/service-kit");
/**
 * The ledger's lag is measured against the offsets it stores in Postgres with
 * each batch: those are the ones it resumes from. Kafka's committed offsets for
 * its group only trail them as a hint (and an instance that crashed before its
 * next auto-commit would show a lag it does not have).
 */
function ledgerBacklogMetrics(config) {
    var _this = this;
    var group = config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID;
    return [
        {
            provide: service_kit_1.METRIC_REFRESHERS,
            inject: [kafkajs_1.Kafka, typeorm_1.DataSource, kafka_1.TOPICS],
            useFactory: function (kafka, db, topics) { return [
                new kafka_1.BacklogMetrics(kafka, {
                    lag: function (admin) { return __awaiter(_this, void 0, void 0, function () {
                        var _a, _b, _c;
                        return __generator(this, function (_d) {
                            switch (_d.label) {
                                case 0:
                                    _a = kafka_1.lagFromStoredOffsets;
                                    _b = [admin,
                                        group,
                                        topics.events];
                                    _c = nextOffsets;
                                    return [4 /*yield*/, (0, persistence_1.readStoredOffsets)(db, group, topics.events)];
                                case 1: return [2 /*return*/, _a.apply(void 0, _b.concat([_c.apply(void 0, [_d.sent()])]))];
                            }
                        });
                    }); },
                    dlqTopics: [topics.eventsDlq],
                }),
            ]; },
        },
        service_kit_1.MetricRefreshLoop,
    ];
}
/** partition -> next offset to read, from the rows the ledger stores with each batch. */
function nextOffsets(stored) {
    return new Map(__spreadArray([], stored, true).map(function (_a) {
        var partition = _a[0], offset = _a[1];
        return [partition, offset.nextOffset];
    }));
}
