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
exports.TEST_OPERATOR_TOKEN = exports.TEST_TOKENS = void 0;
exports.createTestStack = createTestStack;
var crypto_1 = require("crypto");
var contracts_1 = require("@stockflow/contracts");
var kafka_1 = require("@stockflow/kafka");
var persistence_1 = require("@stockflow/persistence");
var connections_1 = require("./connections");
exports.TEST_TOKENS = {
    pos: 'test-pos-token',
    web: 'test-web-token',
    amazon: 'test-amazon-token',
    shopify: 'test-shopify-token',
    '3pl': 'test-3pl-token',
};
/** The operator token every test stack configures (OPERATOR_TOKENS). */
exports.TEST_OPERATOR_TOKEN = 'test-operator-token';
function createTestStack(label) {
    return __awaiter(this, void 0, void 0, function () {
        var conn, id, topicPrefix, redisKeyPrefix, databaseUrl, kafka, topics, env;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, connections_1.connections)()];
                case 1:
                    conn = _a.sent();
                    id = (0, crypto_1.randomBytes)(4).toString('hex');
                    topicPrefix = "test.".concat(label, ".").concat(id, ".");
                    redisKeyPrefix = "test:".concat(label, ":").concat(id, ":");
                    return [4 /*yield*/, (0, connections_1.createTestDatabase)(conn.databaseAdminUrl, label)];
                case 2:
                    databaseUrl = _a.sent();
                    return [4 /*yield*/, (0, persistence_1.runMigrations)({ url: databaseUrl })];
                case 3:
                    _a.sent();
                    kafka = (0, kafka_1.createKafka)({ brokers: conn.kafkaBrokers, clientId: "test-".concat(label) });
                    topics = (0, contracts_1.topicNames)(topicPrefix);
                    return [4 /*yield*/, (0, kafka_1.ensureTopics)(kafka, (0, kafka_1.contractTopicConfigs)(topics))];
                case 4:
                    _a.sent();
                    env = {
                        DATABASE_URL: databaseUrl,
                        KAFKA_BROKERS: conn.kafkaBrokers,
                        KAFKA_TOPIC_PREFIX: topicPrefix,
                        REDIS_URL: conn.redisUrl,
                        REDIS_KEY_PREFIX: redisKeyPrefix,
                        CHANNEL_TOKENS: Object.entries(exports.TEST_TOKENS)
                            .map(function (_a) {
                            var channel = _a[0], token = _a[1];
                            return "".concat(channel, ":").concat(token);
                        })
                            .join(','),
                        OPERATOR_TOKENS: exports.TEST_OPERATOR_TOKEN,
                        LOG_LEVEL: 'warn',
                    };
                    return [2 /*return*/, {
                            env: env,
                            topics: topics,
                            kafka: kafka,
                            databaseUrl: databaseUrl,
                            redisUrl: conn.redisUrl,
                            redisKeyPrefix: redisKeyPrefix,
                            teardown: function () { return __awaiter(_this, void 0, void 0, function () {
                                var admin;
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0:
                                            admin = kafka.admin();
                                            return [4 /*yield*/, admin.connect()];
                                        case 1:
                                            _a.sent();
                                            return [4 /*yield*/, admin.deleteTopics({ topics: Object.values(topics) }).catch(function () { return undefined; })];
                                        case 2:
                                            _a.sent();
                                            return [4 /*yield*/, admin.disconnect()];
                                        case 3:
                                            _a.sent();
                                            return [4 /*yield*/, (0, connections_1.dropTestDatabase)(conn.databaseAdminUrl, databaseUrl)];
                                        case 4:
                                            _a.sent();
                                            return [2 /*return*/];
                                    }
                                });
                            }); },
                        }];
            }
        });
    });
}
