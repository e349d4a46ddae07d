"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.messageLinks = messageLinks;
exports.batchAttributes = batchAttributes;
exports.inBatchSpan = inBatchSpan;
var tracing_1 = require("@stockflow/tracing");
/** Links of one batch span: enough to find the traces it served, bounded for a batch of thousands. */
var MAX_LINKS = 128;
/** Span links to the traces the messages were produced in (those with a `traceparent` header). */
function messageLinks(messages) {
    var links = [];
    for (var _i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
        var message = messages_1[_i];
        if (links.length >= MAX_LINKS)
            break;
        var spanContext = (0, tracing_1.spanContextOf)((0, tracing_1.traceHeadersOf)(message.headers));
        if (spanContext)
            links.push({ context: spanContext });
    }
    return links;
}
function batchAttributes(topic, partition, messages) {
    return {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.batch.message_count': messages.length,
    };
}
/**
 * Runs the handling of one partition batch in a CONSUMER span linked to the
 * traces of its messages: a batch serves many requests, so it is the child of
 * none of them, and a link is how a trace viewer gets from a request to it.
 */
function inBatchSpan(name, topic, partition, messages, work) {
    if (!(0, tracing_1.tracingEnabled)())
        return work();
    return (0, tracing_1.inSpan)(name, {
        kind: tracing_1.SpanKind.CONSUMER,
        links: messageLinks(messages),
        attributes: batchAttributes(topic, partition, messages),
    }, work);
}
