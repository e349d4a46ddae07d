import { readdirSync, readFileSync } from 'fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
  ServiceProcess,
  TestStack,
  createTestStack,
  startService,
  waitFor,
} from '@stockflow/testing';
import { expectNoOutage, expectNothingLost, runThroughFault } from './fault-window';
import { TcpProxy, startTcpProxy } from './tcp-proxy';

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

  const throughFault = (label: string, fault: () => Promise<void>) =>
    runThroughFault(
      { gatewayUrl: gateway.url, redis, redisKeyPrefix: stack.redisKeyPrefix },
      label,
      fault,
    );

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
    await expectNothingLost(db, gateway.url, run);
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
    await expectNothingLost(db, gateway.url, run);
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
    await expectNothingLost(db, gateway.url, run);
  });

  it('Redis flushed: async orders and events are untouched', async () => {
    const run = await throughFault('redis', async () => {
      const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    });
    expectNoOutage(run.order);
    expectNoOutage(run.event);
    expect([run.order.failed, run.event.failed]).toEqual([0, 0]);
    await expectNothingLost(db, gateway.url, run);
  });
});
