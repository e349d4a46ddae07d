import {
  Attributes,
  Context,
  Link,
  Span,
  SpanKind,
  SpanStatusCode,
  context,
  trace,
} from '@opentelemetry/api';

export { SpanKind };
export type { Context, Link, Span };

export interface SpanOptions {
  /** The context to continue (e.g. from a message's headers); the active one by default. */
  parent?: Context;
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
}

const tracer = () => trace.getTracer('stockflow');

/**
 * Runs `work` in a new span that is active for everything it awaits; the span
 * ends when `work` settles and records the error when it throws (which is then
 * rethrown: tracing never changes what the caller sees).
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = openSpan(name, { ...options, parent });
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** A span started now and ended by the caller (one that outlives the code block that starts it). */
export function openSpan(name: string, options: SpanOptions): Span {
  return tracer().startSpan(
    name,
    { kind: options.kind, attributes: options.attributes, links: options.links },
    options.parent ?? context.active(),
  );
}

/** Runs `fn` with `span` as the active span (so what it produces carries that span's context). */
export function withActiveSpan<T>(span: Span, fn: () => T): T {
  return context.with(trace.setSpan(context.active(), span), fn);
}

/** A context whose active span is `span` (on top of `parent`, the active context by default), to run later work in. */
export function contextWithSpan(span: Span, parent: Context = context.active()): Context {
  return trace.setSpan(parent, span);
}

export function runInContext<T>(ctx: Context, fn: () => T): T {
  return context.with(ctx, fn);
}

export function markFailed(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: (error as Error)?.message ?? String(error),
  });
}
