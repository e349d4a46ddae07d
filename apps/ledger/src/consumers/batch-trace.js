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
Object.defineProperty(exports, "__esModule", { value: true });
exports.tracedBatch = tracedBatch;
var kafka_1 = require("@stockflow/kafka");
var tracing_1 = require("@stockflow/tracing");
/**
 * Traces one partition batch: a CONSUMER span for the batch, linked to the
 * traces of its messages (a batch serves many requests, so it can be the child
 * of none), and, per SKU the batch changed, a `ledger fold` span that continues
 * the trace of that SKU's last event in the batch. The stock-level message of
 * the SKU carries that span's traceparent, so the trace of an ingest request
 * runs on through channel-sync. Without tracing, `work` runs as it is.
 */
function tracedBatch(topic, partition, messages, work) {
    var _this = this;
    var _a;
    if (!(0, tracing_1.tracingEnabled)())
        return work(function (levels) { return levels; });
    var bySku = new Map();
    for (var _i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
        var message = messages_1[_i];
        var carrier = (0, tracing_1.traceHeadersOf)(message.headers);
        var key = (_a = message.key) === null || _a === void 0 ? void 0 : _a.toString();
        if (carrier && key)
            bySku.set(key, carrier); // the SKU's last traced event in the batch wins
    }
    var attributes = (0, kafka_1.batchAttributes)(topic, partition, messages);
    var links = (0, kafka_1.messageLinks)(messages);
    return (0, tracing_1.inSpan)('ledger apply batch', { kind: tracing_1.SpanKind.CONSUMER, links: links, attributes: attributes }, function (batch) { return __awaiter(_this, void 0, void 0, function () {
        var folds, stamp, error_1, _i, folds_1, span, _a, folds_2, span;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    folds = [];
                    stamp = function (levels) {
                        return levels.map(function (level) {
                            var _a, _b;
                            var sku = (_b = (_a = level.key) === null || _a === void 0 ? void 0 : _a.toString()) !== null && _b !== void 0 ? _b : '';
                            var carrier = bySku.get(sku);
                            if (!carrier)
                                return level;
                            var parent = (0, tracing_1.contextOf)(carrier);
                            var span = (0, tracing_1.openSpan)('ledger fold', {
                                parent: parent,
                                kind: tracing_1.SpanKind.CONSUMER,
                                links: [{ context: batch.spanContext() }],
                                attributes: __assign(__assign({}, attributes), { 'stockflow.sku': sku }),
                            });
                            folds.push(span);
                            return __assign(__assign({}, level), { headers: __assign(__assign({}, level.headers), (0, tracing_1.traceHeadersFor)((0, tracing_1.contextWithSpan)(span, parent))) });
                        });
                    };
                    _b.label = 1;
                case 1:
                    _b.trys.push([1, 3, 4, 5]);
                    return [4 /*yield*/, work(stamp)];
                case 2: return [2 /*return*/, _b.sent()];
                case 3:
                    error_1 = _b.sent();
                    for (_i = 0, folds_1 = folds; _i < folds_1.length; _i++) {
                        span = folds_1[_i];
                        (0, tracing_1.markFailed)(span, error_1);
                    }
                    throw error_1;
                case 4:
                    for (_a = 0, folds_2 = folds; _a < folds_2.length; _a++) {
                        span = folds_2[_a];
                        span.end();
                    }
                    return [7 /*endfinally*/];
                case 5: return [2 /*return*/];
            }
        });
    }); });
}
