import { randomUUID } from 'crypto';
import {
  ServiceProcess,
  TEST_OPERATOR_TOKEN,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  readTopic,
  startService,
  waitFor,
} from '@stockflow/testing';

/**
 * The pool API against the real gateway, ledger and Kafka: definitions are
 * events on inventory.pools, answers are what the fold decided, refusals change
 * nothing, and a second gateway that folds the same log agrees.
 */
describe('pools: PUT/GET/DELETE /v1/pools (real gateway, ledger, Kafka, Postgres)', () => {
  let stack: TestStack;
  let gateway: ServiceProcess;
  let ledger: ServiceProcess;
  const operator = TEST_OPERATOR_TOKEN;

  beforeAll(async () => {
    stack = await createTestStack('pools');
    [gateway, ledger] = await Promise.all([
      startService('gateway', stack.env),
      startService('ledger', stack.env),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), ledger?.stop()]);
    await stack?.teardown();
  });

  const put = (poolId: string, body: unknown, token = operator) =>
    api(gateway.url, 'PUT', `/v1/pools/${poolId}`, { token, body });
  const get = (path: string, token = operator) => api(gateway.url, 'GET', path, { token });
  /** How many messages inventory.pools holds (its one partition's end offset). */
  const poolLogLength = async () => {
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      return Number((await admin.fetchTopicOffsets(stack.topics.pools))[0].high);
    } finally {
      await admin.disconnect();
    }
  };

  it('defines a pool, answers it sorted by priority with its version, and lists it', async () => {
    const res = await put('web', {
      locations: [
        { locationId: 'SHOP-1', priority: 2 },
        { locationId: 'WH-EAST', priority: 1 },
      ],
      channels: ['web', 'amazon'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      poolId: 'web',
      locations: [
        { locationId: 'WH-EAST', priority: 1 },
        { locationId: 'SHOP-1', priority: 2 },
      ],
      channels: ['amazon', 'web'],
      version: 1,
    });
    expect((await get('/v1/pools/web')).body).toEqual(res.body);
    expect((await get('/v1/pools')).body).toEqual({ defaultPool: 'default', pools: [res.body] });
    const again = await put('web', {
      locations: [{ locationId: 'WH-EAST', priority: 1 }],
      channels: ['web', 'amazon'],
    });
    expect(again.body.version).toBe(2);
  });

  it('refuses a channel that already sells from another pool (409) and writes nothing', async () => {
    const before = await poolLogLength();
    const res = await put('pos', {
      locations: [{ locationId: 'SHOP-1', priority: 1 }],
      channels: ['pos', 'web'],
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('web (pool web)');
    expect((await get('/v1/pools/pos')).status).toBe(404);
    expect(await poolLogLength()).toBe(before);
  });

  it('lists every field problem at once (400) and changes nothing', async () => {
    const res = await put('bad', {
      locations: [
        { locationId: 'has space', priority: 0 },
        { locationId: 'WH', priority: 1 },
        { locationId: 'WH', priority: 2 },
      ],
      channels: ['UPPER', 'web', 'web'],
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining([
        'channels',
        'locations',
        'locations.0.locationId',
        'locations.0.priority',
      ]),
    );
    expect((await put('default', { locations: [], channels: [] })).status).toBe(400);
    expect((await get('/v1/pools/bad')).status).toBe(404);
  });

  it('needs an operator token: 401 without a token, 403 with a channel token', async () => {
    const body = { locations: [{ locationId: 'WH', priority: 1 }], channels: ['pos'] };
    expect((await api(gateway.url, 'PUT', '/v1/pools/x', { body })).status).toBe(401);
    expect((await put('x', body, TEST_TOKENS.pos)).status).toBe(403);
    expect((await get('/v1/pools', TEST_TOKENS.pos)).status).toBe(403);
    expect((await get('/v1/pools/x')).status).toBe(404);
  });

  it('lets an operator read stock but not write events', async () => {
    const event = {
      eventId: randomUUID(),
      type: 'StockReceived',
      sku: 'OP-1',
      channel: '3pl',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      locationId: 'WH-EAST',
      quantity: 5,
    };
    expect(
      (await api(gateway.url, 'POST', '/v1/events', { token: operator, body: event })).status,
    ).toBe(403);
    expect(
      (await api(gateway.url, 'POST', '/v1/events', { token: TEST_TOKENS['3pl'], body: event }))
        .status,
    ).toBe(202);
    await waitFor(async () => (await get('/v1/stock/OP-1')).status === 200, {
      what: 'OP-1 folded',
    });
    const stock = await get('/v1/stock/OP-1');
    expect(stock.body.pools).toEqual([
      { poolId: 'default', available: 5 },
      { poolId: 'web', available: 5 },
    ]);
  });

  it('deletes a pool (its channels go back to default) and 404s an unknown one', async () => {
    expect((await api(gateway.url, 'DELETE', '/v1/pools/web', { token: operator })).status).toBe(
      204,
    );
    expect((await get('/v1/pools/web')).status).toBe(404);
    expect((await api(gateway.url, 'DELETE', '/v1/pools/web', { token: operator })).status).toBe(
      404,
    );
    // web is free again: another pool may take it.
    expect(
      (
        await put('pos', {
          locations: [{ locationId: 'SHOP-1', priority: 1 }],
          channels: ['pos', 'web'],
        })
      ).status,
    ).toBe(200);
  });

  it('gives a second gateway folding the same log the same directory', async () => {
    const second = await startService('gateway', stack.env);
    try {
      await waitFor(async () => (await api(second.url, 'GET', '/health/ready')).status === 200, {
        what: 'second gateway ready',
      });
      expect((await api(second.url, 'GET', '/v1/pools', { token: operator })).body).toEqual(
        (await get('/v1/pools')).body,
      );
      const events = (await readTopic(stack.kafka, stack.topics.pools, 4)).map((m) =>
        JSON.parse(m.value!.toString()),
      );
      expect(events.map((e) => e.type)).toEqual([
        'PoolDefined',
        'PoolDefined',
        'PoolDeleted',
        'PoolDefined',
      ]);
    } finally {
      await second.stop();
    }
  });
});
