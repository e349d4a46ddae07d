import Fastify, { FastifyInstance } from 'fastify';
import { AddressInfo } from 'net';
import { EDGE_ORDER_ID_HEADER } from '@stockflow/contracts';
import { isRetryable } from './failover-policy';
import { registerUpstreams } from './upstream-proxy';

interface Seen {
  instance: string;
  method: string;
  url: string;
  edgeOrderId: unknown;
  body: string;
}

/** Real instances and a real gateway on loopback: which instance a request reaches, and how often. */
describe('gateway failover across upstream instances', () => {
  const seen: Seen[] = [];
  const instances: FastifyInstance[] = [];
  let gateway: FastifyInstance | undefined;

  async function instance(
    name: string,
    behaviour: 'ok' | '503' | 'drop' | 'slow',
  ): Promise<string> {
    const app = Fastify();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) =>
      done(null, body),
    );
    app.all('/*', async (request, reply) => {
      seen.push({
        instance: name,
        method: request.method,
        url: request.url,
        edgeOrderId: request.headers[EDGE_ORDER_ID_HEADER],
        body: String(request.body ?? ''),
      });
      if (behaviour === '503') return reply.status(503).send({ retry: true });
      if (behaviour === 'drop') return reply.raw.socket?.destroy(); // dies with the request
      if (behaviour === 'slow') await new Promise((r) => setTimeout(r, 1000));
      return reply.status(202).send({ by: name });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    instances.push(app);
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }

  async function gatewayTo(urls: string[]): Promise<string> {
    gateway = Fastify();
    registerUpstreams(gateway, [{ name: 'orders', prefixes: ['/v1/orders', '/v1/carts'], urls }], {
      timeoutMs: 2000,
      attemptTimeoutMs: 300,
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  }

  const post = (base: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [EDGE_ORDER_ID_HEADER]: 'forged' },
      body: JSON.stringify(body),
    });

  beforeEach(() => (seen.length = 0));
  afterEach(async () => {
    await gateway?.close();
    await Promise.all(instances.splice(0).map((app) => app.close()));
  });

  it('sends every request to a live instance while the other refuses connections', async () => {
    const base = await gatewayTo(['http://127.0.0.1:9', await instance('b', 'ok')]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(base, '/v1/orders', { lines: [] })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(seen.map((s) => s.instance)).toEqual(Array(10).fill('b'));
  });

  it("retries an instance's 503 on the next instance with the same edge orderId", async () => {
    const base = await gatewayTo([await instance('a', '503'), await instance('b', 'ok')]);
    for (let i = 0; i < 4; i++) {
      seen.length = 0;
      const res = await post(base, '/v1/orders', { lines: [{ sku: 'A', quantity: 1 }] });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ by: 'b' });
      const ids = seen.map((s) => s.edgeOrderId);
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/); // assigned here; the client's forged one is replaced
      expect(new Set(ids).size).toBe(1);
      expect(seen.every((s) => s.body === '{"lines":[{"sku":"A","quantity":1}]}')).toBe(true);
    }
  });

  it('repeats an order lost with its instance, but not a cart hold', async () => {
    const base = await gatewayTo([await instance('a', 'drop'), await instance('b', 'ok')]);
    const orders = await Promise.all([1, 2].map(() => post(base, '/v1/orders', { lines: [] })));
    expect(orders.map((o) => o.status)).toEqual([202, 202]);
    seen.length = 0;
    const holds = await Promise.all(
      [1, 2].map(() => post(base, '/v1/carts/c1/holds', { sku: 'A', quantity: 1 })),
    );
    // One of the two went to the dropping instance first: a hold may have been made, so 502.
    expect(holds.map((h) => h.status).sort()).toEqual([202, 502]);
    expect(seen).toHaveLength(2);
  });

  it('sends an order an instance is slow to answer to the next one after the attempt timeout, but waits for a hold', async () => {
    const base = await gatewayTo([await instance('a', 'slow'), await instance('b', 'ok')]);
    const orders = await Promise.all([1, 2].map(() => post(base, '/v1/orders', { lines: [] })));
    expect(orders.map((o) => o.status)).toEqual([202, 202]);
    const ids = seen.map((s) => s.edgeOrderId);
    expect(new Set(ids).size).toBe(2); // one id per order, the same on its retry
    seen.length = 0;
    const holds = await Promise.all(
      [1, 2].map(() => post(base, '/v1/carts/c1/holds', { sku: 'A', quantity: 1 })),
    );
    expect(holds.map((h) => h.status)).toEqual([202, 202]); // the slow one answered within the full timeout
    expect(seen).toHaveLength(2);
  });

  it('goes back to an instance that was only slow when the other refuses (it was just killed)', async () => {
    const base = await gatewayTo([await instance('a', 'slow'), 'http://127.0.0.1:9']);
    const orders = await Promise.all([1, 2].map(() => post(base, '/v1/orders', { lines: [] })));
    expect(orders.map((o) => o.status)).toEqual([202, 202]);
    // The order that met the slow instance first reached it twice (the second time with the full
    // timeout), with one edge orderId; the other reached it once, after the refusal.
    const ids = seen.map((s) => s.edgeOrderId);
    expect(seen.map((s) => s.instance)).toEqual(['a', 'a', 'a']);
    expect(new Set(ids).size).toBe(2);
  });

  it('gives up after each instance was tried once', async () => {
    const base = await gatewayTo([await instance('a', '503'), await instance('b', '503')]);
    const res = await post(base, '/v1/orders', { lines: [] });
    expect(res.status).toBe(503);
    expect(seen).toHaveLength(2);
  });

  it('repeats a timeout or a request lost mid-way only when it is repeatable', () => {
    const lost = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    const timeout = Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(isRetryable(lost, 'POST', '/v1/orders')).toBe(true);
    expect(isRetryable(lost, 'POST', '/v1/carts/c/holds')).toBe(false);
    expect(isRetryable(refused, 'POST', '/v1/carts/c/holds')).toBe(true);
    expect(isRetryable(timeout, 'GET', '/v1/orders/x')).toBe(true);
    expect(isRetryable(timeout, 'POST', '/v1/carts/c/holds')).toBe(false);
  });
});
