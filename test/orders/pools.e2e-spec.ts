import { TEST_TOKENS, waitFor, Json } from '@stockflow/testing';
import { OrdersStack, orderBody, startOrdersStack } from './orders-stack';

type Channel = 'pos' | 'web';

/** Places orders of one unit each, `concurrency` in flight; a failed request is retried with the same orderId. */
async function placeAll(
  s: OrdersStack,
  orders: { id: string; channel: Channel; sku: string }[],
  concurrency: number,
) {
  let next = 0;
  const worker = async () => {
    while (next < orders.length) {
      const o = orders[next++];
      for (;;) {
        const res = await s
          .placeOrder(TEST_TOKENS[o.channel], orderBody([[o.sku, 1]], { orderId: o.id }))
          .catch(() => undefined);
        if (
          res &&
          (res.status === 202 || res.body?.status === 'pending' || res.body?.status === 'rejected')
        )
          break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function decided(s: OrdersStack, orders: { id: string; channel: Channel }[]) {
  const byChannel = await Promise.all(
    (['pos', 'web'] as const).map((c) =>
      s.waitDecided(
        TEST_TOKENS[c],
        orders.filter((o) => o.channel === c).map((o) => o.id),
      ),
    ),
  );
  return byChannel.flat();
}

/** Units reserved per location by the given decided orders. */
function reservedAt(orders: Json[]): Record<string, number> {
  const at: Record<string, number> = {};
  for (const o of orders.filter((d) => d.status === 'pending')) {
    for (const a of o.lines[0].allocations) at[a.locationId] = (at[a.locationId] ?? 0) + a.quantity;
  }
  return at;
}

/** The ledger's available per location (GET /v1/stock/:sku). */
async function ledgerAt(
  s: OrdersStack,
  sku: string,
): Promise<{ version: number; locations: Record<string, number> }> {
  const view: Json = await s.ledgerStock(sku);
  return {
    version: view.version,
    locations: Object.fromEntries(view.locations.map((l: Json) => [l.locationId, l.available])),
  };
}

/** Waits until every location's Redis counter equals the ledger's available there, at the same version. */
async function waitConvergedAt(s: OrdersStack, sku: string): Promise<void> {
  await waitFor(
    async () => {
      const [ledger, counter] = await Promise.all([ledgerAt(s, sku), s.counter(sku)]);
      return (
        counter !== undefined &&
        counter.ver === ledger.version &&
        JSON.stringify(sorted(counter.locations)) === JSON.stringify(sorted(ledger.locations))
      );
    },
    { timeoutMs: 90_000, what: `counters of ${sku} to equal the ledger per location` },
  );
}

function sorted(r: Record<string, number>): [string, number][] {
  return Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1));
}

describe("reservations at locations, by the channel's pool (through the gateway)", () => {
  let s: OrdersStack;

  beforeAll(async () => {
    s = await startOrdersStack('pools', {}, { RECONCILE_REPUBLISH_AFTER_SECONDS: '2' });
    // The shop's POS sells the shop's shelf only; the web store ships from the warehouses first, then the shop.
    await s.putPool('pos', ['shop'], ['pos']);
    await s.putPool('web', ['wh-1', 'wh-2', 'shop'], ['web']);
  }, 240_000);
  afterAll(() => s?.close());

  it('rejects a POS order the shop cannot cover while the warehouse has plenty, and sells what the shop has', async () => {
    await s.receiveAt('PL-POS', 'shop', 1);
    await s.receiveAt('PL-POS', 'wh-1', 100);
    await s.placeOrder(TEST_TOKENS.pos, orderBody([['PL-POS', 2]], { orderId: 'pl-pos-2' }));
    const [refused] = await s.waitDecided(TEST_TOKENS.pos, ['pl-pos-2']);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'out_of_stock' });
    expect((await s.counter('PL-POS'))?.locations).toEqual({ shop: 1, 'wh-1': 100 });

    await s.placeOrder(TEST_TOKENS.pos, orderBody([['PL-POS', 1]], { orderId: 'pl-pos-1' }));
    const [sold] = await s.waitDecided(TEST_TOKENS.pos, ['pl-pos-1']);
    expect(sold.lines).toEqual([
      {
        sku: 'PL-POS',
        quantity: 1,
        reservationId: 'ord:pl-pos-1:1',
        allocations: [{ locationId: 'shop', quantity: 1 }],
      },
    ]);
    await waitConvergedAt(s, 'PL-POS');
    expect((await ledgerAt(s, 'PL-POS')).locations).toEqual({ shop: 0, 'wh-1': 100 });
  });

  it('splits a web order across two locations in priority order, and the ledger records the same split', async () => {
    await s.receiveAt('PL-SPLIT', 'wh-1', 3);
    await s.receiveAt('PL-SPLIT', 'wh-2', 10);
    await s.receiveAt('PL-SPLIT', 'shop', 10);
    await s.placeOrder(TEST_TOKENS.web, orderBody([['PL-SPLIT', 5]], { orderId: 'pl-split' }));
    const [order] = await s.waitDecided(TEST_TOKENS.web, ['pl-split']);
    expect(order.lines[0].allocations).toEqual([
      { locationId: 'wh-1', quantity: 3 },
      { locationId: 'wh-2', quantity: 2 },
    ]);
    await waitConvergedAt(s, 'PL-SPLIT');
    expect((await ledgerAt(s, 'PL-SPLIT')).locations).toEqual({ shop: 10, 'wh-1': 0, 'wh-2': 8 });
    const { rows } = await s.db.query(
      `SELECT event->'allocations' AS a FROM journal WHERE reservation_id = 'ord:pl-split:1'`,
    );
    expect(rows.map((r) => r.a)).toEqual([order.lines[0].allocations]);
  });

  it('lets two pools racing for a shared location take exactly what it holds: never oversold, never undersold', async () => {
    await s.receiveAt('PL-RACE', 'shop', 10);
    await s.receiveAt('PL-RACE', 'wh-1', 5);
    const orders = Array.from({ length: 80 }, (_, i) => ({
      id: `pl-race-${i}`,
      channel: (i % 2 ? 'pos' : 'web') as Channel,
      sku: 'PL-RACE',
    }));
    await placeAll(s, orders, 40);
    const all = await decided(s, orders);
    expect(all.filter((d) => d.status === 'pending')).toHaveLength(15);
    const pos = all.filter(
      (d) => d.status === 'pending' && d.orderId.match(/-(\d+)$/)![1] % 2 === 1,
    );
    // The POS can only have sold at the shop; everything together took the shop's 10 and wh-1's 5.
    expect(Object.keys(reservedAt(pos)).filter((l) => l !== 'shop')).toEqual([]);
    expect(reservedAt(all)).toEqual({ shop: 10, 'wh-1': 5 });
    await waitConvergedAt(s, 'PL-RACE');
    expect((await ledgerAt(s, 'PL-RACE')).locations).toEqual({ shop: 0, 'wh-1': 0 });
  });

  it('loses and doubles nothing at any location when the orders service is SIGKILLed mid-allocation', async () => {
    await s.receiveAt('PL-KILL', 'wh-1', 60);
    await s.receiveAt('PL-KILL', 'shop', 60);
    const orders = Array.from({ length: 300 }, (_, i) => ({
      id: `pl-kill-${i}`,
      channel: (i % 3 ? 'web' : 'pos') as Channel,
      sku: 'PL-KILL',
    }));
    const placing = placeAll(s, orders, 40);
    await waitFor(
      async () => {
        const { rows } = await s.db.query(
          `SELECT count(*)::int AS n FROM orders WHERE order_id LIKE 'pl-kill-%' AND status <> 'received'`,
        );
        return rows[0].n >= 30;
      },
      { timeoutMs: 90_000, what: 'the consumer to be mid-stream' },
    );
    await s.orders.kill();
    await s.restartOrders();
    await placing;
    const all = await decided(s, orders);
    expect(all.filter((d) => d.status === 'pending')).toHaveLength(120);
    expect(reservedAt(all)).toEqual({ shop: 60, 'wh-1': 60 });
    const { rows } = await s.db.query(
      `SELECT count(*)::int AS events, count(DISTINCT reservation_id)::int AS distinct FROM journal WHERE sku = 'PL-KILL' AND type = 'StockReserved'`,
    );
    expect(rows[0]).toEqual({ events: 120, distinct: 120 });
    // After the traffic stops every location's counter converges on the ledger.
    await waitConvergedAt(s, 'PL-KILL');
    expect((await ledgerAt(s, 'PL-KILL')).locations).toEqual({ shop: 0, 'wh-1': 0 });
  }, 240_000);

  it('repairs a location counter that drifted once traffic stops (reconciliation per location)', async () => {
    await s.receiveAt('PL-DRIFT', 'wh-1', 4);
    await s.receiveAt('PL-DRIFT', 'shop', 6);
    // A counter claiming 9 more at the shop than the ledger holds: left alone, the POS would oversell the shop.
    await s.redis.hincrby(`${s.stack.redisKeyPrefix}stock:{PL-DRIFT}`, 'l:shop', 9);
    await waitFor(async () => (await s.counter('PL-DRIFT'))?.locations.shop === 6, {
      timeoutMs: 60_000,
      what: 'the shop counter repaired',
    });
    expect((await s.counter('PL-DRIFT'))?.locations).toEqual({ shop: 6, 'wh-1': 4 });
  }, 90_000);
});
