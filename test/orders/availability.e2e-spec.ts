import { readdirSync, readFileSync } from 'fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  makeEvent,
  startService,
  waitFor,
} from '@stockflow/testing';
import { Attempt, Kind, accepted, longestOutage, startTraffic } from './checkout-traffic';
import { TcpProxy, startTcpProxy } from './tcp-proxy';

/** The bound: no window longer than this in which every request of a kind failed. */
const MAX_OUTAGE_MS = 1000;

/** Pids whose parent is `pid` (the gateway primary's cluster workers), read from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Checkout and ingest stay up through any one fault (docs/faults.md): two
 * orders instances behind the gateway's failover, two gateway workers on one
 * port, Postgres reached through a proxy this test can cut. Steady traffic of
 * async orders and event batches runs through each fault; the longest window in
 * which every request of a kind failed must stay under 1 s, and afterwards every
 * accepted order is decided exactly once, every accepted event is in the journal
 * once, and no unit is oversold.
 */
describe('checkout and ingest through one fault at a time', () => {
  let stack: TestStack;
  let pg: TcpProxy;
  let db: Client;
  let redis: Redis;
  let env: Record<string, string>;
  let ledger: ServiceProcess;
  const orders: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let compaction: ServiceProcess;

  beforeAll(async () => {
    stack = await createTestStack('availability');
    const direct = new URL(stack.databaseUrl);
    pg = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(stack.databaseUrl);
    viaProxy.port = String(pg.port);
    env = { ...stack.env, DATABASE_URL: viaProxy.toString() };
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    redis = new Redis(stack.redisUrl);
    ledger = await startService('ledger', env);
    orders.push(await startService('orders', env), await startService('orders', env));
    gateway = await startService('gateway', {
      ...env,
      ORDERS_URL: orders.map((o) => o.url).join(','),
      GATEWAY_WORKERS: '2',
    });
    // Republishes counters a Redis flush took (reconciliation), as in production.
    compaction = await startService('compaction', {
      ...env,
      COMPACTION_IDLE_DELAY_MS: '100',
      RECONCILE_REPUBLISH_AFTER_SECONDS: '2',
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([
      gateway?.stop(),
      compaction?.stop(),
      ...orders.map((o) => o.stop()),
      ledger?.stop(),
    ]);
    const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await db.end();
    await pg.close();
    await stack.teardown();
  });

  async function receive(sku: string, quantity: number) {
    const res = await api(gateway.url, 'POST', '/v1/events', {
      token: TEST_TOKENS['3pl'],
      body: makeEvent('StockReceived', { sku, channel: '3pl', locationId: 'wh-1', quantity }),
    });
    expect(res.status).toBe(202);
    const key = `${stack.redisKeyPrefix}stock:{${sku}}`;
    await waitFor(async () => Number((await redis.hget(key, 'l:wh-1')) ?? 0) >= quantity, {
      what: `checkout to see ${quantity} units of ${sku}`,
      timeoutMs: 90_000,
    });
  }

  /**
   * Traffic, the fault, traffic for 3 s more. Reports per kind the longest
   * window with no success around the fault and, as its same-run baseline, the
   * longest such window of the undisturbed traffic before it (on a loaded
   * shared machine, starvation alone opens gaps), and the requests that failed.
   */
  async function throughFault(label: string, fault: () => Promise<void>) {
    const orderSku = `AV-${label}`;
    const eventSku = `AV-EV-${label}`;
    await receive(orderSku, 150);
    const traffic = startTraffic({ gatewayUrl: gateway.url, orderSku, eventSku, clients: 2 });
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const from = Date.now();
    await fault();
    await new Promise((r) => setTimeout(r, 3000));
    const to = Date.now();
    await traffic.stop();
    const measure = (kind: Kind) => ({
      outage: longestOutage(traffic.attempts, kind, from, to),
      baselineMs: longestOutage(traffic.attempts, kind, started + 1000, from).ms,
      failed: traffic.attempts.filter((a) => a.kind === kind && a.status !== 202).length,
    });
    const result = { order: measure('order'), event: measure('event') };
    console.log(`${label}: ${JSON.stringify(result)}; ${summary(traffic.attempts)}`);
    return { orderSku, eventSku, attempts: traffic.attempts, ...result };
  }

  /** No window longer than the bound (beyond the same-run baseline's) with every request failing. */
  function expectNoOutage(measured: { outage: { ms: number }; baselineMs: number }) {
    expect(measured.outage.ms).toBeLessThanOrEqual(MAX_OUTAGE_MS + measured.baselineMs);
  }

  /** Nothing accepted lost or doubled, nothing oversold. */
  async function expectNothingLost(orderSku: string, eventSku: string, attempts: Attempt[]) {
    const orderIds = accepted(attempts, 'order');
    const eventIds = accepted(attempts, 'event');
    expect(orderIds.length).toBeGreaterThan(20);
    expect(eventIds.length).toBeGreaterThan(20);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM orders WHERE order_id = ANY($1) AND status <> 'received'`,
          [orderIds],
        );
        return rows[0].n === orderIds.length;
      },
      { what: `${orderIds.length} accepted orders decided`, timeoutMs: 120_000, intervalMs: 500 },
    );
    const decisions = await db.query(
      `SELECT count(*)::int AS n FROM order_status_history WHERE order_id = ANY($1) AND status <> 'received'`,
      [orderIds],
    );
    expect(decisions.rows[0].n).toBe(orderIds.length); // each decided exactly once
    const pending = Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM orders WHERE lines @> $1::jsonb AND status = 'pending'`,
          [JSON.stringify([{ sku: orderSku }])],
        )
      ).rows[0].n,
    );
    expect(pending).toBeLessThanOrEqual(150);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM journal WHERE sku = $1 AND type = 'StockReserved'`,
          [orderSku],
        );
        return rows[0].n === pending;
      },
      { what: `${pending} reservations of ${orderSku} in the journal`, timeoutMs: 90_000 },
    );
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM journal WHERE event_id = ANY($1::uuid[])`,
          [eventIds],
        );
        return rows[0].n === eventIds.length;
      },
      { what: `${eventIds.length} accepted events in the journal`, timeoutMs: 90_000 },
    );
    const stock = await api(gateway.url, 'GET', `/v1/stock/${orderSku}`, {
      token: TEST_TOKENS.web,
    });
    expect(stock.body).toMatchObject({ onHand: 150, reserved: pending });
  }

  it('SIGKILL of one orders instance: orders keep being accepted on the other', async () => {
    const run = await throughFault('orders-kill', async () => {
      await orders[0].kill();
      await new Promise((r) => setTimeout(r, 2000));
      orders[0] = await startService('orders', env, {
        port: orders[0].port,
        readyTimeoutMs: 120_000,
      });
    });
    expectNoOutage(run.order);
    expectNoOutage(run.event);
    // The gateway sends what the killed instance could not answer to the other one.
    expect([run.order.failed, run.event.failed]).toEqual([0, 0]);
    await expectNothingLost(run.orderSku, run.eventSku, run.attempts);
  });

  it('SIGKILL of one gateway worker: the other keeps serving the port', async () => {
    const workers = childrenOf(gateway.child.pid!);
    expect(workers).toHaveLength(2);
    const run = await throughFault('gateway-kill', async () => {
      process.kill(workers[0], 'SIGKILL');
    });
    expectNoOutage(run.order);
    expectNoOutage(run.event);
    // Only requests in flight on the killed worker fail (one per client at most).
    expect(run.order.failed).toBeLessThanOrEqual(2);
    expect(run.event.failed).toBeLessThanOrEqual(2);
    await waitFor(async () => childrenOf(gateway.child.pid!).length === 2, {
      what: 'the primary to replace the killed worker',
    });
    await expectNothingLost(run.orderSku, run.eventSku, run.attempts);
  });

  it('Postgres unreachable for 4 s: orders are accepted through the log and stored once it is back', async () => {
    const run = await throughFault('postgres', async () => {
      await pg.cut();
      await new Promise((r) => setTimeout(r, 4000));
      await pg.restore();
    });
    expectNoOutage(run.order);
    expectNoOutage(run.event);
    expect([run.order.failed, run.event.failed]).toEqual([0, 0]);
    await expectNothingLost(run.orderSku, run.eventSku, run.attempts);
  });

  it('Redis flushed: async orders and events are untouched', async () => {
    const run = await throughFault('redis', async () => {
      const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    });
    expectNoOutage(run.order);
    expectNoOutage(run.event);
    expect([run.order.failed, run.event.failed]).toEqual([0, 0]);
    await expectNothingLost(run.orderSku, run.eventSku, run.attempts);
  });
});

function summary(attempts: Attempt[]): string {
  const byStatus = new Map<string, number>();
  for (const a of attempts)
    byStatus.set(`${a.kind} ${a.status}`, (byStatus.get(`${a.kind} ${a.status}`) ?? 0) + 1);
  return [...byStatus].map(([k, n]) => `${k}: ${n}`).join(', ');
}
