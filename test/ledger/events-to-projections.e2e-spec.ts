import { randomUUID } from 'crypto';
import { Pool } from 'pg';
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
  postOversized,
} from '@stockflow/testing';

const token: string = TEST_TOKENS['3pl'];

function received(sku: string, quantity: number, locationId = 'WH-1') {
  return {
    eventId: randomUUID(),
    type: 'StockReceived',
    sku,
    channel: '3pl',
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    locationId,
    quantity,
  };
}

describe('ledger: events in, projections out (real Kafka + Postgres)', () => {
  let stack: TestStack;
  let gateway: ServiceProcess;
  let ledger: ServiceProcess;
  let db: Pool;

  beforeAll(async () => {
    stack = await createTestStack('ledger');
    [gateway, ledger] = await Promise.all([
      startService('gateway', stack.env),
      startService('ledger', stack.env),
    ]);
    db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), ledger?.stop()]);
    await db?.end();
    await stack?.teardown();
  });

  const post = (body: unknown, t = token) =>
    api(gateway.url, 'POST', '/v1/events', { token: t, body });
  const stock = (sku: string) => api(gateway.url, 'GET', `/v1/stock/${sku}`, { token });
  const settled = (sku: string, version: number) =>
    waitFor(async () => (await stock(sku)).body?.version === version, {
      what: `${sku} at version ${version}`,
    });

  it('folds the partition batches of one fetch in one transaction', async () => {
    // 24 SKUs in one request land on every partition in one produce; the ledger's next
    // fetch brings them together. journal.xmin is the transaction that wrote the row.
    const skus = Array.from({ length: 24 }, (_, i) => `TX-GROUP-${i}`);
    expect((await post(skus.map((sku) => received(sku, 1)))).status).toBe(202);
    await Promise.all(skus.map((sku) => settled(sku, 1)));
    const { rows } = await db.query<{ partitions: number }>(
      `SELECT count(DISTINCT kafka_partition)::int AS partitions
         FROM journal WHERE sku = ANY($1) GROUP BY xmin::text ORDER BY 1 DESC`,
      [skus],
    );
    // Partition by partition, each transaction would hold one partition's rows.
    expect(rows[0].partitions).toBeGreaterThan(1);
  });

  it('folds every event type into the stock projection and journal', async () => {
    const sku = 'MIXED-1';
    const base = { sku, occurredAt: new Date().toISOString(), schemaVersion: 1 };
    const events = [
      { ...received(sku, 10, 'A') },
      {
        ...base,
        eventId: randomUUID(),
        type: 'StockAdjusted',
        channel: '3pl',
        locationId: 'A',
        delta: -2,
        reason: 'damaged',
      },
      {
        ...base,
        eventId: randomUUID(),
        type: 'StockTransferred',
        channel: '3pl',
        fromLocationId: 'A',
        toLocationId: 'B',
        quantity: 3,
      },
      {
        ...base,
        eventId: randomUUID(),
        type: 'StockCounted',
        channel: '3pl',
        locationId: 'B',
        countedQuantity: 5,
      },
      {
        ...base,
        eventId: randomUUID(),
        type: 'ItemSold',
        channel: '3pl',
        locationId: 'A',
        quantity: 1,
      },
      {
        ...base,
        eventId: randomUUID(),
        type: 'StockReserved',
        channel: '3pl',
        reservationId: 'r-1',
        orderId: 'o-1',
        quantity: 4,
      },
      {
        ...base,
        eventId: randomUUID(),
        type: 'ReservationFulfilled',
        channel: '3pl',
        reservationId: 'r-1',
        locationId: 'B',
        quantity: 1,
      },
      {
        ...base,
        eventId: randomUUID(),
        type: 'ReservationReleased',
        channel: '3pl',
        reservationId: 'r-1',
        quantity: 2,
        reason: 'order_cancel',
      },
    ];
    expect((await post(events)).status).toBe(202);
    await settled(sku, 8);

    // A: 10 - 2 - 3 - 1 = 4; B: counted 5, minus 1 shipped = 4; reserved 4 - 1 - 2 = 1.
    // The channel's reservation named no location: the ledger took its 4 units at A
    // (lowest locationId first); the shipment from B and the release drew on them.
    const { body } = await stock(sku);
    const states = (q: Partial<Record<string, number>>) => ({
      on_hand: 0,
      available: 0,
      committed: 0,
      reserved: 0,
      damaged: 0,
      quality_control: 0,
      safety_stock: 0,
      incoming: 0,
      ...q,
    });
    expect(body).toEqual({
      sku,
      onHand: 8,
      reserved: 1,
      available: 7,
      locations: [
        {
          locationId: 'A',
          onHand: 4,
          reserved: 1,
          available: 3,
          quantities: states({ on_hand: 4, available: 3, committed: 1 }),
        },
        {
          locationId: 'B',
          onHand: 4,
          reserved: 0,
          available: 4,
          quantities: states({ on_hand: 4, available: 4 }),
        },
      ],
      quantities: states({ on_hand: 8, available: 7, committed: 1 }),
      pools: [{ poolId: 'default', available: 7 }],
      version: 8,
    });
    const ledgerPage = await api(gateway.url, 'GET', `/v1/stock/${sku}/ledger?limit=5`, { token });
    expect(ledgerPage.body.entries.map((e: { version: number }) => e.version)).toEqual([
      8, 7, 6, 5, 4,
    ]);
    const counted = ledgerPage.body.entries.find(
      (e: { type: string }) => e.type === 'StockCounted',
    );
    expect(counted.onHandDelta).toBe(2); // B held 3 after the transfer, counted 5
    const older = await api(
      gateway.url,
      'GET',
      `/v1/stock/${sku}/ledger?limit=5&before=${ledgerPage.body.nextBefore}`,
      { token },
    );
    expect(older.body.entries.map((e: { version: number }) => e.version)).toEqual([3, 2, 1]);
    expect(older.body.nextBefore).toBeNull();
  });

  it('journals free text byte for byte: tabs, newlines, backslashes, quotes, \\N, unicode', async () => {
    const reason = 'dropped\tby "Bob"\nC:\\bins\\7 \\N ü 🚚';
    const adjusted = {
      eventId: randomUUID(),
      type: 'StockAdjusted',
      sku: 'TEXT-1',
      channel: '3pl',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      locationId: 'A',
      delta: 3,
      reason,
    };
    expect((await post(adjusted)).status).toBe(202);
    await settled('TEXT-1', 1);
    const { rows } = await db.query(
      `SELECT event->>'reason' AS reason, location_deltas FROM journal WHERE sku = 'TEXT-1'`,
    );
    expect(rows).toEqual([{ reason, location_deltas: [{ locationId: 'A', delta: 3 }] }]);
  });

  it('applies a duplicate eventId once', async () => {
    const event = received('DUP-1', 5);
    await post(event);
    await post([event, event]);
    await post(received('DUP-1', 1)); // a later, distinct event marks when the duplicates were processed
    await settled('DUP-1', 2);
    expect((await stock('DUP-1')).body.onHand).toBe(6);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM journal WHERE sku = $1', [
      'DUP-1',
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('sends a poison message to the DLQ with reason, bytes and offset, and keeps the partition moving', async () => {
    const producer = stack.kafka.producer();
    await producer.connect();
    const garbage = Buffer.from('{not json');
    const [meta] = await producer.send({
      topic: stack.topics.events,
      messages: [
        { key: 'POISON-1', value: garbage },
        { key: 'POISON-1', value: JSON.stringify(received('POISON-1', 3)) },
      ],
    });
    await producer.disconnect();
    await settled('POISON-1', 1);

    const [dead] = await readTopic(stack.kafka, stack.topics.eventsDlq, 1);
    const letter: DeadLetter = JSON.parse(dead.value!.toString());
    expect(letter.code).toBe('invalid_json');
    expect(letter.reason).toMatch(/not JSON/);
    expect(Buffer.from(letter.originalValue, 'base64').equals(garbage)).toBe(true);
    expect(letter.partition).toBe(meta.partition);
    expect(letter.offset).toBe(meta.baseOffset);
    expect(letter.sourceTopic).toBe(stack.topics.events);
  });

  it('refuses a release larger than the reservation whole, dead-letters it, and changes nothing', async () => {
    const sku = 'OVER-1';
    const base = { sku, channel: '3pl', occurredAt: new Date().toISOString(), schemaVersion: 1 };
    await post([
      received(sku, 10),
      {
        ...base,
        eventId: randomUUID(),
        type: 'StockReserved',
        reservationId: 'over-r',
        quantity: 2,
      },
    ]);
    await settled(sku, 2);
    const before = (await stock(sku)).body;
    const overRelease = {
      ...base,
      eventId: randomUUID(),
      type: 'ReservationReleased',
      reservationId: 'over-r',
      quantity: 3,
      reason: 'cart_cancel',
    };
    await post([overRelease, received(sku, 1)]);
    await settled(sku, 3);
    const after = (await stock(sku)).body;
    expect(after).toMatchObject({ onHand: before.onHand + 1, reserved: 2 });

    const letters = (await readTopic(stack.kafka, stack.topics.eventsDlq, 2)).map((m) =>
      JSON.parse(m.value!.toString()),
    );
    const refused = letters.find((l: DeadLetter) => l.code === 'over_release');
    expect(refused.reason).toMatch(/only 2 open/);
    expect(JSON.parse(Buffer.from(refused.originalValue, 'base64').toString()).eventId).toBe(
      overRelease.eventId,
    );
  });

  it('rejects bad input with every field error and writes nothing to the log', async () => {
    const sku = 'BAD-INPUT-1';
    const bad = { ...received(sku, 0), eventId: 'nope', occurredAt: 'yesterday' };
    const res = await post([received(sku, 1), bad]);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      '[1].eventId',
      '[1].occurredAt',
      '[1].quantity',
    ]);

    expect(
      (await api(gateway.url, 'POST', '/v1/events', { token, rawBody: '{"broken' })).status,
    ).toBe(400);
    expect((await api(gateway.url, 'POST', '/v1/events', { body: received(sku, 1) })).status).toBe(
      401,
    );
    expect(
      (await api(gateway.url, 'POST', '/v1/events', { token: 'wrong', body: received(sku, 1) }))
        .status,
    ).toBe(401);
    expect((await post(received(sku, 1), TEST_TOKENS.pos)).status).toBe(403);
    expect((await post(Array.from({ length: 1001 }, () => received(sku, 1)))).status).toBe(413);
    const huge = { ...received(sku, 1), metadata: { blob: 'x'.repeat(2 * 1024 * 1024) } };
    expect((await postOversized(gateway.url, '/v1/events', token, huge)).status).toBe(413);

    // Nothing of the above reached the ledger: a good event afterwards is version 1.
    await post(received(sku, 4));
    await settled(sku, 1);
    expect((await stock(sku)).body.onHand).toBe(4);
  });

  it('answers 404 for an unknown SKU and 400 for a malformed one', async () => {
    expect((await stock('NEVER-SEEN')).status).toBe(404);
    expect((await api(gateway.url, 'GET', '/v1/stock/NEVER-SEEN/ledger', { token })).status).toBe(
      404,
    );
    expect((await api(gateway.url, 'GET', `/v1/stock/${'x'.repeat(65)}`, { token })).status).toBe(
      400,
    );
  });
});
