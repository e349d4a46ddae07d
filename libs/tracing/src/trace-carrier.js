"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.currentTraceHeaders = currentTraceHeaders;
exports.traceHeadersFor = traceHeadersFor;
exports.traceHeadersOf = traceHeadersOf;
exports.contextOf = contextOf;
exports.spanContextOf = spanContextOf;
var api_1 = require("@opentelemetry/api");
var tracing_setup_1 = require("./tracing-setup");
var TRACE_HEADERS = ['traceparent', 'tracestate'];
/**
 * The active span's context as headers to send along (HTTP or Kafka), or
 * undefined when tracing is off or no span is active: a message then carries
 * no header at all rather than an empty one.
 */
function currentTraceHeaders() {
    return traceHeadersFor(api_1.context.active());
}
/** The headers that continue `ctx`'s span elsewhere; undefined when tracing is off or it holds no span. */
function traceHeadersFor(ctx) {
    var _a;
    if (!(0, tracing_setup_1.tracingEnabled)() || !((_a = api_1.trace.getSpan(ctx)) === null || _a === void 0 ? void 0 : _a.isRecording()))
        return undefined;
    var carrier = {};
    api_1.propagation.inject(ctx, carrier);
    return carrier.traceparent ? carrier : undefined;
}
/**
 * The trace headers of a received message. kafkajs hands header values as
 * Buffers (or arrays of them when a header repeats: the first one counts).
 */
function traceHeadersOf(headers) {
    if (!headers)
        return undefined;
    var carrier;
    for (var _i = 0, TRACE_HEADERS_1 = TRACE_HEADERS; _i < TRACE_HEADERS_1.length; _i++) {
        var name_1 = TRACE_HEADERS_1[_i];
        var raw = headers[name_1];
        var first = Array.isArray(raw) ? raw[0] : raw;
        if (first === undefined || first === null)
            continue;
        (carrier !== null && carrier !== void 0 ? carrier : (carrier = {}))[name_1] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
    }
    return (carrier === null || carrier === void 0 ? void 0 : carrier.traceparent) ? carrier : undefined;
}
/** The context a received message continues (the root context when it carries none). */
function contextOf(carrier) {
    return carrier ? api_1.propagation.extract(api_1.ROOT_CONTEXT, carrier) : api_1.ROOT_CONTEXT;
}
/** The remote span a message was sent from, for a span link; undefined when it carries none. */
function spanContextOf(carrier) {
    if (!carrier)
        return undefined;
    var spanContext = api_1.trace.getSpanContext(contextOf(carrier));
    return spanContext && api_1.trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}
