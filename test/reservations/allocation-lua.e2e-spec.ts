import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Redis from 'ioredis';
import { allocateOrder } from '@stockflow/ledger-core';
import { RedisStock, keySlot } from '@stockflow/reservations';
import { createTestStack, TestStack, waitFor } from '@stockflow/testing';

/** Location ids whose byte order differs from their numeric order, so "lowest id first" is really tested. */
const LOCATIONS = ['L1', 'L10', 'L2', 'shop', 'wh-a', 'wh-b'];
const SKUS = ['P', 'Q'];

const scenario = fc.record({
  // Per sku: which locations it has and what each has available (a location may be oversold: below 0).
  counters: fc.record({
    P: fc.dictionary(fc.constantFrom(...LOCATIONS), fc.integer({ min: -3, max: 12 }), {
      maxKeys: 5,
    }),
    Q: fc.dictionary(fc.constantFrom(...LOCATIONS), fc.integer({ min: -3, max: 12 }), {
      maxKeys: 5,
    }),
  }),
  // undefined = the default pool; otherwise locations in priority order (may name locations a sku lacks).
  pool: fc.option(fc.uniqueArray(fc.constantFrom(...LOCATIONS), { minLength: 1, maxLength: 4 }), {
    nil: undefined,
  }),
  lines: fc.array(
    fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 20 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

describe('the reserve script allocates exactly as ledger-core allocateOrder (real Redis)', () => {
  let stack: TestStack;
  let redis: Redis;
  let stock: RedisStock;
  let run = 0;

  beforeAll(async () => {
    stack = await createTestStack('alloclua');
    redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: 1 });
    stock = new RedisStock(redis, stack.redisKeyPrefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    redis.disconnect();
    await stack.teardown();
  });

  it('takes the same units from the same locations, refuses the same orders, and moves counters by exactly that', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ counters, pool, lines }) => {
        run++;
        const sku = (s: string) => `${s}-${run}`;
        for (const s of SKUS) {
          const locations = counters[s as 'P' | 'Q'];
          const avail = Object.values(locations).reduce((t, v) => t + v, 0);
          await stock.seed(sku(s), {
            counter: { avail, ver: 1, locations },
            registry: [],
            precounted: [],
            republish: [],
          });
        }
        const candidatesOf = (s: string) => {
          const locations = counters[s as 'P' | 'Q'];
          const order = pool ?? Object.keys(locations).sort();
          return order.map((locationId) => ({ locationId, available: locations[locationId] ?? 0 }));
        };
        const expected = allocateOrder(lines, candidatesOf);
        const orderId = `prop-${run}`;
        const [outcome] = await stock.reserveOrders(
          [
            {
              orderId,
              channel: 'web',
              pool,
              lines: lines.map((l, i) => ({
                sku: sku(l.sku),
                quantity: l.quantity,
                reservationId: `ord:${orderId}:${i + 1}`,
              })),
            },
          ],
          new Date(),
        );
        const after = Object.fromEntries(
          await Promise.all(SKUS.map(async (s) => [s, (await stock.counter(sku(s)))!.locations])),
        );
        if (!expected.ok) {
          expect(outcome).toEqual({ status: 'insufficient', skus: expected.shortSkus.map(sku) });
          expect(after).toEqual(counters);
          return;
        }
        expect(outcome.status).toBe('reserved');
        expect(outcome.status === 'reserved' && outcome.allocations).toEqual(expected.lines);
        const moved = structuredClone(counters) as Record<string, Record<string, number>>;
        lines.forEach((l, i) =>
          expected.lines[i].forEach((a) => (moved[l.sku][a.locationId] -= a.quantity)),
        );
        expect(after).toEqual(moved);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('CLUSTER KEYSLOT of a real cluster-mode Redis equals keySlot', () => {
  let server: ChildProcess;
  let dir: string;
  let redis: Redis;
  let port: number;

  beforeAll(async () => {
    port = await freePortOf([7000, 7001, 7002]);
    dir = mkdtempSync(join(tmpdir(), 'sf-cluster-'));
    // CLUSTER KEYSLOT is answered by any cluster-enabled node, slots assigned or not.
    server = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, 'nodes.conf'),
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--bind',
        '127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    // The client keeps reconnecting until the server listens; each ping fails fast meanwhile.
    redis = new Redis({
      port,
      host: '127.0.0.1',
      maxRetriesPerRequest: 0,
      retryStrategy: () => 100,
    });
    redis.on('error', () => undefined);
    await waitFor(
      async () =>
        redis.ping().then(
          () => true,
          () => false,
        ),
      { timeoutMs: 20_000, what: `cluster-mode redis-server on port ${port}` },
    );
  }, 30_000);
  afterAll(() => {
    redis?.disconnect();
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees on every kind of key the scripts are given', async () => {
    const stock = new RedisStock(redis, 'stockflow:');
    const keys = [
      stock.keys.stock('SKU-1'),
      stock.keys.reservation('SKU-1', 'ord:o-1:1'),
      stock.keys.reservation('Z.9_x-', 'hold:web.c1:ab12'),
      stock.keys.cart('web.c1'),
      stock.keys.order('o-1'),
      stock.keys.outbox,
      'foo{}{bar}',
      'foo{{bar}}zap',
    ];
    for (const key of keys)
      expect([key, await redis.call('CLUSTER', 'KEYSLOT', key)]).toEqual([key, keySlot(key)]);
  });
});

/** The first of the ports nobody listens on (another suite may run its own cluster there). */
async function freePortOf(ports: number[]): Promise<number> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`ports ${ports.join(', ')} are all taken`);
}
