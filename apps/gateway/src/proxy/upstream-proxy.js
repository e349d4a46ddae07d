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
exports.registerUpstreams = registerUpstreams;
var reply_from_1 = require("@fastify/reply-from");
var service_kit_1 = require("@stockflow/service-kit");
var tracing_1 = require("@stockflow/tracing");
/**
 * The gateway is the one public port: it serves events and stock itself and
 * forwards orders, carts and channel operations to the services that own them.
 * Each upstream checks the token itself, so the proxy stays dumb: request and
 * response bodies stream through untouched (no parse, no re-serialise) and
 * headers pass both ways. Keep-alive pools keep the extra hop well under a
 * millisecond.
 */
function registerUpstreams(fastify, upstreams, options) {
    var _this = this;
    var _loop_1 = function (upstream) {
        // One encapsulated scope per upstream: its own reply-from base and pool, and
        // body parsers that hand the raw request stream on instead of parsing JSON.
        void fastify.register(function (scope) { return __awaiter(_this, void 0, void 0, function () {
            var handler, _i, _a, prefix;
            return __generator(this, function (_b) {
                switch (_b.label) {
                    case 0:
                        scope.removeAllContentTypeParsers();
                        scope.addContentTypeParser('*', function (_request, payload, done) { return done(null, payload); });
                        return [4 /*yield*/, scope.register(reply_from_1.default, {
                                base: upstream.url,
                                undici: {
                                    connections: 64,
                                    pipelining: 1,
                                    headersTimeout: options.timeoutMs,
                                    bodyTimeout: options.timeoutMs,
                                },
                            })];
                    case 1:
                        _b.sent();
                        handler = function (request, reply) {
                            return reply.from(request.url, {
                                rewriteRequestHeaders: function (_request, headers) { return withoutEmptyBodyType(headers); },
                                // A retried POST could place an order twice; a 503 is the upstream's answer to pass on.
                                retryDelay: function () { return null; },
                                onError: function (failed, _a) {
                                    var error = _a.error;
                                    return sendUpstreamError(failed, upstream.name, error);
                                },
                            });
                        };
                        for (_i = 0, _a = upstream.prefixes; _i < _a.length; _i++) {
                            prefix = _a[_i];
                            scope.all(prefix, handler);
                            scope.all("".concat(prefix, "/*"), handler);
                        }
                        return [2 /*return*/];
                }
            });
        }); });
    };
    for (var _i = 0, upstreams_1 = upstreams; _i < upstreams_1.length; _i++) {
        var upstream = upstreams_1[_i];
        _loop_1(upstream);
    }
}
function forward(pool, request, reply) {
    return __awaiter(this, void 0, void 0, function () {
        var headers, _i, FORWARDED_HEADERS_1, name_1, value, ctx, hasBody, response, contentType, retryAfter, _a, _b, _c, _d, error_1;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0:
                    headers = {};
                    for (_i = 0, FORWARDED_HEADERS_1 = FORWARDED_HEADERS; _i < FORWARDED_HEADERS_1.length; _i++) {
                        name_1 = FORWARDED_HEADERS_1[_i];
                        value = request.headers[name_1];
                        if (typeof value === 'string')
                            headers[name_1] = value;
                    }
                    ctx = (0, service_kit_1.requestTraceContext)(request);
                    if (ctx)
                        Object.assign(headers, (0, tracing_1.traceHeadersFor)(ctx));
                    hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
                    if (hasBody)
                        headers['content-type'] = 'application/json';
                    _e.label = 1;
                case 1:
                    _e.trys.push([1, 4, , 5]);
                    return [4 /*yield*/, pool.request({
                            path: request.url,
                            method: request.method,
                            headers: headers,
                            body: hasBody ? JSON.stringify(request.body) : undefined,
                        })];
                case 2:
                    response = _e.sent();
                    contentType = response.headers['content-type'];
                    if (typeof contentType === 'string')
                        reply.header('content-type', contentType);
                    retryAfter = response.headers['retry-after'];
                    if (typeof retryAfter === 'string')
                        reply.header('retry-after', retryAfter);
                    _b = (_a = reply.status(response.statusCode)).send;
                    _d = (_c = Buffer).from;
                    return [4 /*yield*/, response.body.arrayBuffer()];
                case 3:
                    _b.apply(_a, [_d.apply(_c, [_e.sent()])]);
                    return [3 /*break*/, 5];
                case 4:
                    error_1 = _e.sent();
                    reply.status(502).send({ statusCode: 502, error: 'Bad Gateway', message: "upstream unavailable: ".concat(error_1.message) });
                    return [3 /*break*/, 5];
                case 5: return [2 /*return*/];
            }
        });
    });
}
