"use strict";
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TraceInterceptor = void 0;
exports.traceHttpRequests = traceHttpRequests;
exports.requestTraceContext = requestTraceContext;
var common_1 = require("@nestjs/common");
var rxjs_1 = require("rxjs");
var tracing_1 = require("@stockflow/tracing");
/** The server span of each request in flight, keyed by the Node request (Nest and raw Fastify routes share it). */
var requestSpans = new WeakMap();
/**
 * One SERVER span per HTTP request, continuing the caller's `traceparent`.
 * The span is opened in onRequest and ended in onResponse; its context is not
 * carried by AsyncLocalStorage through Fastify's body parsing (stream callbacks
 * run in the socket's context), so handlers pick it up explicitly:
 * TraceInterceptor for Nest routes, requestTraceContext() for raw routes.
 * The name uses the route pattern (`POST /v1/events`), never the raw URL.
 */
function traceHttpRequests(fastify) {
    if (!(0, tracing_1.tracingEnabled)())
        return;
    var spans = new WeakMap();
    fastify.addHook('onRequest', function (request, _reply, done) {
        var _a, _b;
        var route = (_b = (_a = request.routeOptions) === null || _a === void 0 ? void 0 : _a.url) !== null && _b !== void 0 ? _b : 'unmatched';
        if (route.startsWith('/health') || route === '/metrics')
            return done();
        var parent = (0, tracing_1.contextOf)((0, tracing_1.traceHeadersOf)(request.headers));
        var span = (0, tracing_1.openSpan)("".concat(request.method, " ").concat(route), {
            parent: parent,
            kind: tracing_1.SpanKind.SERVER,
            attributes: { 'http.request.method': request.method, 'http.route': route },
        });
        spans.set(request.raw, span);
        requestSpans.set(request.raw, (0, tracing_1.contextWithSpan)(span, parent));
        done();
    });
    fastify.addHook('onResponse', function (request, reply, done) {
        var span = spans.get(request.raw);
        if (span) {
            span.setAttribute('http.response.status_code', reply.statusCode);
            if (reply.statusCode >= 500)
                (0, tracing_1.markFailed)(span, new Error("HTTP ".concat(reply.statusCode)));
            span.end();
        }
        done();
    });
}
/** The context of the request's server span (for raw routes that call further services). */
function requestTraceContext(request) {
    return requestSpans.get('raw' in request ? request.raw : request);
}
/** Runs each Nest handler inside its request's server span, so what it produces (Kafka messages) continues the trace. */
var TraceInterceptor = function () {
    var _classDecorators = [(0, common_1.Injectable)()];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var TraceInterceptor = _classThis = /** @class */ (function () {
        function TraceInterceptor_1() {
        }
        TraceInterceptor_1.prototype.intercept = function (execution, next) {
            var request = execution.switchToHttp().getRequest();
            var ctx = request && requestTraceContext(request);
            if (!ctx)
                return next.handle();
            return new rxjs_1.Observable(function (subscriber) {
                return (0, tracing_1.runInContext)(ctx, function () { return next.handle().subscribe(subscriber); });
            });
        };
        return TraceInterceptor_1;
    }());
    __setFunctionName(_classThis, "TraceInterceptor");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        TraceInterceptor = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return TraceInterceptor = _classThis;
}();
exports.TraceInterceptor = TraceInterceptor;
