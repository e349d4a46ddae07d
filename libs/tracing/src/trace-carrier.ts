import {
  Context,
  ROOT_CONTEXT,
  SpanContext,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import { tracingEnabled } from './tracing-setup';

/** The W3C trace-context headers of one message (`traceparent`, maybe `tracestate`), as strings. */
export type TraceCarrier = Record<string, string>;

const TRACE_HEADERS = ['traceparent', 'tracestate'];

/**
 * The active span's context as headers to send along (HTTP or Kafka), or
 * undefined when tracing is off or no span is active: a message then carries
 * no header at all rather than an empty one.
 */
export function currentTraceHeaders(): TraceCarrier | undefined {
  return traceHeadersFor(context.active());
}

/** The headers that continue `ctx`'s span elsewhere; undefined when tracing is off or it holds no span. */
export function traceHeadersFor(ctx: Context): TraceCarrier | undefined {
  if (!tracingEnabled() || !trace.getSpan(ctx)?.isRecording()) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ? carrier : undefined;
}

/**
 * The trace headers of a received message. kafkajs hands header values as
 * Buffers (or arrays of them when a header repeats: the first one counts).
 */
export function traceHeadersOf(
  headers: Record<string, unknown> | undefined,
): TraceCarrier | undefined {
  if (!headers) return undefined;
  let carrier: TraceCarrier | undefined;
  for (const name of TRACE_HEADERS) {
    const raw = headers[name];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first === undefined || first === null) continue;
    (carrier ??= {})[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return carrier?.traceparent ? carrier : undefined;
}

/** The context a received message continues (the root context when it carries none). */
export function contextOf(carrier: TraceCarrier | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

/** The remote span a message was sent from, for a span link; undefined when it carries none. */
export function spanContextOf(carrier: TraceCarrier | undefined): SpanContext | undefined {
  if (!carrier) return undefined;
  const spanContext = trace.getSpanContext(contextOf(carrier));
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}
