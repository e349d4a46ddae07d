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
exports.connections = connections;
exports.createTestDatabase = createTestDatabase;
exports.dropTestDatabase = dropTestDatabase;
var fs_1 = require("fs");
var crypto_1 = require("crypto");
var pg_1 = require("pg");
var cached;
function connections() {
    cached !== null && cached !== void 0 ? cached : (cached = resolveConnections());
    return cached;
}
function resolveConnections() {
    return __awaiter(this, void 0, void 0, function () {
        var fromEnv, configured;
        var _a, _b, _c, _d;
        return __generator(this, function (_e) {
            fromEnv = {
                databaseAdminUrl: (_a = process.env.TEST_DATABASE_URL) !== null && _a !== void 0 ? _a : process.env.DATABASE_URL,
                kafkaBrokers: process.env.KAFKA_BROKERS,
                redisUrl: process.env.REDIS_URL,
            };
            configured = fromEnv.databaseAdminUrl || fromEnv.kafkaBrokers || fromEnv.redisUrl;
            if (!configured && dockerAnswers())
                return [2 /*return*/, startContainers()];
            return [2 /*return*/, {
                    databaseAdminUrl: (_b = fromEnv.databaseAdminUrl) !== null && _b !== void 0 ? _b : 'postgres://postgres@127.0.0.1:5432/postgres',
                    kafkaBrokers: (_c = fromEnv.kafkaBrokers) !== null && _c !== void 0 ? _c : '127.0.0.1:9092',
                    redisUrl: (_d = fromEnv.redisUrl) !== null && _d !== void 0 ? _d : 'redis://127.0.0.1:6379/0',
                }];
        });
    });
}
function dockerAnswers() {
    return !!process.env.DOCKER_HOST || (0, fs_1.existsSync)('/var/run/docker.sock');
}
function startContainers() {
    return __awaiter(this, void 0, void 0, function () {
        var _a, GenericContainer, Wait, _b, postgres, redis, kafka;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, Promise.resolve().then(function () { return require('testcontainers'); })];
                case 1:
                    _a = _c.sent(), GenericContainer = _a.GenericContainer, Wait = _a.Wait;
                    return [4 /*yield*/, Promise.all([
                            new GenericContainer('postgres:15')
                                .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
                                .withExposedPorts(5432)
                                .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
                                .start(),
                            new GenericContainer('redis:7').withExposedPorts(6379).start(),
                            new GenericContainer('apache/kafka:4.1.2')
                                .withExposedPorts({ container: 9092, host: 19092 })
                                .withEnvironment({
                                KAFKA_NODE_ID: '1',
                                KAFKA_PROCESS_ROLES: 'broker,controller',
                                KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
                                // Fixed host port: Kafka must advertise the address clients reach it on.
                                KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
                                KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
                                KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
                                KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
                                KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
                            })
                                .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
                                .start(),
                        ])];
                case 2:
                    _b = _c.sent(), postgres = _b[0], redis = _b[1], kafka = _b[2];
                    return [2 /*return*/, {
                            databaseAdminUrl: "postgres://postgres@".concat(postgres.getHost(), ":").concat(postgres.getMappedPort(5432), "/postgres"),
                            kafkaBrokers: "".concat(kafka.getHost(), ":19092"),
                            redisUrl: "redis://".concat(redis.getHost(), ":").concat(redis.getMappedPort(6379), "/0"),
                        }];
            }
        });
    });
}
/** A database of its own for one test file, so suites never see each other's rows. */
function createTestDatabase(adminUrl, label) {
    return __awaiter(this, void 0, void 0, function () {
        var name, admin, url;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    name = "sf_test_".concat(label.replace(/[^a-z0-9_]/gi, '_').toLowerCase(), "_").concat((0, crypto_1.randomBytes)(3).toString('hex'));
                    admin = new pg_1.Client({ connectionString: adminUrl });
                    return [4 /*yield*/, admin.connect()];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 4, 6]);
                    return [4 /*yield*/, admin.query("CREATE DATABASE \"".concat(name, "\""))];
                case 3:
                    _a.sent();
                    return [3 /*break*/, 6];
                case 4: return [4 /*yield*/, admin.end()];
                case 5:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 6:
                    url = new URL(adminUrl);
                    url.pathname = "/".concat(name);
                    return [2 /*return*/, url.toString()];
            }
        });
    });
}
function dropTestDatabase(adminUrl, databaseUrl) {
    return __awaiter(this, void 0, void 0, function () {
        var name, admin;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
                    admin = new pg_1.Client({ connectionString: adminUrl });
                    return [4 /*yield*/, admin.connect()];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, , 4, 6]);
                    return [4 /*yield*/, admin.query("DROP DATABASE IF EXISTS \"".concat(name, "\" WITH (FORCE)"))];
                case 3:
                    _a.sent();
                    return [3 /*break*/, 6];
                case 4: return [4 /*yield*/, admin.end()];
                case 5:
                    _a.sent();
                    return [7 /*endfinally*/];
                case 6: return [2 /*return*/];
            }
        });
    });
}
