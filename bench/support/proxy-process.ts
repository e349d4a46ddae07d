/**
 * One process of bench:proxy, started by proxy.bench.ts (so /proc counts it apart):
 *
 *   upstream                    stands in for orders: answers POST /v1/orders 202 at once
 *   floor                       answers POST /v1/orders 202 itself: one bare HTTP hop, the floor
 *   proxy <module> <urls>       a gateway proxy (registerUpstreams of <module>) in front of <urls>
 *
 * Prints `listening <port>` once it accepts connections, and `cpu <µs>` (its
 * process.cpuUsage, user + system: finer than /proc's 10 ms ticks) for each
 * `cpu` line it reads on stdin. Bodies are taken as raw
 * bytes everywhere (no JSON parse), so the rows differ only by the proxy.
 */
import Fastify from 'fastify';
import { AddressInfo } from 'net';
import { createInterface } from 'readline';

const ANSWER = JSON.stringify({
  orderId: '8a1f3c1e-9d4b-4b7e-a3a1-5f8e2d6c7b90',
  status: 'received',
  lines: [{ sku: 'SKU-1', quantity: 1 }],
});

interface ProxyModule {
  registerUpstreams(
    fastify: unknown,
    upstreams: { name: string; prefixes: string[]; urls: string[] }[],
    options: { timeoutMs: number; attemptTimeoutMs: number },
  ): void;
}

async function main(): Promise<void> {
  const [role, modulePath, urls] = process.argv.slice(2);
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  if (role === 'proxy') {
    const proxy = (await import(modulePath)) as ProxyModule;
    proxy.registerUpstreams(
      app,
      [{ name: 'orders', prefixes: ['/v1/orders', '/v1/carts'], urls: urls.split(',') }],
      { timeoutMs: 30_000, attemptTimeoutMs: 1000 },
    );
  } else if (role === 'upstream' || role === 'floor') {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    app.post('/v1/orders', async (_request, reply) =>
      reply.status(202).header('content-type', 'application/json; charset=utf-8').send(ANSWER),
    );
  } else {
    throw new Error(`proxy-process: unknown role ${role}`);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${(app.server.address() as AddressInfo).port}`);
  createInterface({ input: process.stdin }).on('line', () => {
    const { user, system } = process.cpuUsage();
    console.log(`cpu ${user + system}`);
  });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
