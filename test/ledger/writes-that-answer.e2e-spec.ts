import { randomUUID } from 'crypto';
import { DeadLetter } from '@stockflow/contracts';
import {
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  readTopic,
  startService,
  waitFor,
} from '@stockflow/testing';

const token: string = TEST_TOKENS['3pl'];
const po = 'gid://erp/PurchaseOrder/4411';

function event(type: string, sku: string, fields: Record<string, unknown>) {
  return {
    eventId: randomUUID(),
    type,
    sku,
    channel: '3pl',
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    ...fields,
  };
}

/**
 * Quantity states, reference documents, compare-and-set and read-your-writes
 * through the real gateway and ledger (Kafka, Postgres).
 */
describe('writes that answer: states, documents, compare-and-set, wait=applied', () => {
  let stack: TestStack;
  let gateway: ServiceProcess;
  let ledger: ServiceProcess;

  beforeAll(async () => {
    stack = await createTestStack('writes');
    [gateway, ledger] = await Promise.all([
      startService('gateway', stack.env),
      startService('ledger', stack.env),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), ledger?.stop()]);
    await stack?.teardown();
  });

  const waitPost = (body: unknown, timeoutMs = 15_000) =>
    api(gateway.url, 'POST', `/v1/events?wait=applied&timeoutMs=${timeoutMs}`, { token, body });
  const stock = async (sku: string) =>
    (await api(gateway.url, 'GET', `/v1/stock/${sku}`, { token })).body;
  const set = (sku: string, body: unknown) =>
    api(gateway.url, 'POST', `/v1/stock/${sku}/set`, { token, body });

  it('answers applied, duplicate and refused once the ledger decided, with versions and reasons', async () => {
    const receive = event('StockReceived', 'W-1', { locationId: 'WH', quantity: 5 });
    const tooMuch = event('StockStateChanged', 'W-1', {
      locationId: 'WH',
      quantity: 9,
      from: 'available',
      to: 'damaged',
    });
    const res = await waitPost([receive, receive, tooMuch]);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { eventId: receive.eventId, outcome: 'applied', version: 1 },
      { eventId: receive.eventId, outcome: 'applied', version: 1 },
      expect.objectContaining({
        eventId: tooMuch.eventId,
        outcome: 'refused',
        code: 'insufficient_quantity',
      }),
    ]);
    const again = await waitPost(receive);
    expect(again.body.results).toEqual([{ eventId: receive.eventId, outcome: 'duplicate' }]);
    // The refusal is a dead letter with its reason, and changed nothing.
    const dlq = await readTopic(stack.kafka, stack.topics.eventsDlq, 1);
    const dead: DeadLetter = JSON.parse(dlq[0].value!.toString());
    expect(dead).toMatchObject({ code: 'insufficient_quantity' });
    expect((await stock('W-1')).quantities).toMatchObject({ on_hand: 5, available: 5, damaged: 0 });
  });

  it('moves units between states, shown per location and in total', async () => {
    await waitPost(event('StockReceived', 'W-2', { locationId: 'WH', quantity: 10 }));
    const res = await waitPost([
      event('StockStateChanged', 'W-2', {
        locationId: 'WH',
        quantity: 2,
        from: 'available',
        to: 'damaged',
      }),
      event('StockStateChanged', 'W-2', {
        locationId: 'WH',
        quantity: 3,
        from: 'available',
        to: 'quality_control',
      }),
      event('StockStateChanged', 'W-2', {
        locationId: 'WH',
        quantity: 1,
        from: 'quality_control',
        to: 'safety_stock',
      }),
    ]);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const body = await stock('W-2');
    expect(body.quantities).toMatchObject({
      on_hand: 10,
      available: 5,
      damaged: 2,
      quality_control: 2,
      safety_stock: 1,
    });
    expect(body.available).toBe(5);
    expect(body.locations[0].quantities).toEqual(body.quantities);
  });

  it('receives a purchase order in parts against its incoming, and lists the document across SKUs', async () => {
    await waitPost([
      event('StockIncoming', 'W-3', {
        locationId: 'WH',
        quantity: 10,
        referenceDocumentUri: po,
        expectedAt: '2026-12-24T00:00:00Z',
      }),
      event('StockIncoming', 'W-4', { locationId: 'WH', quantity: 2, referenceDocumentUri: po }),
    ]);
    expect((await stock('W-3')).quantities).toMatchObject({ incoming: 10, on_hand: 0 });
    await waitPost(
      event('StockReceived', 'W-3', { locationId: 'WH', quantity: 4, referenceDocumentUri: po }),
    );
    expect((await stock('W-3')).quantities).toMatchObject({ incoming: 6, on_hand: 4 });
    const cancel = await waitPost(
      event('IncomingCancelled', 'W-3', {
        locationId: 'WH',
        quantity: 7,
        referenceDocumentUri: po,
      }),
    );
    expect(cancel.body.results[0]).toMatchObject({
      outcome: 'refused',
      code: 'insufficient_quantity',
    });
    await waitPost(
      event('StockReceived', 'W-3', { locationId: 'WH', quantity: 8, referenceDocumentUri: po }),
    );
    expect((await stock('W-3')).quantities).toMatchObject({ incoming: 0, on_hand: 12 });

    // Four entries (the refused cancel is not one): two incoming, two receipts; pages of 3 then 1.
    const page = await api(
      gateway.url,
      'GET',
      `/v1/ledger?reference=${encodeURIComponent(po)}&limit=3`,
      { token },
    );
    expect(page.status).toBe(200);
    expect(page.body.entries).toHaveLength(3);
    expect(
      page.body.entries.slice(0, 2).map((e: { type: string; sku: string }) => `${e.type} ${e.sku}`),
    ).toEqual(['StockReceived W-3', 'StockReceived W-3']);
    const rest = await api(
      gateway.url,
      'GET',
      `/v1/ledger?reference=${encodeURIComponent(po)}&before=${encodeURIComponent(page.body.nextBefore)}`,
      { token },
    );
    expect(rest.body.entries).toHaveLength(1);
    expect(rest.body.nextBefore).toBeNull();
    const all = [...page.body.entries, ...rest.body.entries];
    expect(new Set(all.map((e: { eventId: string }) => e.eventId)).size).toBe(4);
    expect(all.every((e: { referenceDocumentUri: string }) => e.referenceDocumentUri === po)).toBe(
      true,
    );
    expect(all.map((e: { type: string; sku: string }) => `${e.type} ${e.sku}`).sort()).toEqual([
      'StockIncoming W-3',
      'StockIncoming W-4',
      'StockReceived W-3',
      'StockReceived W-3',
    ]);
    expect((await api(gateway.url, 'GET', '/v1/ledger?reference=', { token })).status).toBe(400);
  });

  it('sets a quantity only from the value it names: stale sets get 409 with the current value and change nothing', async () => {
    await waitPost(event('StockReceived', 'W-5', { locationId: 'WH', quantity: 5 }));
    const applied = await set('W-5', {
      locationId: 'WH',
      name: 'on_hand',
      quantity: 8,
      changeFromQuantity: 5,
      referenceDocumentUri: 'gid://wms/Count/1',
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, delta: 3, version: 2 });
    const stale = await set('W-5', {
      locationId: 'WH',
      name: 'on_hand',
      quantity: 1,
      changeFromQuantity: 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CHANGE_FROM_QUANTITY_STALE', current: 8 });
    expect(await stock('W-5')).toMatchObject({ onHand: 8, version: 2 });
    const available = await set('W-5', {
      locationId: 'WH',
      name: 'available',
      quantity: 6,
      changeFromQuantity: null,
    });
    expect(available.body).toMatchObject({ applied: true, delta: -2 });
    const bad = await set('W-5', { locationId: 'WH', name: 'committed', quantity: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'changeFromQuantity',
      'name',
      'quantity',
    ]);
  });

  it('lets exactly one of two concurrent sets from the same changeFromQuantity apply', async () => {
    await waitPost(event('StockReceived', 'W-6', { locationId: 'WH', quantity: 5 }));
    const [a, b] = await Promise.all([
      set('W-6', { locationId: 'WH', name: 'on_hand', quantity: 7, changeFromQuantity: 5 }),
      set('W-6', { locationId: 'WH', name: 'on_hand', quantity: 9, changeFromQuantity: 5 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 7 : 9;
    expect((await stock('W-6')).onHand).toBe(winner);
    expect((a.status === 409 ? a : b).body.current).toBe(winner);
  });

  it('answers 202 when the wait runs out, and keeps the wait going across a ledger SIGKILL', async () => {
    await ledger.kill();
    const slow = await waitPost(
      event('StockReceived', 'W-7', { locationId: 'WH', quantity: 1 }),
      500,
    );
    expect(slow.status).toBe(202);
    expect(slow.body.accepted).toBe(1);
    const pending = waitPost(
      event('StockReceived', 'W-7', { locationId: 'WH', quantity: 2 }),
      30_000,
    );
    ledger = await startService('ledger', stack.env);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ outcome: 'applied', version: 2 });
    await waitFor(async () => (await stock('W-7'))?.onHand === 3, {
      what: 'W-7 folded after restart',
    });
  });

  it('refuses a bad wait query with 400', async () => {
    const body = event('StockReceived', 'W-8', { locationId: 'WH', quantity: 1 });
    expect((await api(gateway.url, 'POST', '/v1/events?wait=now', { token, body })).status).toBe(
      400,
    );
    expect(
      (await api(gateway.url, 'POST', '/v1/events?wait=applied&timeoutMs=40000', { token, body }))
        .status,
    ).toBe(400);
  });
});
