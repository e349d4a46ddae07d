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
exports.tracingEnabled = tracingEnabled;
exports.startTracing = startTracing;
var exporter_trace_otlp_http_1 = require("@opentelemetry/exporter-trace-otlp-http");
var resources_1 = require("@opentelemetry/resources");
var sdk_trace_base_1 = require("@opentelemetry/sdk-trace-base");
var sdk_trace_node_1 = require("@opentelemetry/sdk-trace-node");
var active = false;
/** Whether a tracer provider runs in this process; callers skip building carriers when not. */
function tracingEnabled() {
    return active;
}
/**
 * Starts the process's tracer provider when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (or an exporter is passed) and does nothing otherwise: the OpenTelemetry API
 * then hands out no-op spans, so the instrumented code costs next to nothing.
 * register() installs the W3C trace-context propagator (`traceparent`) and an
 * AsyncLocalStorage context manager, so a span started in an HTTP handler is
 * the active one for everything that request awaits (the Kafka produce too).
 * The exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
 */
function startTracing(options) {
    var _this = this;
    var _a;
    var env = (_a = options.env) !== null && _a !== void 0 ? _a : process.env;
    var endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
    if (!options.exporter && !endpoint)
        return { enabled: false, shutdown: function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                return [2 /*return*/, undefined];
            }); }); } };
    if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
        throw new Error("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// URL, got ".concat(JSON.stringify(endpoint)));
    }
    var processor = options.exporter
        ? new sdk_trace_base_1.SimpleSpanProcessor(options.exporter)
        : new sdk_trace_base_1.BatchSpanProcessor(new exporter_trace_otlp_http_1.OTLPTraceExporter({ url: "".concat(endpoint.replace(/\/+$/, ''), "/v1/traces") }));
    var provider = new sdk_trace_node_1.NodeTracerProvider({
        resource: (0, resources_1.resourceFromAttributes)({
            'service.name': env.OTEL_SERVICE_NAME || options.serviceName,
        }),
        spanProcessors: [processor],
    });
    provider.register();
    active = true;
    return {
        enabled: true,
        shutdown: function () { return __awaiter(_this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        active = false;
                        return [4 /*yield*/, provider.shutdown()];
                    case 1:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        }); },
    };
}
