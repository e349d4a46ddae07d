import { randomUUID } from 'crypto';
import { FastifyRequest } from 'fastify';
import { IncomingHttpHeaders } from 'http';
import { EDGE_ORDER_ID_HEADER } from '@stockflow/contracts';
import { requestTraceContext } from '@stockflow/service-kit';
import { traceHeadersFor } from '@stockflow/tracing';

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1), the ones undici sets from the body it
 * sends, and `expect`: the gateway answered `100 Continue` itself (undici
 * refuses to send the header).
 */
const NOT_FORWARDED = [
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'expect',
];
const NOT_RETURNED = ['connection', 'keep-alive', 'transfer-encoding'];

/** What the upstream gets of the request's body. */
export type ForwardedBody = 'none' | 'bytes' | 'stream';

/**
 * The request's headers as the upstream gets them, computed once per request so
 * that every attempt carries the same edge orderId.
 */
export function forwardedHeaders(
  request: FastifyRequest,
  body: ForwardedBody,
): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...request.headers };
  for (const name of NOT_FORWARDED) delete headers[name];
  delete headers[EDGE_ORDER_ID_HEADER];
  // A streamed body keeps its declared length (without one undici sends it chunked).
  if (body === 'stream' && request.headers['content-length'] !== undefined) {
    headers['content-length'] = request.headers['content-length'];
  }
  // A body-less DELETE that says Content-Type: application/json (many clients send it on every
  // call) would be refused by the upstream's JSON parser: without a body it needs no type.
  if (body === 'none') delete headers['content-type'];
  if (request.method === 'POST' && request.url.split('?')[0] === '/v1/orders') {
    headers[EDGE_ORDER_ID_HEADER] = randomUUID();
  }
  // The upstream's server span becomes a child of the gateway's (a client's own traceparent is replaced).
  const ctx = requestTraceContext(request);
  const trace = ctx && traceHeadersFor(ctx);
  return trace ? { ...headers, ...trace } : headers;
}

/** The upstream's answer headers as the client gets them. */
export function returnedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_RETURNED.includes(name)) out[name] = value;
  }
  return out;
}
