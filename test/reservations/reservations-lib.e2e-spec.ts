import { reservationEventId } from '@stockflow/contracts';
import { BatchingPublisher } from '@stockflow/kafka';
import { OrderReservationRepository } from '@stockflow/persistence';
import {
  OrderToReserve,
  ReservationDecision,
  applyStockLevels,
  cancelCart,
  expireDueHolds,
  hydrate,
  orderLineReservationId,
  placeHold,
  reconcileSku,
  relayOutbox,
  reserveOrders,
} from '@stockflow/reservations';
import { readTopic } from '@stockflow/testing';
import { ReservationHarness, reservationHarness } from './reservation-harness';

describe('reservations library on real Redis and Postgres', () => {
  let h: ReservationHarness;
  let run = 0;
  const now = () => new Date();
  const sku = (name: string) => `${name}-${run}`;
  const reserve = (orders: OrderToReserve[]) =>
    reserveOrders(h, orders, now(), async () => undefined);
  const avail = async (s: string) => (await h.stock.counter(s))?.avail;
  const order = (orderId: string, lines: [string, number][], cartId?: string): OrderToReserve => ({
    orderId,
    channel: 'web',
    cartId,
    lines: lines.map(([s, quantity]) => ({ sku: s, quantity })),
  });

  beforeAll(async () => {
    h = await reservationHarness('reslib');
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    run++;
    await h.wipeRedis();
  });

  it('reserves every line of an order or none of them', async () => {
    const [a, b] = [sku('A'), sku('B')];
    await h.setLedger(a, 5, 1);
    await h.setLedger(b, 1, 1);
    const [refused] = await reserve([
      order(`o1-${run}`, [
        [a, 3],
        [b, 2],
      ]),
    ]);
    expect(refused).toEqual({ orderId: `o1-${run}`, status: 'rejected', reason: 'out_of_stock' });
    expect([await avail(a), await avail(b)]).toEqual([5, 1]);
    expect(await h.outbox()).toEqual([]);
    expect(
      await h.db.query('SELECT * FROM order_reservations WHERE order_id = $1', [`o1-${run}`]),
    ).toEqual([]);

    const [accepted] = await reserve([
      order(`o2-${run}`, [
        [a, 3],
        [b, 1],
      ]),
    ]);
    expect(accepted.status).toBe('pending');
    expect([await avail(a), await avail(b)]).toEqual([2, 0]);
    const events = await h.outbox();
    expect(events.map((e) => [e.type, e.sku, e.quantity, e.orderId])).toEqual([
      ['StockReserved', a, 3, `o2-${run}`],
      ['StockReserved', b, 1, `o2-${run}`],
    ]);
    expect(events.map((e) => e.eventId)).toEqual(
      events.map((e) => reservationEventId('reserved', e.reservationId)),
    );
  });

  it('counts two lines of the same sku together against its counter', async () => {
    const a = sku('A');
    await h.setLedger(a, 5, 1);
    const [refused] = await reserve([
      order(`twice1-${run}`, [
        [a, 3],
        [a, 3],
      ]),
    ]);
    expect(refused).toEqual({
      orderId: `twice1-${run}`,
      status: 'rejected',
      reason: 'out_of_stock',
    });
    expect(await avail(a)).toBe(5);
    const [accepted] = await reserve([
      order(`twice2-${run}`, [
        [a, 3],
        [a, 2],
      ]),
    ]);
    expect(accepted.status).toBe('pending');
    expect(await avail(a)).toBe(0);
  });

  it('never reserves more than is available when hundreds of orders race', async () => {
    const s = sku('HOT');
    await h.setLedger(s, 100, 1);
    const decisions = (
      await Promise.all(
        Array.from({ length: 30 }, (_, batch) =>
          reserve(
            Array.from({ length: 10 }, (_, i) => order(`race-${run}-${batch}-${i}`, [[s, 1]])),
          ),
        ),
      )
    ).flat();
    expect(decisions.filter((d) => d.status === 'pending')).toHaveLength(100);
    expect(decisions.filter((d) => d.status === 'rejected')).toHaveLength(200);
    expect(await avail(s)).toBe(0);
    const [{ sum }] = await h.db.query(
      `SELECT sum(quantity)::int AS sum FROM order_reservations WHERE sku = $1`,
      [s],
    );
    expect(sum).toBe(100);
    expect(await h.outbox()).toHaveLength(100);
  });

  it('decides an order submitted twice once, under the same reservation ids', async () => {
    const s = sku('IDEM');
    await h.setLedger(s, 10, 1);
    const first = await reserve([order(`idem-${run}`, [[s, 4]])]);
    const again = await reserve([order(`idem-${run}`, [[s, 4]])]);
    expect(again).toEqual(first);
    expect(await avail(s)).toBe(6);
    expect(await h.outbox()).toHaveLength(1);
  });

  it('rebuilds a lost counter from the ledger minus reservations it has not folded', async () => {
    const s = sku('LOSS');
    await h.setLedger(s, 10, 1);
    const [decision] = await reserve([order(`loss-${run}`, [[s, 4]])]);
    const rid = (decision as Extract<ReservationDecision, { status: 'pending' }>).lines[0]
      .reservationId;
    await h.wipeRedis();
    await hydrate(h, [s]);
    expect(await avail(s)).toBe(6);
    // the lost outbox entry is re-published under the same eventId
    expect((await h.outbox()).map((e) => e.eventId)).toEqual([reservationEventId('reserved', rid)]);

    await h.fold(s, [reservationEventId('reserved', rid)]);
    await h.setLedger(s, 6, 2);
    await h.wipeRedis();
    await hydrate(h, [s]);
    expect(await avail(s)).toBe(6);
    expect(await h.outbox()).toEqual([]);
  });

  it('counts an intent a rebuild caught in flight once, when its script runs after the rebuild', async () => {
    const s = sku('INFLIGHT');
    await h.setLedger(s, 10, 1);
    // Order B recorded its intent; the counter vanishes before B's script runs.
    const b = order(`inflight-b-${run}`, [[s, 4]]);
    await new OrderReservationRepository(h.db).recordIntents([
      {
        rid: orderLineReservationId(b.orderId, 0),
        sku: s,
        quantity: 4,
        kind: 'order',
        orderId: b.orderId,
        channel: 'web',
      },
    ]);
    // Order A rebuilds the counter: 10 − B's 4 in flight = 6, then takes 3.
    await reserve([order(`inflight-a-${run}`, [[s, 3]])]);
    expect(await avail(s)).toBe(3);
    // B's script now runs on the rebuilt counter, which already counts it.
    const [decision] = await reserve([b]);
    expect(decision.status).toBe('pending');
    expect(await avail(s)).toBe(3);
    expect(await reconcileSku(h, s)).toBe('in_sync');
  });

  it('gives back what a rebuild counted for an intent whose order is then refused', async () => {
    const [s1, s2] = [sku('INFLIGHT-1'), sku('INFLIGHT-2')];
    await h.setLedger(s1, 10, 1);
    await h.setLedger(s2, 1, 1);
    const b = order(`inflight-r-${run}`, [
      [s1, 4],
      [s2, 5],
    ]);
    await new OrderReservationRepository(h.db).recordIntents(
      b.lines.map((l, i) => ({
        rid: orderLineReservationId(b.orderId, i),
        sku: l.sku,
        quantity: l.quantity,
        kind: 'order' as const,
        orderId: b.orderId,
        channel: 'web',
      })),
    );
    await hydrate(h, [s1, s2]);
    expect([await avail(s1), await avail(s2)]).toEqual([6, -4]);
    const [decision] = await reserve([b]);
    expect(decision).toMatchObject({ status: 'rejected', reason: 'out_of_stock' });
    expect([await avail(s1), await avail(s2)]).toEqual([10, 1]);
  });

  it('counts a hold whose intent a rebuild caught in flight once', async () => {
    const s = sku('INFLIGHT-H');
    await h.setLedger(s, 5, 1);
    const hold = {
      cartId: `web.cart-${run}`,
      sku: s,
      quantity: 5,
      rid: `hold:web.cart-${run}:x`,
      channel: 'web',
    };
    await new OrderReservationRepository(h.db).recordIntents([
      { ...hold, kind: 'hold', expiresAt: new Date(Date.now() + 60_000) },
    ]);
    await hydrate(h, [s]);
    expect(await avail(s)).toBe(0);
    // Every unit is the hold's own: it fits, and is not taken a second time.
    expect(
      await h.stock.hold({ ...hold, deadline: new Date(Date.now() + 60_000) }, now()),
    ).toMatchObject({ status: 'held' });
    expect(await avail(s)).toBe(0);
  });

  it('moves a counter once per ledger version range and rebuilds it on a gap', async () => {
    const s = sku('LVL');
    await h.setLedger(s, 10, 1);
    await hydrate(h, [s]);
    const receipt = { sku: s, previousVersion: 1, version: 2, externalLocationDeltas: { main: 5 } };
    expect(await applyStockLevels(h, [receipt])).toBe(1);
    expect(await applyStockLevels(h, [receipt])).toBe(0);
    expect(await avail(s)).toBe(15);

    await h.setLedger(s, 20, 6);
    expect(
      await applyStockLevels(h, [
        { sku: s, previousVersion: 5, version: 6, externalLocationDeltas: { main: 3 } },
      ]),
    ).toBe(0);
    expect(await h.stock.counter(s)).toEqual({ avail: 20, ver: 6, locations: { main: 20 } });
  });

  it('applies a message that arrives before the ledger committed its batch to the counter it hydrated', async () => {
    const s = sku('EARLY');
    // The ledger publishes stock levels before COMMIT: the message is here, its projection not yet.
    expect(
      await applyStockLevels(h, [
        { sku: s, previousVersion: 0, version: 1, externalLocationDeltas: { main: 5 } },
      ]),
    ).toBe(1);
    expect(await h.stock.counter(s)).toEqual({ avail: 5, ver: 1, locations: { main: 5 } });
    await h.setLedger(s, 5, 1);
    expect(await reconcileSku(h, s)).toBe('in_sync');
  });

  it('refuses to skip past versions the ledger has not committed yet, so the batch is retried', async () => {
    const s = sku('BEHIND');
    await h.setLedger(s, 10, 1);
    await hydrate(h, [s]);
    const ahead = { sku: s, previousVersion: 3, version: 4, externalLocationDeltas: { main: 2 } };
    await expect(applyStockLevels(h, [ahead])).rejects.toThrow(/not committed/);
    await h.setLedger(s, 12, 4);
    expect(await applyStockLevels(h, [ahead])).toBe(0);
    expect(await h.stock.counter(s)).toEqual({ avail: 12, ver: 4, locations: { main: 12 } });
  });

  it('converts a cart hold of the same quantity into the order without a second reservation', async () => {
    const s = sku('CART');
    await h.setLedger(s, 10, 1);
    const hold = await placeHold(
      h,
      { cartId: `c-${run}`, sku: s, quantity: 3, channel: 'web' },
      900,
      now(),
    );
    if (hold.status !== 'held') throw new Error(`hold not placed: ${hold.status}`);
    expect(await avail(s)).toBe(7);
    const [decision] = await reserve([order(`co-${run}`, [[s, 3]], `c-${run}`)]);
    expect(decision).toMatchObject({
      status: 'pending',
      lines: [{ reservationId: hold.reservationId }],
    });
    expect(await avail(s)).toBe(7);
    expect((await h.outbox()).map((e) => e.type)).toEqual(['StockReserved']);
    const [row] = await h.db.query(
      'SELECT kind, order_id, state FROM order_reservations WHERE reservation_id = $1',
      [hold.reservationId],
    );
    expect(row).toEqual({ kind: 'order', order_id: `co-${run}`, state: 'open' });
  });

  it('replaces a hold of another quantity by the order reservation, counting the held units once', async () => {
    const s = sku('CART2');
    await h.setLedger(s, 4, 1);
    await placeHold(h, { cartId: `c2-${run}`, sku: s, quantity: 2, channel: 'web' }, 900, now());
    const [decision] = await reserve([order(`co2-${run}`, [[s, 4]], `c2-${run}`)]);
    expect(decision.status).toBe('pending');
    expect(await avail(s)).toBe(0);
    expect((await h.outbox()).map((e) => [e.type, e.quantity])).toEqual([
      ['StockReserved', 2],
      ['ReservationReleased', 2],
      ['StockReserved', 4],
    ]);
  });

  it('refuses a hold larger than what is available and changes nothing', async () => {
    const s = sku('HOLD409');
    await h.setLedger(s, 2, 1);
    const hold = await placeHold(
      h,
      { cartId: `c3-${run}`, sku: s, quantity: 3, channel: 'web' },
      900,
      now(),
    );
    expect(hold).toEqual({ status: 'insufficient', available: 2 });
    expect(await avail(s)).toBe(2);
    expect(await h.outbox()).toEqual([]);
    expect(await h.db.query('SELECT * FROM order_reservations WHERE sku = $1', [s])).toEqual([]);
  });

  it('gives held units back exactly once on cart cancel and on expiry', async () => {
    const s = sku('REL');
    await h.setLedger(s, 10, 1);
    await placeHold(h, { cartId: `c4-${run}`, sku: s, quantity: 4, channel: 'web' }, 900, now());
    expect(await cancelCart(h, `c4-${run}`, now())).toHaveLength(1);
    expect(await cancelCart(h, `c4-${run}`, now())).toHaveLength(0);
    expect(await avail(s)).toBe(10);

    await placeHold(h, { cartId: `c5-${run}`, sku: s, quantity: 4, channel: 'web' }, 1, now());
    expect(await expireDueHolds(h, now())).toBe(0);
    const later = new Date(Date.now() + 2000);
    expect(await expireDueHolds(h, later)).toBe(1);
    expect(await expireDueHolds(h, later)).toBe(0);
    expect(await avail(s)).toBe(10);
    const releases = (await h.outbox()).filter((e) => e.type === 'ReservationReleased');
    expect(releases.map((e) => e.reason)).toEqual(['cart_cancel', 'expired']);
  });

  it('finds a drifted counter and rebuilds it from the ledger', async () => {
    const s = sku('DRIFT');
    await h.setLedger(s, 10, 1);
    await hydrate(h, [s]);
    await h.redis.hincrby(h.stock.keys.stock(s), 'l:main', 3);
    expect(await reconcileSku(h, s)).toBe('repaired');
    expect(await avail(s)).toBe(10);
    expect(await reconcileSku(h, s)).toBe('in_sync');
  });

  it('does not take a hold released in Redis, but not yet in Postgres, for a drift', async () => {
    const s = sku('EXPIRING');
    await h.setLedger(s, 10, 1);
    const hold = await placeHold(
      h,
      { cartId: `exp-${run}`, sku: s, quantity: 3, channel: 'web' },
      900,
      now(),
    );
    const rid = (hold as Extract<typeof hold, { status: 'held' }>).reservationId;
    // The ledger folds the hold: available 7 at version 2, the counter follows.
    await h.fold(s, [reservationEventId('reserved', rid)]);
    await h.setLedger(s, 7, 2);
    await applyStockLevels(h, [
      { sku: s, previousVersion: 1, version: 2, externalLocationDeltas: {} },
    ]);
    expect(await reconcileSku(h, s)).toBe('in_sync');
    // Expiry releases it in Redis; its Postgres update has not committed yet.
    expect(
      (
        await h.stock.expireHolds(
          [{ rid, sku: s, cartId: `exp-${run}` }],
          new Date(Date.now() + 3_600_000),
        )
      ).released,
    ).toEqual([rid]);
    expect(await avail(s)).toBe(10);
    expect(await reconcileSku(h, s)).toBe('inconclusive');
    expect(await avail(s)).toBe(10);
    await new OrderReservationRepository(h.db).markReleased([{ rid, reason: 'expired' }]);
    expect(await reconcileSku(h, s)).toBe('in_sync');
  });

  it('rebuilds a counter left behind by a ledger change long past', async () => {
    const s = sku('LAG');
    await h.setLedger(s, 10, 1);
    await hydrate(h, [s]);
    // A receipt folded a minute ago whose stock-level message the counter never applied.
    await h.db.query(
      `UPDATE stock_levels SET on_hand = 15, version = 2, updated_at = now() - interval '1 minute' WHERE sku = $1`,
      [s],
    );
    await h.db.query(`UPDATE stock_locations SET on_hand = 15 WHERE sku = $1`, [s]);
    expect(await reconcileSku(h, s)).toBe('repaired');
    expect(await h.stock.counter(s)).toEqual({ avail: 15, ver: 2, locations: { main: 15 } });
  });

  it('relays the outbox to inventory.events with deterministic event ids, then empties it', async () => {
    const s = sku('RELAY');
    await h.setLedger(s, 10, 1);
    await reserve([order(`relay-${run}`, [[s, 2]])]);
    const publisher = new BatchingPublisher(h.stack.kafka);
    await publisher.connect();
    try {
      expect(await relayOutbox(h.stock, publisher, h.stack.topics.events, 'test')).toBe(1);
    } finally {
      await publisher.disconnect();
    }
    const [message] = await readTopic(h.stack.kafka, h.stack.topics.events, 1);
    const event = JSON.parse(message.value!.toString());
    expect(message.key!.toString()).toBe(s);
    expect(event).toMatchObject({
      type: 'StockReserved',
      sku: s,
      quantity: 2,
      reservationId: `ord:relay-${run}:1`,
    });
    expect(event.eventId).toBe(reservationEventId('reserved', `ord:relay-${run}:1`));
    expect(await h.outbox()).toEqual([]);
  });

  describe('trace context through the outbox', () => {
    const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const relayAll = async () => {
      const publisher = new BatchingPublisher(h.stack.kafka);
      await publisher.connect();
      try {
        return await relayOutbox(h.stock, publisher, h.stack.topics.events, 'test');
      } finally {
        await publisher.disconnect();
      }
    };
    /** Every message relayed so far (the topic's whole content), those of one sku. */
    const relayedFor = async (s: string) => {
      const admin = h.stack.kafka.admin();
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets(h.stack.topics.events);
      await admin.disconnect();
      const total = offsets.reduce((n, p) => n + Number(p.high), 0);
      return (await readTopic(h.stack.kafka, h.stack.topics.events, total)).filter(
        (m) => m.key?.toString() === s,
      );
    };

    it("keeps the placing request's trace context with its events and relays it as their traceparent", async () => {
      const s = sku('TRACED');
      await h.setLedger(s, 10, 1);
      await reserve([{ ...order(`traced-${run}`, [[s, 2]]), trace: { traceparent: TRACEPARENT } }]);
      const [entry] = await h.redis.lrange(h.stock.keys.outbox, 0, -1);
      expect(JSON.parse(entry)).toMatchObject({
        trace: { traceparent: TRACEPARENT },
        event: { type: 'StockReserved', sku: s, quantity: 2 },
      });
      expect(await relayAll()).toBe(1);
      const [message] = await relayedFor(s);
      // No tracer runs in this test process: the relay passes the stored context on as it is.
      expect(message.headers?.traceparent?.toString()).toBe(TRACEPARENT);
      const event = JSON.parse(message.value!.toString());
      expect(event).toEqual(
        expect.objectContaining({ type: 'StockReserved', sku: s, quantity: 2 }),
      );
      expect(event).not.toHaveProperty('trace');
      expect(event).not.toHaveProperty('event');
      expect(await h.outbox()).toEqual([]);
    });

    it("keeps a cart hold's request trace with its event, and with the release of the hold it replaces", async () => {
      const s = sku('TRACEDHOLD');
      await h.setLedger(s, 10, 1);
      const cartId = `traced-cart-${run}`;
      await placeHold(h, { cartId, sku: s, quantity: 1, channel: 'web' }, 900, now());
      await relayAll();
      const trace = { traceparent: TRACEPARENT };
      await placeHold(h, { cartId, sku: s, quantity: 2, channel: 'web', trace }, 900, now());
      const entries = (await h.redis.lrange(h.stock.keys.outbox, 0, -1)).map((e) => JSON.parse(e));
      expect(entries.map((e) => [e.trace, e.event?.type])).toEqual([
        [trace, 'ReservationReleased'],
        [trace, 'StockReserved'],
      ]);
      await relayAll();
    });

    it('still relays an entry written before trace contexts were kept, byte for byte and untraced', async () => {
      const s = sku('LEGACY');
      const legacy = JSON.stringify({
        eventId: reservationEventId('reserved', `ord:legacy-${run}:1`),
        type: 'StockReserved',
        sku: s,
        channel: 'web',
        occurredAt: new Date().toISOString(),
        reservationId: `ord:legacy-${run}:1`,
        quantity: 1,
        allocations: [{ locationId: 'main', quantity: 1 }],
        schemaVersion: 1,
      });
      await h.redis.rpush(h.stock.keys.outbox, legacy);
      expect(await relayAll()).toBe(1);
      const [message] = await relayedFor(s);
      expect(message.value!.toString()).toBe(legacy);
      expect(message.headers?.traceparent).toBeUndefined();
      expect(await h.outbox()).toEqual([]);
    });
  });
});
