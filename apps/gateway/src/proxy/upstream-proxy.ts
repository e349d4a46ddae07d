import replyFrom from '@fastify/reply-from';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IncomingHttpHeaders } from 'http';
import { Readable } from 'stream';
import {
  attemptTimeoutMs,
  isAttemptTimeout,
  isRepeatable,
  isRetryable,
  neverReached,
  nextAttempt,
} from './failover-policy';
import { ForwardedBody, forwardedHeaders, returnedHeaders } from './forwarded-headers';

/** Bodies up to this declared length are read whole instead of streamed (see registerUpstreams). */
const WHOLE_BODY_BYTES = 64 * 1024;

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

/** One proxied request: what every attempt sends, and the instance to go back to. */
interface Forwarding {
  upstream: Upstream;
  options: ProxyOptions;
  first: number;
  body: ForwardedBody;
  headers: IncomingHttpHeaders;
  repeatable: boolean;
  /**
   * An instance that only ran out of its short attempt timeout: the one to go back to (with the
   * full timeout) when the rest refuse, e.g. the other instance was just killed.
   */
  slow?: number;
}

/**
 * The gateway is the one public port: it serves events and stock itself and
 * forwards orders, carts and channel operations to the services that own them.
 * Each upstream checks the token itself, so the proxy stays dumb: forwarding is
 * `@fastify/reply-from` (keep-alive undici pools, one per instance), headers
 * pass both ways, bodies are never parsed. A body whose Content-Length is at
 * most WHOLE_BODY_BYTES (every order, cart and DLQ call) is read whole and sent
 * as one buffer, both ways: piping a stream costs a small JSON body more than
 * the hop itself (bench:proxy). A larger or chunked request body streams
 * through to an upstream with one instance; with several it is kept as raw
 * bytes, so that it can be sent again. A larger or chunked answer streams back.
 *
 * Failover (docs/faults.md) is ours, not reply-from's (its retries are off):
 * with several instances, requests are spread round robin and a request that
 * an instance cannot take (connection refused, its 503 "changed nothing,
 * retry") goes to the next one; one lost mid-way (the instance died with it)
 * or unanswered after the attempt timeout goes on only when repeating it is
 * harmless. Every `POST /v1/orders` is made repeatable here: the gateway gives
 * it an orderId (EDGE_ORDER_ID_HEADER) that orders uses when the body names none.
 */
export function registerUpstreams(
  fastify: FastifyInstance,
  upstreams: Upstream[],
  options: ProxyOptions,
): void {
  for (const upstream of upstreams) {
    // Several instances: the body is kept so that failover can send it again.
    const streamed = upstream.urls.length === 1;
    let turn = 0;
    // One encapsulated scope per upstream: its own reply-from (agent) and body parsers.
    void fastify.register(async (scope) => {
      await scope.register(replyFrom, {
        undici: {
          connections: 64,
          pipelining: 1,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        },
        // The agent closes with the gateway (fastify.close()).
        destroyAgent: true,
        disableRequestLogging: true,
        // Never re-encode a body: it is forwarded as the client sent it.
        contentTypesToEncode: [],
      });
      scope.removeAllContentTypeParsers();
      if (streamed) {
        scope.addContentTypeParser('*', (request, payload, done) => {
          if (!isSmall(request.headers)) return done(null, payload);
          readWhole(payload).then((body) => done(null, body), done);
        });
      } else {
        scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
          done(null, body),
        );
      }
      const handler = async (request: FastifyRequest, reply: FastifyReply) => {
        const body = forwardedBody(request);
        const forwarding: Forwarding = {
          upstream,
          options,
          first: turn++ % upstream.urls.length,
          body,
          headers: forwardedHeaders(request, body),
          repeatable: isRepeatable(request.method, request.url),
        };
        forward(request, reply, forwarding, 0);
        return reply;
      };
      for (const prefix of upstream.prefixes) {
        scope.all(prefix, handler);
        scope.all(`${prefix}/*`, handler);
      }
    });
  }
}

function isSmall(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return length !== undefined && Number(length) <= WHOLE_BODY_BYTES;
}

/**
 * The whole of a small body. Listeners, not `stream/consumers`: its async iteration made the
 * proxy cost more per request than streaming did (bench:proxy).
 */
function readWhole(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function forwardedBody(request: FastifyRequest): ForwardedBody {
  if (request.body instanceof Buffer) return request.body.length > 0 ? 'bytes' : 'none';
  // Fastify hands a DELETE that only names a Content-Type to the parser too: an empty stream.
  const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
  const declared = chunked !== undefined || Number(length ?? 0) > 0;
  return request.body instanceof Readable && declared ? 'stream' : 'none';
}

/** One attempt; its answer or error decides whether the next one goes to another instance. */
function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  forwarding: Forwarding,
  attempt: number,
): void {
  const { upstream, options } = forwarding;
  const instances = upstream.urls.length;
  // Past the last instance only with a slow one to go back to (see onError).
  const back = attempt >= instances;
  const instance = back ? forwarding.slow! : (forwarding.first + attempt) % instances;
  const last = back || !nextAttempt(attempt, instances);
  // The answer's headers reply-from copied onto the reply: taken off again when its 503 is retried.
  let copied: string[] = [];
  let smallAnswer = false;
  reply.from(undefined, {
    getUpstream: () => upstream.urls[instance],
    // reply-from gives undici this as headers and body timeout: on a short attempt the gaps in the
    // answer's body are bounded by it too (orders' answers are small JSON sent at once).
    timeout: back ? options.timeoutMs : attemptTimeoutMs(options, forwarding.repeatable, last),
    // Raw bytes go as they are (contentType only keeps reply-from from JSON-encoding them; the
    // headers below are the client's); a stream is request.body itself, left to reply-from.
    ...(forwarding.body === 'bytes' && {
      body: request.body,
      contentType: request.headers['content-type'] ?? 'application/octet-stream',
    }),
    ...(forwarding.body === 'none' && { body: null }),
    rewriteRequestHeaders: () => forwarding.headers,
    rewriteHeaders: (headers) => {
      const returned = returnedHeaders(headers as IncomingHttpHeaders);
      copied = Object.keys(returned);
      smallAnswer = isSmall(returned);
      return returned;
    },
    // Our failover decides what is repeated; reply-from's own retries (GET on a 503) stay off.
    retryDelay: () => null,
    onResponse: (_request, _reply, res) => {
      if (res.statusCode === 503 && !last) {
        res.stream.resume();
        for (const name of copied) reply.removeHeader(name);
        return forward(request, reply, forwarding, attempt + 1);
      }
      if (!smallAnswer) return reply.send(res.stream);
      // Read whole, a body cut off or stalled past the timeout is a clean 502/504, not a broken 2xx.
      readWhole(res.stream).then(
        (body) => reply.send(body),
        (error: Error) => {
          for (const name of copied) reply.removeHeader(name);
          sendUpstreamError(reply, upstream.name, error);
        },
      );
    },
    onError: (_reply, { error }) => {
      // reply-from wraps undici's error; the policy reads undici's code.
      const cause = (error.cause as Error | undefined) ?? error;
      if (!last && isRetryable(cause, request.method, request.url)) {
        if (isAttemptTimeout(cause)) forwarding.slow = instance;
        return forward(request, reply, forwarding, attempt + 1);
      }
      if (!back && forwarding.slow !== undefined && neverReached(cause)) {
        return forward(request, reply, forwarding, attempt + 1);
      }
      sendUpstreamError(reply, upstream.name, cause);
    },
  });
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
