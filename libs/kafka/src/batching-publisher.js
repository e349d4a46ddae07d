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
exports.BatchingPublisher = void 0;
var kafkajs_1 = require("kafkajs");
var service_kit_1 = require("@stockflow/service-kit");
var tracing_1 = require("@stockflow/tracing");
/**
 * Idempotent producer (acks=all) that coalesces concurrent `publish` calls.
 * An idempotent kafkajs producer allows one request in flight per broker, so
 * sending each HTTP request's messages separately would queue them behind one
 * another; instead, whatever arrives while a send is in flight goes out together
 * in the next one. A caller's promise resolves only once the broker has
 * acknowledged its messages, so a 202 always means "durably in the log".
 */
var BatchingPublisher = /** @class */ (function () {
    function BatchingPublisher(kafka) {
        var _this = this;
        /** One send in flight (the idempotent producer allows no more); no cap on what joins the next. */
        this.sends = new service_kit_1.Coalescer(function (batch) { return __awaiter(_this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.producer.sendBatch({ acks: -1, compression: kafkajs_1.CompressionTypes.None, topicMessages: groupByTopic(batch) })];
                    case 1:
                        _a.sent();
                        return [2 /*return*/, batch.map(function () { return undefined; })];
                }
            });
        }); }, 1, Number.POSITIVE_INFINITY);
        this.producer = kafka.producer({
            idempotent: true,
            maxInFlightRequests: 1,
            allowAutoTopicCreation: false,
            createPartitioner: kafkajs_1.Partitioners.DefaultPartitioner, // murmur2, same key->partition as Java clients
        });
    }
    BatchingPublisher.prototype.connect = function () {
        return this.producer.connect();
    };
    BatchingPublisher.prototype.disconnect = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.producer.disconnect()];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    /**
     * Messages published inside a span carry its `traceparent` (unless they set
     * their own), so the consumer continues the producer's trace. Read here, at
     * submit time: by the time the coalesced send runs, the caller's context is gone.
     */
    BatchingPublisher.prototype.publish = function (topic, messages) {
        if (messages.length === 0)
            return Promise.resolve();
        var trace = (0, tracing_1.currentTraceHeaders)();
        var traced = trace ? messages.map(function (m) { var _a; return (((_a = m.headers) === null || _a === void 0 ? void 0 : _a.traceparent) ? m : __assign(__assign({}, m), { headers: __assign(__assign({}, m.headers), trace) })); }) : messages;
        return this.sends.submit({ topic: topic, messages: traced });
    };
    return BatchingPublisher;
}());
exports.BatchingPublisher = BatchingPublisher;
function groupByTopic(batch) {
    var _a;
    var byTopic = new Map();
    for (var _i = 0, batch_1 = batch; _i < batch_1.length; _i++) {
        var p = batch_1[_i];
        var list = (_a = byTopic.get(p.topic)) !== null && _a !== void 0 ? _a : [];
        list.push.apply(list, p.messages);
        byTopic.set(p.topic, list);
    }
    return __spreadArray([], byTopic, true).map(function (_a) {
        var topic = _a[0], messages = _a[1];
        return ({ topic: topic, messages: messages });
    });
}
