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
exports.readTopic = readTopic;
var crypto_1 = require("crypto");
var wait_for_1 = require("./wait-for");
/** Reads a topic from the beginning until `count` messages arrived (or times out). */
function readTopic(kafka_1, topic_1, count_1) {
    return __awaiter(this, arguments, void 0, function (kafka, topic, count, timeoutMs) {
        var consumer, messages;
        var _this = this;
        if (timeoutMs === void 0) { timeoutMs = 30000; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    consumer = kafka.consumer({ groupId: "test-reader-".concat((0, crypto_1.randomBytes)(4).toString('hex')), maxWaitTimeInMs: 100 });
                    messages = [];
                    return [4 /*yield*/, consumer.connect()];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 6, 8]);
                    return [4 /*yield*/, consumer.subscribe({ topic: topic, fromBeginning: true })];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, consumer.run({ eachMessage: function (_a) { return __awaiter(_this, [_a], void 0, function (_b) {
                                var message = _b.message;
                                return __generator(this, function (_c) {
                                    return [2 /*return*/, void messages.push(message)];
                                });
                            }); } })];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, (0, wait_for_1.waitFor)(function () { return messages.length >= count; }, { timeoutMs: timeoutMs, what: "".concat(count, " messages on ").concat(topic, " (got ").concat(messages.length, ")") })];
                case 5:
                    _a.sent();
                    return [2 /*return*/, messages];
                case 6: return [4 /*yield*/, consumer.disconnect()];
                case 7:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 8: return [2 /*return*/];
            }
        });
    });
}
