import { randomUUID } from 'crypto';
import {
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  startService,
  waitFor,
  Json,
} from '@stockflow/testing';

const token: string = TEST_TOKENS['3pl'];

describe('bulk ingest (POST /v1/events/bulk, GET /v1/bulk/:bulkId)', () => {
  let stack: TestStack;
  let gateway: ServiceProcess;
  let ledger: ServiceProcess;

  beforeAll(async () => {
    stack = await createTestStack('bulk');
    [gateway, ledger] = await Promise.all([
      startService('gateway', stack.env),
      startService('ledger', stack.env),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), ledger?.stop()]);
    await stack?.teardown();
  });

  const receipt = (sku: string, quantity: number, channel = '3pl') => ({
    eventId: randomUUID(),
    type: 'StockReceived',
    sku,
    channel,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    locationId: 'WH-1',
    quantity,
  });

  it('accepts valid events in the background and reports each rejected one with its index', async () => {
    const events: unknown[] = Array.from({ length: 5000 }, (_, i) => receipt(`BULK-${i % 50}`, 2));
    events[10] = { ...receipt('BULK-0', 0) }; // quantity 0
    events[2500] = { type: 'StockReceived' }; // almost everything missing
    events[4999] = receipt('BULK-0', 1, 'pos'); // another channel's event

    const submitted = await api(gateway.url, 'POST', '/v1/events/bulk', { token, body: events });
    expect(submitted.status).toBe(202);
    const { bulkId } = submitted.body;

    let job: Json;
    await waitFor(
      async () => {
        job = (await api(gateway.url, 'GET', `/v1/bulk/${bulkId}`, { token })).body;
        return job.status !== 'processing';
      },
      { what: 'bulk job done' },
    );
    expect(job).toMatchObject({ status: 'completed', total: 5000, accepted: 4997, rejected: 3 });
    expect([...new Set(job.errors.map((e: { index: number }) => e.index))]).toEqual([
      10, 2500, 4999,
    ]);

    // 100 receipts of 2 per SKU; BULK-10 lost the one at index 10.
    await waitFor(
      async () =>
        (await api(gateway.url, 'GET', '/v1/stock/BULK-1', { token })).body?.onHand === 200,
      {
        what: 'BULK-1 folded',
      },
    );
    const bulk10 = await api(gateway.url, 'GET', '/v1/stock/BULK-10', { token });
    expect(bulk10.body.onHand).toBe(198); // its event at index 10 was rejected
  });

  it('answers 413 above 100,000 events, 400 for an empty body, 404 for unknown or foreign jobs', async () => {
    const tooMany = Array.from({ length: 100_001 }, () => ({}));
    expect(
      (await api(gateway.url, 'POST', '/v1/events/bulk', { token, body: tooMany })).status,
    ).toBe(413);
    expect((await api(gateway.url, 'POST', '/v1/events/bulk', { token, body: [] })).status).toBe(
      400,
    );

    const { body } = await api(gateway.url, 'POST', '/v1/events/bulk', {
      token,
      body: [receipt('BULK-X', 1)],
    });
    expect(
      (await api(gateway.url, 'GET', `/v1/bulk/${body.bulkId}`, { token: TEST_TOKENS.pos })).status,
    ).toBe(404);
    expect((await api(gateway.url, 'GET', `/v1/bulk/${randomUUID()}`, { token })).status).toBe(404);
    expect((await api(gateway.url, 'GET', '/v1/bulk/not-a-uuid', { token })).status).toBe(400);
  });
});
