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
exports.startHttpService = startHttpService;
exports.runService = runService;
var common_1 = require("@nestjs/common");
var core_1 = require("@nestjs/core");
var platform_fastify_1 = require("@nestjs/platform-fastify");
var config_1 = require("@stockflow/config");
var tracing_1 = require("@stockflow/tracing");
var readiness_1 = require("../health/readiness");
var http_tracing_1 = require("./http-tracing");
var validation_pipe_1 = require("./validation-pipe");
var LEVELS = {
    debug: ['debug', 'log', 'warn', 'error', 'fatal'],
    info: ['log', 'warn', 'error', 'fatal'],
    warn: ['warn', 'error', 'fatal'],
    error: ['error', 'fatal'],
};
/**
 * Boots one service: Fastify, strict validation, health and metrics, graceful
 * shutdown on SIGTERM (every shutdown hook runs; a hard deadline stops a hook
 * that hangs, so Kubernetes never has to SIGKILL mid-write).
 */
function startHttpService(module, options) {
    return __awaiter(this, void 0, void 0, function () {
        var tracing, adapter, limits, app, _loop_1, _i, _a, signal;
        var _b, _c, _d, _e;
        return __generator(this, function (_f) {
            switch (_f.label) {
                case 0:
                    tracing = (0, tracing_1.startTracing)({ serviceName: "stockflow-".concat(options.name) });
                    adapter = new platform_fastify_1.FastifyAdapter({ bodyLimit: (_b = options.bodyLimit) !== null && _b !== void 0 ? _b : 1024 * 1024 });
                    (0, http_tracing_1.traceHttpRequests)(adapter.getInstance());
                    limits = (_c = options.routeBodyLimits) !== null && _c !== void 0 ? _c : {};
                    adapter.getInstance().addHook('onRoute', function (route) {
                        if (limits[route.url] !== undefined)
                            route.bodyLimit = limits[route.url];
                    });
                    return [4 /*yield*/, core_1.NestFactory.create(module, adapter, {
                            logger: (_d = LEVELS[options.config.LOG_LEVEL]) !== null && _d !== void 0 ? _d : LEVELS.info,
                        })];
                case 1:
                    app = _f.sent();
                    app.useGlobalPipes((0, validation_pipe_1.strictValidationPipe)());
                    if (tracing.enabled)
                        app.useGlobalInterceptors(new http_tracing_1.TraceInterceptor());
                    _loop_1 = function (signal) {
                        process.once(signal, function () { return void shutDown(app, options, signal, tracing); });
                    };
                    for (_i = 0, _a = ['SIGTERM', 'SIGINT']; _i < _a.length; _i++) {
                        signal = _a[_i];
                        _loop_1(signal);
                    }
                    return [4 /*yield*/, ((_e = options.beforeListen) === null || _e === void 0 ? void 0 : _e.call(options, adapter.getInstance(), app))];
                case 2:
                    _f.sent();
                    return [4 /*yield*/, app.listen(options.config.PORT, '0.0.0.0')];
                case 3:
                    _f.sent();
                    new common_1.Logger(options.name).log("listening on :".concat(options.config.PORT));
                    return [2 /*return*/, app];
            }
        });
    });
}
/**
 * app.close() runs every shutdown hook in order (consumers stop and finish their
 * batch in beforeApplicationShutdown, then producers and pools close); exit 0
 * means a clean stop. A hook that hangs past the deadline ends the process.
 */
function shutDown(app, options, signal, tracing) {
    return __awaiter(this, void 0, void 0, function () {
        var logger, deadline, error_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    logger = new common_1.Logger(options.name);
                    logger.log("".concat(signal, ": shutting down"));
                    app.get(readiness_1.Readiness, { strict: false }).markDraining(); // /health/ready answers 503 from now on
                    deadline = options.config.SHUTDOWN_TIMEOUT_SECONDS;
                    setTimeout(function () {
                        logger.error("shutdown took over ".concat(deadline, "s, exiting"));
                        process.exit(1);
                    }, deadline * 1000).unref();
                    _a.label = 1;
                case 1:
                    _a.trys.push([1, 4, , 5]);
                    return [4 /*yield*/, app.close()];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, tracing.shutdown()];
                case 3:
                    _a.sent(); // flush the last spans: they describe what the shutdown finished
                    process.exit(0);
                    return [3 /*break*/, 5];
                case 4:
                    error_1 = _a.sent();
                    logger.error("shutdown failed: ".concat(error_1.message));
                    process.exit(1);
                    return [3 /*break*/, 5];
                case 5: return [2 /*return*/];
            }
        });
    });
}
/** main.ts wrapper: a bad config prints which variable is wrong and exits without a stack trace. */
function runService(start) {
    start().catch(function (error) {
        if (error instanceof config_1.ConfigError) {
            console.error(error.message);
            process.exit(78); // EX_CONFIG: restarting will not help until the config is fixed
        }
        console.error(error);
        process.exit(1);
    });
}
