import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Pool } from 'undici';
import { requestTraceContext } from '@stockflow/service-kit';
import { traceHeadersFor } from '@stockflow/tracing';

export interface Upstream {
  /** Path prefixes served by this upstream, e.g. `/v1/orders`. */
  prefixes: string[];
  url: string;
}

const FORWARDED_HEADERS = ['authorization', 'content-type', 'accept', 'x-request-id'];

/**
 * The gateway is the one public port: it serves events and stock itself and
 * forwards orders, carts and channel operations to the services that own them.
 * Each upstream checks the channel token itself, so the proxy stays dumb.
 * Keep-alive pools keep the extra hop to well under a millisecond.
 */
export function registerUpstreams(fastify: FastifyInstance, upstreams: Upstream[]): Pool[] {
  return upstreams.map(({ prefixes, url }) => {
    const pool = new Pool(url, { connections: 64, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
    const handler = (request: FastifyRequest, reply: FastifyReply) => forward(pool, request, reply);
    for (const prefix of prefixes) {
      fastify.all(prefix, handler);
      fastify.all(`${prefix}/*`, handler);
    }
    return pool;
  });
}

async function forward(pool: Pool, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // The upstream's server span becomes a child of the gateway's.
  const ctx = requestTraceContext(request);
  if (ctx) Object.assign(headers, traceHeadersFor(ctx));
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody) headers['content-type'] = 'application/json';
  try {
    const response = await pool.request({
      path: request.url,
      method: request.method as 'GET',
      headers,
      body: hasBody ? JSON.stringify(request.body) : undefined,
    });
    const contentType = response.headers['content-type'];
    if (typeof contentType === 'string') reply.header('content-type', contentType);
    const retryAfter = response.headers['retry-after'];
    if (typeof retryAfter === 'string') reply.header('retry-after', retryAfter);
    reply.status(response.statusCode).send(Buffer.from(await response.body.arrayBuffer()));
  } catch (error) {
    reply.status(502).send({ statusCode: 502, error: 'Bad Gateway', message: `upstream unavailable: ${(error as Error).message}` });
  }
}
