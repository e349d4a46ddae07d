import Fastify, { FastifyInstance } from 'fastify';
import { AddressInfo } from 'net';
import { registerUpstreams } from './upstream-proxy';

/** A real upstream and a real gateway on loopback: what the proxy sends and answers, byte for byte. */
describe('upstream proxy (reply-from)', () => {
  let upstream: FastifyInstance;
  let gateway: FastifyInstance;
  let base: string;
  const seen: { headers: Record<string, unknown>; body: string | undefined }[] = [];

  beforeAll(async () => {
    upstream = Fastify();
    // Keep the default JSON parser (as the orders service has) but also record raw bytes.
    upstream.addHook('preParsing', async (request, _reply, payload) => {
      const chunks: Buffer[] = [];
      for await (const chunk of payload) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString();
      seen.push({ headers: { ...request.headers }, body: raw === '' ? undefined : raw });
      const { Readable } = await import('stream');
      return Readable.from([Buffer.from(raw)]);
    });
    upstream.all('/v1/orders', async (request, reply) => {
      reply.header('x-upstream', 'orders').header('retry-after', '3');
      return reply.status(409).send({ echoed: request.body });
    });
    upstream.get('/v1/orders/unready', async (_request, reply) =>
      reply.status(503).send({ status: 'unavailable' }),
    );
    upstream.get(
      '/v1/orders/slow',
      async () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 3000)),
    );
    upstream.delete('/v1/carts/:cartId', async (request) => ({
      cartId: (request.params as { cartId: string }).cartId,
      released: 0,
    }));
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const upstreamUrl = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;

    gateway = Fastify();
    registerUpstreams(
      gateway,
      [
        { name: 'orders', prefixes: ['/v1/orders', '/v1/carts'], urls: [upstreamUrl] },
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        { name: 'channel-sync', prefixes: ['/v1/channels'], urls: ['http://127.0.0.1:9'] },
      ],
      { timeoutMs: 500, attemptTimeoutMs: 500 },
    );
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  beforeEach(() => (seen.length = 0));

  it('streams the request body untouched and passes headers both ways', async () => {
    const raw = '{"lines":  [ {"sku":"A","quantity":1} ],\n "payment":{"method":"card"}}';
    const res = await fetch(`${base}/v1/orders?mode=x`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer tok',
        'content-type': 'application/json',
        'x-request-id': 'req-1',
        'x-custom': 'kept',
      },
      body: raw,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('x-upstream')).toBe('orders');
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ echoed: JSON.parse(raw) });
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toBe(raw); // not re-serialised: spacing and newline survive
    expect(seen[0].headers).toMatchObject({
      authorization: 'Bearer tok',
      'x-request-id': 'req-1',
      'x-custom': 'kept',
    });
  });

  it('passes an upstream 503 on as it is, without retrying it', async () => {
    const res = await fetch(`${base}/v1/orders/unready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable' });
    expect(seen).toHaveLength(1);
  });

  it('accepts a body-less DELETE that says Content-Type: application/json', async () => {
    const res = await fetch(`${base}/v1/carts/cart-1`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cartId: 'cart-1', released: 0 });
    expect(seen[0].headers['content-type']).toBeUndefined();
  });

  it('answers 502 with a JSON error naming the upstream when it is down', async () => {
    const res = await fetch(`${base}/v1/channels/web/dlq`);
    expect(res.status).toBe(502);
    const body = (await res.json()) as { message: string };
    expect(body).toMatchObject({ statusCode: 502, error: 'Bad Gateway' });
    expect(body.message).toMatch(/^channel-sync is unavailable: /);
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    const res = await fetch(`${base}/v1/orders/slow`);
    expect(res.status).toBe(504);
    const body = (await res.json()) as { message: string };
    expect(body).toMatchObject({ statusCode: 504, error: 'Gateway Timeout' });
    expect(body.message).toMatch(/^orders did not answer in time/);
  });
});
