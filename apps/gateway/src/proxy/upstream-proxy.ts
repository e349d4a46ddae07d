import replyFrom from '@fastify/reply-from';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IncomingHttpHeaders } from 'http';
import { requestTraceContext } from '@stockflow/service-kit';
import { traceHeadersFor } from '@stockflow/tracing';

export interface Upstream {
  /** Names the upstream in 502/504 answers, e.g. `orders`. */
  name: string;
  /** Path prefixes served by this upstream, e.g. `/v1/orders`. */
  prefixes: string[];
  url: string;
}

export interface ProxyOptions {
  /** How long the upstream may take to answer (headers, then between body chunks) before a 504. */
  timeoutMs: number;
}

/**
 * The gateway is the one public port: it serves events and stock itself and
 * forwards orders, carts and channel operations to the services that own them.
 * Each upstream checks the token itself, so the proxy stays dumb: request and
 * response bodies stream through untouched (no parse, no re-serialise) and
 * headers pass both ways. Keep-alive pools keep the extra hop well under a
 * millisecond.
 */
export function registerUpstreams(
  fastify: FastifyInstance,
  upstreams: Upstream[],
  options: ProxyOptions,
): void {
  for (const upstream of upstreams) {
    // One encapsulated scope per upstream: its own reply-from base and pool, and
    // body parsers that hand the raw request stream on instead of parsing JSON.
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      await scope.register(replyFrom, {
        base: upstream.url,
        undici: {
          connections: 64,
          pipelining: 1,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        },
      });
      const handler = (request: FastifyRequest, reply: FastifyReply) =>
        reply.from(request.url, {
          // The upstream's server span becomes a child of the gateway's.
          rewriteRequestHeaders: (_request, headers) =>
            withTraceHeaders(request, withoutEmptyBodyType(headers)),
          // A retried POST could place an order twice; a 503 is the upstream's answer to pass on.
          retryDelay: () => null,
          onError: (failed, { error }) => sendUpstreamError(failed, upstream.name, error),
        });
      for (const prefix of upstream.prefixes) {
        scope.all(prefix, handler);
        scope.all(`${prefix}/*`, handler);
      }
    });
  }
}

/**
 * `DELETE /v1/carts/:id` with `Content-Type: application/json` and no body is a
 * valid request (many HTTP clients send the header on every call), but the
 * upstream's JSON parser would refuse an empty JSON body with a 400. A request
 * without a body needs no content type, so it goes on without one.
 */
export function withoutEmptyBodyType(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const hasBody =
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0');
  if (hasBody) return headers;
  const rest = { ...headers };
  delete rest['content-type'];
  return rest;
}

/** Timeouts are 504, anything else that kept the upstream from answering is 502; both say which upstream. */
function sendUpstreamError(
  reply: { status(code: number): { send(body: unknown): unknown } },
  name: string,
  error: Error & { statusCode?: number; code?: string },
): void {
  const cause = (error.cause as Error | undefined)?.message ?? error.message;
  if (error.statusCode === 504) {
    reply.status(504).send({
      statusCode: 504,
      error: 'Gateway Timeout',
      message: `${name} did not answer in time: ${cause}`,
    });
  } else {
    reply
      .status(502)
      .send({ statusCode: 502, error: 'Bad Gateway', message: `${name} is unavailable: ${cause}` });
  }
}

/** The gateway's server span as the upstream's parent (a client's own traceparent is replaced by it). */
function withTraceHeaders(
  request: FastifyRequest,
  headers: IncomingHttpHeaders,
): IncomingHttpHeaders {
  const ctx = requestTraceContext(request);
  const trace = ctx && traceHeadersFor(ctx);
  return trace ? { ...headers, ...trace } : headers;
}
