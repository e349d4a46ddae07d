import { TEST_TOKENS, api, startService, waitFor } from '@stockflow/testing';
import { OrdersStack, orderBody, startOrdersStack } from './orders-stack';
import { startTcpProxy } from './tcp-proxy';

const CHANNELS = ['web', 'amazon', 'shopify'] as const;

/**
 * Places orders with `concurrency` requests in flight; a request that fails is
 * retried with the same orderId (answered 202, or 201/409 once already decided).
 */
async function placeAll(
  s: OrdersStack,
  orders: { id: string; channel: (typeof CHANNELS)[number]; sku: string }[],
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

function ordersFor(prefix: string, sku: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    channel: CHANNELS[i % 3],
    sku,
  }));
}

async function decisions(
  s: OrdersStack,
  orders: { id: string; channel: (typeof CHANNELS)[number] }[],
) {
  const all = await Promise.all(
    CHANNELS.map((channel) =>
      s.waitDecided(
        TEST_TOKENS[channel],
        orders.filter((o) => o.channel === channel).map((o) => o.id),
      ),
    ),
  );
  const flat = all.flat();
  return {
    pending: flat.filter((d) => d.status === 'pending').length,
    rejected: flat.filter((d) => d.status === 'rejected').length,
  };
}

async function reservedEvents(
  s: OrdersStack,
  sku: string,
): Promise<{ events: number; distinct: number }> {
  const { rows } = await s.db.query(
    `SELECT count(*)::int AS events, count(DISTINCT reservation_id)::int AS distinct FROM journal WHERE sku = $1 AND type = 'StockReserved'`,
    [sku],
  );
  return rows[0];
}

describe('checkout under concurrency and faults', () => {
  let s: OrdersStack;

  beforeAll(async () => {
    s = await startOrdersStack('faults', {}, { RECONCILE_REPUBLISH_AFTER_SECONDS: '2' });
  });
  afterAll(() => s?.close());

  it('reserves exactly 100 units and rejects 1,900 of 2,000 concurrent orders from three channels', async () => {
    await s.receive('FLASH', 100);
    const orders = ordersFor('flash', 'FLASH', 2000);
    await placeAll(s, orders, 200);
    expect(await decisions(s, orders)).toEqual({ pending: 100, rejected: 1900 });
    await s.waitConverged('FLASH');
    expect(await s.ledgerStock('FLASH')).toMatchObject({
      onHand: 100,
      reserved: 100,
      available: 0,
    });
    expect(await reservedEvents(s, 'FLASH')).toEqual({ events: 100, distinct: 100 });
  });

  it('loses and doubles nothing when the orders service is killed with SIGKILL mid-stream', async () => {
    await s.receive('KILL', 300);
    const orders = ordersFor('kill', 'KILL', 1000);
    const placing = placeAll(s, orders, 50);
    await waitFor(
      async () => {
        const { rows } = await s.db.query(
          `SELECT count(*)::int AS n FROM orders WHERE order_id LIKE 'kill-%' AND status <> 'received'`,
        );
        return rows[0].n >= 100;
      },
      { what: 'the consumer to be mid-stream' },
    );
    await s.orders.kill();
    await s.restartOrders();
    await placing;
    expect(await decisions(s, orders)).toEqual({ pending: 300, rejected: 700 });
    await s.waitConverged('KILL');
    expect(await s.ledgerStock('KILL')).toMatchObject({ reserved: 300, available: 0 });
    expect(await reservedEvents(s, 'KILL')).toEqual({ events: 300, distinct: 300 });
    const { rows } = await s.db.query(
      `SELECT count(*)::int AS n FROM order_status_history WHERE order_id LIKE 'kill-%' AND status <> 'received'`,
    );
    expect(rows[0].n).toBe(1000);
  });

  it('never oversells while Redis loses every key mid-run, and the counters come back true', async () => {
    await s.receive('WIPE', 200);
    const orders = ordersFor('wipe', 'WIPE', 600);
    const placing = placeAll(s, orders, 50);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 300));
      await s.wipeRedis();
    }
    await placing;
    const first = await decisions(s, orders);
    expect(first.pending + first.rejected).toBe(600);
    expect(first.pending).toBeLessThanOrEqual(200);
    await s.waitConverged('WIPE');
    expect(await s.ledgerStock('WIPE')).toMatchObject({
      reserved: first.pending,
      available: 200 - first.pending,
    });
    // Whatever a wipe kept from being sold is sellable again: a second wave takes exactly the rest.
    const more = ordersFor('wipe-more', 'WIPE', 250);
    await placeAll(s, more, 50);
    const second = await decisions(s, more);
    expect(first.pending + second.pending).toBe(200);
    await s.waitConverged('WIPE');
    expect(await s.ledgerStock('WIPE')).toMatchObject({ reserved: 200, available: 0 });
    expect(await reservedEvents(s, 'WIPE')).toEqual({ events: 200, distinct: 200 });
  });

  it('fails closed while Redis is unreachable: async orders wait as received, sync orders get 503', async () => {
    await s.receive('DOWN', 5);
    const redisUrl = new URL(s.stack.redisUrl);
    const proxy = await startTcpProxy({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
    });
    await s.orders.stop();
    const orders = await startService(
      'orders',
      {
        ...s.ordersEnv,
        REDIS_URL: `redis://127.0.0.1:${proxy.port}/0`,
        CHECKOUT_SYNC_PAYMENT_METHODS: 'pos_cash',
      },
      { port: s.orders.port },
    );
    try {
      await proxy.cut();
      const web = TEST_TOKENS.web;
      const queued = await s.placeOrder(web, orderBody([['DOWN', 1]], { orderId: 'down-async' }));
      expect(queued).toMatchObject({ status: 202, body: { status: 'received' } });
      const sync = await s.placeOrder(
        web,
        orderBody([['DOWN', 1]], { orderId: 'down-sync', payment: { method: 'pos_cash' } }),
      );
      expect(sync.status).toBe(503);
      expect((await s.order(web, 'down-sync')).status).toBe(404);
      const hold = await api(s.gateway.url, 'POST', '/v1/carts/down-cart/holds', {
        token: web,
        body: { sku: 'DOWN', quantity: 1 },
      });
      expect(hold.status).toBe(503);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await s.order(web, 'down-async')).body.status).toBe('received');

      await proxy.restore();
      expect((await s.waitDecided(web, ['down-async']))[0].status).toBe('pending');
      await s.waitConverged('DOWN');
      expect(await s.ledgerStock('DOWN')).toMatchObject({ reserved: 1, available: 4 });
    } finally {
      await orders.stop();
      await proxy.close();
      await s.restartOrders();
    }
  });
});
