import { readFileSync } from 'fs';
import {
  ServiceProcess,
  TEST_TOKENS,
  api,
  makeEvent,
  readTopic,
  startService,
  waitFor,
} from '@stockflow/testing';
import { OrdersStack, orderBody, startOrdersStack } from '../orders/orders-stack';
import { metricValue } from './support';

const web = TEST_TOKENS.web;
const STOCK: Record<string, number> = {
  'EXP-A': 50,
  'EXP-B': 50,
  'EXP-C': 50,
  'EXP-D': 50,
  'DRIFT-1': 10,
};

describe('hold expiry and counter reconciliation in compaction (two replicas; real orders, ledger, gateway, Redis, Kafka)', () => {
  let s: OrdersStack;
  let replicas: ServiceProcess[] = [];

  beforeAll(async () => {
    // The stack's own compaction process runs only snapshots: what expires holds
    // and repairs counters here is the two replicas each test starts.
    s = await startOrdersStack(
      'compaction_redis',
      { CART_HOLD_TTL_SECONDS: '2' },
      { COMPACTION_JOBS: 'snapshot' },
    );
    // Stock first, then a cold start of orders: every counter is hydrated from the
    // committed ledger. (A counter first created by a stock-level message can miss
    // that message's receipt, see docs/compaction.md: not what these tests are about.)
    const receipts = Object.entries(STOCK).map(([sku, quantity]) =>
      makeEvent('StockReceived', { sku, channel: '3pl', locationId: 'wh-1', quantity }),
    );
    expect(
      (
        await api(s.gateway.url, 'POST', '/v1/events', {
          token: TEST_TOKENS['3pl'],
          body: receipts,
        })
      ).status,
    ).toBe(202);
    for (const [sku, quantity] of Object.entries(STOCK)) {
      await waitFor(async () => (await s.ledgerStock(sku))?.onHand === quantity, {
        what: `${sku} received`,
      });
    }
    await s.orders.stop();
    await s.wipeRedis();
    await s.restartOrders();
    for (const sku of Object.keys(STOCK)) await s.waitConverged(sku);
  }, 120_000);

  afterAll(async () => {
    await s?.close();
  }, 60_000);

  /**
   * Two compaction replicas running one job: each test is about one job's
   * behaviour across replicas (see docs/compaction.md for a known false-drift
   * race between reconciliation and expiry in the reservations library).
   */
  async function startReplicas(job: string): Promise<void> {
    const env = {
      ...s.stack.env,
      COMPACTION_IDLE_DELAY_MS: '20',
      COMPACTION_JOBS: job,
      LOG_LEVEL: 'info',
    };
    replicas = await Promise.all([
      startService('compaction', env),
      startService('compaction', env),
    ]);
  }
  afterEach(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    replicas = [];
  }, 60_000);

  const sumOver = async (series: string) =>
    (await Promise.all(replicas.map((r) => metricValue(r.url, series)))).reduce((a, b) => a + b, 0);

  it('releases each expired hold exactly once, with one ReservationReleased (expired), while two replicas race', async () => {
    await startReplicas('hold-expiry');
    const skus = ['EXP-A', 'EXP-B', 'EXP-C', 'EXP-D'];
    const wanted = Array.from({ length: 40 }, (_, i) => ({
      sku: skus[i % 4],
      quantity: 1 + (i % 3),
    }));
    const holds = await Promise.all(
      wanted.map((body, i) =>
        api(s.gateway.url, 'POST', `/v1/carts/cart-${i}/holds`, { token: web, body }),
      ),
    );
    expect(holds.map((h) => h.status)).toEqual(Array(40).fill(201));

    for (const sku of skus) {
      await waitFor(
        async () =>
          (await s.ledgerStock(sku)).reserved === 0 && (await s.ledgerStock(sku)).version === 21,
        {
          timeoutMs: 30_000,
          what: `the holds of ${sku} expired in the ledger`,
        },
      );
      await s.waitConverged(sku);
      expect((await s.counter(sku))?.avail).toBe(50);
    }
    // Each hold was released by exactly one replica...
    expect(await sumOver('stockflow_compaction_items_total{job="hold-expiry"}')).toBe(40);
    // ...and produced exactly one event: 5 receipts + 40 reservations + 40 releases in the log, nothing more.
    const admin = s.stack.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(s.stack.topics.events);
    await admin.disconnect();
    expect(ends.reduce((n, p) => n + Number(p.high), 0)).toBe(85);
    const log = (await readTopic(s.stack.kafka, s.stack.topics.events, 85)).map((m) =>
      JSON.parse(m.value!.toString()),
    );
    const releases = log.filter((e) => e.type === 'ReservationReleased');
    const reserved = log.filter((e) => e.type === 'StockReserved');
    expect(releases.map((e) => e.reservationId).sort()).toEqual(
      reserved.map((e) => e.reservationId).sort(),
    );
    expect(new Set(releases.map((e) => e.reason))).toEqual(new Set(['expired']));
    const { rows } = await s.db.query(
      `SELECT state, release_reason, count(*)::int AS n FROM order_reservations GROUP BY 1, 2`,
    );
    expect(rows).toEqual([{ state: 'released', release_reason: 'expired', n: 40 }]);
  }, 90_000);

  it('detects a corrupted Redis counter (metric + log with the SKU and both values) and rebuilds it from the ledger', async () => {
    await startReplicas('reconciliation');
    // A total (no SKU label, bounded cardinality): these fresh replicas have seen no other drift. The SKU is in the log.
    const drift = 'stockflow_reservations_counter_drift_total';
    expect(await sumOver(drift)).toBe(0);

    // A counter that claims more than the ledger has: left alone, checkout would oversell.
    await s.redis.hset(`${s.stack.redisKeyPrefix}stock:{DRIFT-1}`, 'l:wh-1', 25);
    await waitFor(async () => (await s.counter('DRIFT-1'))?.avail === 10, {
      timeoutMs: 20_000,
      what: 'the counter repaired',
    });

    expect(await sumOver(drift)).toBe(1); // one replica holds the reconciliation lock: reported once
    const logs = replicas.map((r) => readFileSync(r.logFile, 'utf8')).join('\n');
    expect(logs).toMatch(/counter drift sku=DRIFT-1 redis=25 expected=10 \(ledger available=10/);
    // The repaired counter enforces the ledger's stock again.
    await s.placeOrder(web, orderBody([['DRIFT-1', 11]], { orderId: 'drift-too-much' }));
    await s.placeOrder(web, orderBody([['DRIFT-1', 10]], { orderId: 'drift-all' }));
    const [tooMuch, all] = await s.waitDecided(web, ['drift-too-much', 'drift-all']);
    expect(tooMuch).toMatchObject({ status: 'rejected', reason: 'out_of_stock' });
    expect(all).toMatchObject({ status: 'pending' });
  }, 60_000);
});
