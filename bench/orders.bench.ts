/**
 * bench:orders — HTTP order acceptance under load through the public API
 * (gateway -> orders), async mode (202 received) then sync mode (201/409), with
 * autocannon. Baseline in the same run: GET /health/live of the same orders
 * process (what this machine's HTTP stack does with no work at all). After each
 * run it waits for every accepted order to be decided and reports any lost.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { randomBytes } from 'crypto';
import { loadavg } from 'os';
import { Client } from 'pg';
import { TEST_TOKENS, api, createTestStack, makeEvent, startService, waitFor } from '@stockflow/testing';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SKUS = Array.from({ length: 100 }, (_, i) => `OB-${i}`);

interface Run {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  codes: Record<string, number>;
}

async function main(): Promise<void> {
  const stack = await createTestStack('benchorders');
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const ledger = await startService('ledger', stack.env);
  let orders = await startService('orders', stack.env);
  const gateway = await startService('gateway', { ...stack.env, ORDERS_URL: orders.url });
  console.log(`bench:orders  ${CONNECTIONS} connections, ${SECONDS} s per run, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  try {
    await seed(gateway.url, stack.redisKeyPrefix, stack.redisUrl);
    print(await run('baseline GET /health/live (orders)', { url: `${orders.url}/health/live` }));
    const direct = await run('async POST /v1/orders (orders direct)', orderRequests(orders.url));
    print(direct);
    await reportDecided(db, direct);
    const asyncRun = await run('async POST /v1/orders (gateway)', orderRequests(gateway.url));
    print(asyncRun);
    await reportDecided(db, asyncRun);

    await orders.stop();
    orders = await startService('orders', { ...stack.env, CHECKOUT_ASYNC: '0' }, { port: orders.port });
    const syncRun = await run('sync  POST /v1/orders (gateway)', orderRequests(gateway.url));
    print(syncRun);
    await reportDecided(db, syncRun);
  } finally {
    await Promise.all([gateway.stop(), orders.stop(), ledger.stop()]);
    await db.end();
    await stack.teardown();
  }
}

function orderRequests(base: string): autocannon.Options {
  const run = randomBytes(3).toString('hex');
  let n = 0;
  return {
    url: `${base}/v1/orders`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKENS.web}` },
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          const body = { orderId: `b-${run}-${i}`, lines: [{ sku: SKUS[i % SKUS.length], quantity: 1 }], payment: { method: 'card' } };
          return { ...req, body: JSON.stringify(body) };
        },
      },
    ],
  };
}

function run(label: string, options: autocannon.Options): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => {
      if (error) return reject(error);
      const codes: Record<string, number> = {};
      for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) codes[code] = (stat as { count: number }).count;
      resolve({ label, requests: result.requests.total, perSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, codes });
    });
  });
}

function print(r: Run): void {
  const codes = Object.entries(r.codes).map(([c, n]) => `${c}:${n}`).join(' ');
  console.log(`${r.label.padEnd(38)} ${String(r.perSecond).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   [${codes}]`);
}

/**
 * Every order the service stored must end pending or rejected: waits for the
 * queue to drain, then counts. Answers the client saw can be fewer than the
 * stored orders (autocannon stops with requests in flight), never more.
 */
async function reportDecided(db: Client, r: Run): Promise<void> {
  const answered = (r.codes['202'] ?? 0) + (r.codes['201'] ?? 0) + (r.codes['409'] ?? 0);
  const t0 = Date.now();
  await waitFor(async () => (await db.query(`SELECT count(*)::int AS n FROM orders WHERE status = 'received'`)).rows[0].n === 0, {
    timeoutMs: 180_000,
    intervalMs: 200,
    what: 'every accepted order decided',
  });
  const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM orders GROUP BY status`);
  const by = Object.fromEntries(rows.map((row: { status: string; n: number }) => [row.status, row.n]));
  await db.query('DELETE FROM orders');
  const decided = (by.pending ?? 0) + (by.rejected ?? 0);
  const stored = decided + (by.received ?? 0);
  console.log(
    `  answered ${answered}, stored ${stored}, decided ${decided} (pending ${by.pending ?? 0}, rejected ${by.rejected ?? 0}), ` +
      `lost ${stored - decided}${answered > stored ? ' (MORE ANSWERS THAN ORDERS)' : ''}; drained ${((Date.now() - t0) / 1000).toFixed(1)} s after the run`,
  );
}

/** 100 skus with plenty of stock, visible to checkout before the runs start. */
async function seed(gatewayUrl: string, redisPrefix: string, redisUrl: string): Promise<void> {
  const events = SKUS.map((sku) => makeEvent('StockReceived', { sku, channel: '3pl', locationId: 'wh-1', quantity: 10_000_000 }));
  const res = await api(gatewayUrl, 'POST', '/v1/events', { token: TEST_TOKENS['3pl'], body: events });
  if (res.status !== 202) throw new Error(`seed refused: ${res.status}`);
  const Redis = (await import('ioredis')).default;
  const redis = new Redis(redisUrl);
  try {
    await waitFor(async () => (await redis.exists(...SKUS.map((s) => `${redisPrefix}stock:${s}`))) === SKUS.length, {
      timeoutMs: 60_000,
      what: 'seeded stock visible to checkout',
    });
  } finally {
    redis.disconnect();
  }
}

void (async () => {
  try {
    await main();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
})();

