import { randomUUID } from 'crypto';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IncomingHttpHeaders } from 'http';
import { Pool } from 'undici';
import { EDGE_ORDER_ID_HEADER } from '@stockflow/contracts';
import { requestTraceContext } from '@stockflow/service-kit';
import { traceHeadersFor } from '@stockflow/tracing';
import {
  attemptTimeoutMs,
  isAttemptTimeout,
  isRepeatable,
  isRetryable,
  neverReached,
  nextAttempt,
} from './failover-policy';

export interface Upstream {
  /** Names the upstream in 502/504 answers, e.g. `orders`. */
  name: string;
  /** Path prefixes served by this upstream, e.g. `/v1/orders`. */
  prefixes: string[];
  /** One URL per instance; with two or more, a request one cannot answer goes to the next. */
  urls: string[];
}

export interface ProxyOptions {
  /** How long the upstream may take to answer (headers, then between body chunks) before a 504. */
  timeoutMs: number;
  /** With another instance left, a repeatable request that has no answer after this goes there. */
  attemptTimeoutMs: number;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones undici sets from the body it sends. */
const NOT_FORWARDED = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'];
const NOT_RETURNED = ['connection', 'keep-alive', 'transfer-encoding'];

/**
 * The gateway is the one public port: it serves events and stock itself and
 * forwards orders, carts and channel operations to the services that own them.
 * Each upstream checks the token itself, so the proxy stays dumb: the request
 * body is passed on byte for byte (buffered, so that it can be sent again),
 * the response streams back, headers pass both ways. Keep-alive pools keep the
 * extra hop well under a millisecond.
 *
 * Failover (docs/faults.md): with several instances, requests are spread round
 * robin and a request that an instance cannot take (connection refused, its
 * 503 "changed nothing, retry") goes to the next one; one lost mid-way (the
 * instance died with it) or unanswered after the attempt timeout goes on only
 * when repeating it is harmless. Every
 * `POST /v1/orders` is made repeatable here: the gateway gives it an orderId
 * (EDGE_ORDER_ID_HEADER) that orders uses when the body names none.
 */
export function registerUpstreams(
  fastify: FastifyInstance,
  upstreams: Upstream[],
  options: ProxyOptions,
): void {
  for (const upstream of upstreams) {
    const instances = upstream.urls.map(
      (url) =>
        new Pool(new URL(url).origin, {
          connections: 64,
          pipelining: 1,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        }),
    );
    fastify.addHook('onClose', async () => {
      await Promise.all(instances.map((pool) => pool.close()));
    });
    let turn = 0;
    // One encapsulated scope per upstream: body parsers that keep the raw bytes instead of parsing JSON.
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );
      const handler = async (request: FastifyRequest, reply: FastifyReply) => {
        const first = turn++ % instances.length;
        const body =
          request.body instanceof Buffer && request.body.length > 0 ? request.body : null;
        const headers = forwardedHeaders(request, body !== null);
        const repeatable = isRepeatable(request.method, request.url);
        // An instance that only ran out of its short attempt timeout: the one to go back to (with
        // the full timeout) when the rest refuse, e.g. the other instance was just killed.
        let slow: Pool | undefined;
        for (let attempt = 0; ; attempt++) {
          // Past the last instance only with a slow one to go back to (see the catch below).
          const back = attempt >= instances.length;
          const pool = back ? slow! : instances[(first + attempt) % instances.length];
          const last = back || !nextAttempt(attempt, instances.length);
          try {
            const res = await pool.request({
              path: request.url,
              method: request.method as 'GET',
              headers,
              body,
              headersTimeout: back
                ? options.timeoutMs
                : attemptTimeoutMs(options, repeatable, last),
            });
            if (res.statusCode === 503 && !last) {
              await res.body.dump();
              continue;
            }
            return reply
              .status(res.statusCode)
              .headers(returnedHeaders(res.headers))
              .send(res.body);
          } catch (error) {
            if (!last && isRetryable(error as Error, request.method, request.url)) {
              if (isAttemptTimeout(error as Error)) slow = pool;
              continue;
            }
            if (!back && slow && neverReached(error as Error)) continue;
            return sendUpstreamError(reply, upstream.name, error as Error);
          }
        }
      };
      for (const prefix of upstream.prefixes) {
        scope.all(prefix, handler);
        scope.all(`${prefix}/*`, handler);
      }
    });
  }
}

function forwardedHeaders(request: FastifyRequest, hasBody: boolean): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...request.headers };
  for (const name of NOT_FORWARDED) delete headers[name];
  delete headers[EDGE_ORDER_ID_HEADER];
  // A body-less DELETE that says Content-Type: application/json (many clients send it on every
  // call) would be refused by the upstream's JSON parser: without a body it needs no type.
  if (!hasBody) delete headers['content-type'];
  if (request.method === 'POST' && request.url.split('?')[0] === '/v1/orders') {
    headers[EDGE_ORDER_ID_HEADER] = randomUUID();
  }
  // The upstream's server span becomes a child of the gateway's (a client's own traceparent is replaced).
  const ctx = requestTraceContext(request);
  const trace = ctx && traceHeadersFor(ctx);
  return trace ? { ...headers, ...trace } : headers;
}

function returnedHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_RETURNED.includes(name)) out[name] = value;
  }
  return out;
}

/** Timeouts are 504, anything else that kept the upstream from answering is 502; both say which upstream. */
function sendUpstreamError(
  reply: FastifyReply,
  name: string,
  error: Error & { code?: string },
): FastifyReply {
  const cause = (error.cause as Error | undefined)?.message ?? error.message;
  if (error.code === 'UND_ERR_HEADERS_TIMEOUT' || error.code === 'UND_ERR_BODY_TIMEOUT') {
    return reply.status(504).send({
      statusCode: 504,
      error: 'Gateway Timeout',
      message: `${name} did not answer in time: ${cause}`,
    });
  }
  return reply
    .status(502)
    .send({ statusCode: 502, error: 'Bad Gateway', message: `${name} is unavailable: ${cause}` });
}
