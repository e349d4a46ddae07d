import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { IncomingMessage } from 'http';
import { Observable } from 'rxjs';
import {
  Context,
  Span,
  SpanKind,
  contextOf,
  contextWithSpan,
  markFailed,
  openSpan,
  runInContext,
  traceHeadersOf,
  tracingEnabled,
} from '@stockflow/tracing';

/** The server span of each request in flight, keyed by the Node request (Nest and raw Fastify routes share it). */
const requestSpans = new WeakMap<IncomingMessage, Context>();

/**
 * One SERVER span per HTTP request, continuing the caller's `traceparent`.
 * The span is opened in onRequest and ended in onResponse; its context is not
 * carried by AsyncLocalStorage through Fastify's body parsing (stream callbacks
 * run in the socket's context), so handlers pick it up explicitly:
 * TraceInterceptor for Nest routes, requestTraceContext() for raw routes.
 * The name uses the route pattern (`POST /v1/events`), never the raw URL.
 */
export function traceHttpRequests(fastify: FastifyInstance): void {
  if (!tracingEnabled()) return;
  const spans = new WeakMap<IncomingMessage, Span>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    if (route.startsWith('/health') || route === '/metrics') return done();
    const parent = contextOf(traceHeadersOf(request.headers));
    const span = openSpan(`${request.method} ${route}`, {
      parent,
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'http.route': route },
    });
    spans.set(request.raw, span);
    requestSpans.set(request.raw, contextWithSpan(span, parent));
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request.raw);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) markFailed(span, new Error(`HTTP ${reply.statusCode}`));
      span.end();
    }
    done();
  });
}

/** The context of the request's server span (for raw routes that call further services). */
export function requestTraceContext(
  request: FastifyRequest | IncomingMessage,
): Context | undefined {
  return requestSpans.get('raw' in request ? request.raw : request);
}

/** Runs each Nest handler inside its request's server span, so what it produces (Kafka messages) continues the trace. */
@Injectable()
export class TraceInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const ctx = request && requestTraceContext(request);
    if (!ctx) return next.handle();
    return new Observable((subscriber) =>
      runInContext(ctx, () => next.handle().subscribe(subscriber)),
    );
  }
}
