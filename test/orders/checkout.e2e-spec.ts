import { readFileSync } from 'fs';
import { TEST_TOKENS, api, makeEvent, startService, waitFor, Json } from '@stockflow/testing';
import { OrdersStack, orderBody, startOrdersStack } from './orders-stack';

describe('checkout through the public API (async mode)', () => {
  let s: OrdersStack;
  const web = TEST_TOKENS.web;

  beforeAll(async () => {
    s = await startOrdersStack('checkout', { CHECKOUT_SYNC_PAYMENT_METHODS: 'pos_cash' });
  });
  afterAll(() => s?.close());

  it('accepts an order as received at once, then reserves every line and marks it pending', async () => {
    await s.receive('CK-1', 10);
    await s.receive('CK-2', 5);
    const placed = await s.placeOrder(
      web,
      orderBody(
        [
          ['CK-1', 3],
          ['CK-2', 2],
        ],
        { orderId: 'ck-order-1' },
      ),
    );
    expect(placed).toMatchObject({
      status: 202,
      body: { orderId: 'ck-order-1', status: 'received' },
    });
    const [decided] = await s.waitDecided(web, ['ck-order-1']);
    expect(decided).toEqual({
      orderId: 'ck-order-1',
      status: 'pending',
      lines: [
        {
          sku: 'CK-1',
          quantity: 3,
          reservationId: 'ord:ck-order-1:1',
          allocations: [{ locationId: 'wh-1', quantity: 3 }],
        },
        {
          sku: 'CK-2',
          quantity: 2,
          reservationId: 'ord:ck-order-1:2',
          allocations: [{ locationId: 'wh-1', quantity: 2 }],
        },
      ],
    });
    const history = await s.db.query(
      'SELECT status FROM order_status_history WHERE order_id = $1 ORDER BY id',
      ['ck-order-1'],
    );
    expect(history.rows.map((r) => r.status)).toEqual(['received', 'pending']);
    await s.waitConverged('CK-1');
    expect(await s.ledgerStock('CK-1')).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect((await s.counter('CK-2'))?.avail).toBe(3);
  });

  it('rejects an order when one line does not fit and reserves nothing of the others', async () => {
    await s.receive('AON-1', 4);
    await s.receive('AON-2', 1);
    await s.placeOrder(
      web,
      orderBody(
        [
          ['AON-1', 4],
          ['AON-2', 2],
        ],
        { orderId: 'aon-1' },
      ),
    );
    const [decided] = await s.waitDecided(web, ['aon-1']);
    expect(decided).toMatchObject({ status: 'rejected', reason: 'out_of_stock' });
    expect(decided.lines.every((l: Json) => l.reservationId === undefined)).toBe(true);
    expect([(await s.counter('AON-1'))?.avail, (await s.counter('AON-2'))?.avail]).toEqual([4, 1]);
    const rows = await s.db.query(
      `SELECT count(*)::int AS n FROM order_reservations WHERE order_id = 'aon-1'`,
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('treats the same orderId submitted again as the same order, reserved once', async () => {
    await s.receive('IDEM-1', 10);
    const body = orderBody([['IDEM-1', 4]], { orderId: 'idem-1' });
    const first = await Promise.all(Array.from({ length: 5 }, () => s.placeOrder(web, body)));
    // Each answer is the order's state at that moment: still received (202) or already pending (201).
    expect(
      first
        .map((r) => `${r.status} ${r.body.orderId} ${r.body.status}`)
        .filter((a) => !/^(202 idem-1 received|201 idem-1 pending)$/.test(a)),
    ).toEqual([]);
    await s.waitDecided(web, ['idem-1']);
    const again = await s.placeOrder(web, body);
    expect(again).toMatchObject({ status: 201, body: { orderId: 'idem-1', status: 'pending' } });
    await s.waitConverged('IDEM-1');
    expect(await s.ledgerStock('IDEM-1')).toMatchObject({ reserved: 4, available: 6 });
    const conflict = await s.placeOrder(web, orderBody([['IDEM-1', 5]], { orderId: 'idem-1' }));
    expect(conflict.status).toBe(409);
  });

  it('answers 400 with every field problem and 401/404 for the wrong caller, storing nothing', async () => {
    const bad = await s.placeOrder(web, {
      orderId: 'bad id!',
      lines: [{ sku: 'x y', quantity: 0 }],
      payment: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual([
      'lines.0.quantity',
      'lines.0.sku',
      'orderId',
      'payment.method',
    ]);
    const repeated = await s.placeOrder(
      web,
      orderBody([
        ['R-1', 1],
        ['R-1', 2],
      ]),
    );
    expect(repeated.status).toBe(400);
    expect(
      (await api(s.gateway.url, 'POST', '/v1/orders', { body: orderBody([['R-1', 1]]) })).status,
    ).toBe(401);
    await s.placeOrder(web, orderBody([['R-1', 1]], { orderId: 'web-only' }));
    expect((await s.order(TEST_TOKENS.amazon, 'web-only')).status).toBe(404);
    const stored = await s.db.query(
      `SELECT count(*)::int AS n FROM orders WHERE order_id <> 'web-only' AND lines @> '[{"sku":"R-1"}]'`,
    );
    expect(stored.rows[0].n).toBe(0);
  });

  it('decides a sync payment method inline: 201 pending, then 409 rejected when stock runs out', async () => {
    await s.receive('SYNC-1', 2);
    const ok = await s.placeOrder(
      web,
      orderBody([['SYNC-1', 2]], { orderId: 'sync-1', payment: { method: 'pos_cash' } }),
    );
    expect(ok).toMatchObject({
      status: 201,
      body: { status: 'pending', lines: [{ reservationId: 'ord:sync-1:1' }] },
    });
    const refused = await s.placeOrder(
      web,
      orderBody([['SYNC-1', 1]], { orderId: 'sync-2', payment: { method: 'pos_cash' } }),
    );
    expect(refused).toMatchObject({
      status: 409,
      body: { status: 'rejected', reason: 'out_of_stock' },
    });
    expect((await s.counter('SYNC-1'))?.avail).toBe(0);
  });

  it('holds stock for a cart, refuses a hold that does not fit, and releases the holds on cart cancel', async () => {
    await s.receive('HOLD-1', 5);
    const held = await api(s.gateway.url, 'POST', '/v1/carts/cart-1/holds', {
      token: web,
      body: { sku: 'HOLD-1', quantity: 3 },
    });
    expect(held).toMatchObject({
      status: 201,
      body: { cartId: 'cart-1', sku: 'HOLD-1', quantity: 3 },
    });
    const tooMuch = await api(s.gateway.url, 'POST', '/v1/carts/cart-2/holds', {
      token: web,
      body: { sku: 'HOLD-1', quantity: 3 },
    });
    expect(tooMuch).toMatchObject({ status: 409, body: { available: 2 } });
    await s.waitConverged('HOLD-1');
    expect(await s.ledgerStock('HOLD-1')).toMatchObject({ reserved: 3, available: 2 });
    const cancelled = await api(s.gateway.url, 'DELETE', '/v1/carts/cart-1', { token: web });
    expect(cancelled).toMatchObject({ status: 200, body: { released: 1 } });
    await waitFor(async () => (await s.ledgerStock('HOLD-1')).reserved === 0, {
      what: 'the release in the ledger',
    });
    await s.waitConverged('HOLD-1');
    expect((await s.counter('HOLD-1'))?.avail).toBe(5);
  });

  it('releases a cart on DELETE with a JSON content type and no body, as many HTTP clients send it', async () => {
    await s.receive('HOLD-NB', 4);
    const held = await api(s.gateway.url, 'POST', '/v1/carts/cart-nb/holds', {
      token: web,
      body: { sku: 'HOLD-NB', quantity: 3 },
    });
    expect(held.status).toBe(201);
    // Straight to orders: the service must accept it whatever a proxy in front does.
    const noBody = await fetch(`${s.orders.url}/v1/carts/cart-nb`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${web}`, 'content-type': 'application/json' },
    });
    expect(noBody.status).toBe(200);
    expect(await noBody.json()).toEqual({ cartId: 'cart-nb', released: 1 });
    const emptyBody = await api(s.orders.url, 'DELETE', '/v1/carts/cart-nb', {
      token: web,
      rawBody: '',
    });
    expect(emptyBody).toMatchObject({ status: 200, body: { released: 0 } });
    await waitFor(async () => (await s.counter('HOLD-NB'))?.avail === 4, {
      what: 'the counter to get the hold back',
    });
  });

  it('converts a cart hold into the order instead of reserving twice', async () => {
    await s.receive('CONV-1', 3);
    const held = await api(s.gateway.url, 'POST', '/v1/carts/cart-conv/holds', {
      token: web,
      body: { sku: 'CONV-1', quantity: 2 },
    });
    await s.placeOrder(web, orderBody([['CONV-1', 2]], { orderId: 'conv-1', cartId: 'cart-conv' }));
    const [decided] = await s.waitDecided(web, ['conv-1']);
    expect(decided.lines[0].reservationId).toBe(held.body.reservationId);
    await s.waitConverged('CONV-1');
    expect(await s.ledgerStock('CONV-1')).toMatchObject({ reserved: 2, available: 1 });
    const journal = await s.db.query(
      `SELECT type FROM journal WHERE sku = 'CONV-1' ORDER BY version`,
    );
    expect(journal.rows.map((r) => r.type)).toEqual(['StockReceived', 'StockReserved']);
  });

  it('gives an expired hold its stock back on time', async () => {
    // A second orders instance whose holds last one second; the compaction service expires them.
    const shortHolds = await startService('orders', { ...s.ordersEnv, CART_HOLD_TTL_SECONDS: '1' });
    try {
      await s.receive('EXP-1', 4);
      const held = await api(shortHolds.url, 'POST', '/v1/carts/cart-exp/holds', {
        token: web,
        body: { sku: 'EXP-1', quantity: 4 },
      });
      expect(held.status).toBe(201);
      expect((await s.counter('EXP-1'))?.avail).toBe(0);
      await waitFor(async () => (await s.counter('EXP-1'))?.avail === 4, {
        timeoutMs: 5000,
        what: 'the hold to expire',
      });
      await waitFor(async () => (await s.ledgerStock('EXP-1')).reserved === 0, {
        what: 'the expiry in the ledger',
      });
      const [row] = (
        await s.db.query(`SELECT state, release_reason FROM order_reservations WHERE sku = 'EXP-1'`)
      ).rows;
      expect(row).toEqual({ state: 'released', release_reason: 'expired' });
    } finally {
      await shortHolds.stop();
    }
  });

  it('moves a counter for a reservation a channel posted directly, as for a sale', async () => {
    await s.receive('FOREIGN', 10);
    const reserved = makeEvent('StockReserved', {
      sku: 'FOREIGN',
      channel: 'amazon',
      reservationId: 'amz-77',
      quantity: 3,
    });
    expect(
      (
        await api(s.gateway.url, 'POST', '/v1/events', {
          token: TEST_TOKENS.amazon,
          body: reserved,
        })
      ).status,
    ).toBe(202);
    await waitFor(async () => (await s.counter('FOREIGN'))?.avail === 7, {
      timeoutMs: 90_000,
      what: 'the counter to show the reservation',
    });
    await s.waitConverged('FOREIGN');
  });

  it('gives the counter back an order a channel cancelled through the log, without a drift to repair', async () => {
    await s.receive('CANCEL-1', 10);
    await s.placeOrder(web, orderBody([['CANCEL-1', 4]], { orderId: 'cancel-1' }));
    const [decided] = await s.waitDecided(web, ['cancel-1']);
    expect(decided).toMatchObject({
      status: 'pending',
      lines: [{ reservationId: 'ord:cancel-1:1' }],
    });
    await s.waitConverged('CANCEL-1');
    const cancel = makeEvent('ReservationReleased', {
      sku: 'CANCEL-1',
      channel: 'web',
      reservationId: 'ord:cancel-1:1',
      quantity: 4,
      reason: 'order_cancel',
    });
    expect(
      (await api(s.gateway.url, 'POST', '/v1/events', { token: web, body: cancel })).status,
    ).toBe(202);
    await waitFor(async () => (await s.counter('CANCEL-1'))?.avail === 10, {
      timeoutMs: 90_000,
      what: 'the counter to show the cancel',
    });
    await s.waitConverged('CANCEL-1');
    // Reconciliation runs all along: had the counter missed the cancel, it would have logged a drift for the sku
    // (the drift metric is a total without the SKU, so the log is where a SKU is named).
    expect(readFileSync(s.compaction.logFile, 'utf8')).not.toMatch(/sku=CANCEL-1 /);
  });

  it('moves counters once per receipt, sale, adjustment and count, converging on the ledger', async () => {
    await s.receive('CONV-LEDGER', 20);
    const at = { sku: 'CONV-LEDGER', locationId: 'wh-1' };
    const events = [
      makeEvent('ItemSold', { ...at, quantity: 2 }),
      makeEvent('StockAdjusted', { ...at, delta: -1, reason: 'damaged' }),
      makeEvent('StockCounted', { ...at, countedQuantity: 15 }),
    ];
    expect(
      (await api(s.gateway.url, 'POST', '/v1/events', { token: TEST_TOKENS.pos, body: events }))
        .status,
    ).toBe(202);
    await s.placeOrder(web, orderBody([['CONV-LEDGER', 5]], { orderId: 'conv-ledger-1' }));
    await s.waitDecided(web, ['conv-ledger-1']);
    await s.waitConverged('CONV-LEDGER');
    expect(await s.ledgerStock('CONV-LEDGER')).toMatchObject({
      onHand: 15,
      reserved: 5,
      available: 10,
    });
    // the same events again are duplicates for the ledger and move nothing
    await api(s.gateway.url, 'POST', '/v1/events', { token: TEST_TOKENS.pos, body: events });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await s.counter('CONV-LEDGER'))?.avail).toBe(10);
  });
});
