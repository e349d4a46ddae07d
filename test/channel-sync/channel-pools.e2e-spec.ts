import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Consumer } from 'kafkajs';
import { ChannelAvailabilityMessage } from '@stockflow/contracts';
import {
  ChannelReceiver,
  ServiceProcess,
  TEST_OPERATOR_TOKEN,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  freePort,
  makeEvent,
  startService,
  waitFor,
} from '@stockflow/testing';

const SKU = 'POOL-TEE-1';

/**
 * Real Kafka, Postgres, ledger, gateway and channel-sync; the channels are real
 * HTTP receivers. `web` sells from the warehouse pool, `amazon` from the shop
 * pool: one SKU, two different quantities; then pool changes reach the channels.
 */
describe('channels sell from their pools', () => {
  let stack: TestStack;
  let ledger: ServiceProcess;
  let channelSync: ServiceProcess;
  let gateway: ServiceProcess;
  let web: ChannelReceiver;
  let amazon: ChannelReceiver;
  let reader: Consumer;
  let syncPort: number;
  let syncEnv: Record<string, string>;
  /** Newest value per key on inventory.channel-availability, as a Kafka adapter would keep it. */
  const topic = new Map<string, ChannelAvailabilityMessage>();

  beforeAll(async () => {
    stack = await createTestStack('chpools');
    [web, amazon] = await Promise.all([
      ChannelReceiver.start({ secret: 'web-secret' }),
      ChannelReceiver.start({ secret: 'amazon-secret' }),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'channel-pools-e2e-'));
    const channelsFile = join(dir, 'channels.json');
    writeFileSync(
      channelsFile,
      JSON.stringify([
        {
          name: 'web',
          adapter: 'webhook',
          endpoint: web.url,
          secret: 'web-secret',
          safetyStock: 1,
        },
        {
          name: 'amazon',
          adapter: 'webhook',
          endpoint: amazon.url,
          secret: 'amazon-secret',
          safetyStock: 0,
          skuSafetyStock: { [SKU]: 2 },
        },
      ]),
    );
    const env = { ...stack.env, CHANNELS_FILE: channelsFile, CHANNEL_COMMIT_INTERVAL_MS: '200' };
    // Generous: the machine is shared, and a service can take a minute to start under load.
    const slow = { readyTimeoutMs: 240_000 };
    syncPort = await freePort();
    syncEnv = env;
    [ledger, channelSync, gateway] = await Promise.all([
      startService('ledger', env, slow),
      startService('channel-sync', env, { ...slow, port: syncPort }),
      startService('gateway', { ...env, CHANNEL_SYNC_URL: `http://127.0.0.1:${syncPort}` }, slow),
    ]);
    reader = stack.kafka.consumer({
      groupId: `test-availability-${Date.now()}`,
      maxWaitTimeInMs: 100,
    });
    await reader.connect();
    await reader.subscribe({ topic: stack.topics.channelAvailability, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(message.value!.toString()) as ChannelAvailabilityMessage;
        const key = message.key!.toString();
        if ((topic.get(key)?.version ?? -1) < value.version) topic.set(key, value);
      },
    });
  }, 600_000);

  afterAll(async () => {
    await reader?.disconnect();
    await Promise.all([gateway, channelSync, ledger].map((s) => s?.stop()));
    await Promise.all([web, amazon].map((r) => r?.close()));
    await stack?.teardown();
  });

  const putPool = (poolId: string, locations: string[], channels: string[]) =>
    api(gateway.url, 'PUT', `/v1/pools/${poolId}`, {
      token: TEST_OPERATOR_TOKEN,
      body: {
        locations: locations.map((locationId, i) => ({ locationId, priority: i + 1 })),
        channels,
      },
    });

  const channelStock = async (channel: string, token: string = TEST_TOKENS.pos) =>
    (await api(gateway.url, 'GET', `/v1/channels/${channel}/stock/${SKU}`, { token }))
      .body as ChannelAvailabilityMessage;

  /** The newest call a receiver accepted for the SKU. */
  const latest = (receiver: ChannelReceiver) => receiver.latestBy((c) => c.body.sku).get(SKU);

  async function receives(
    receiver: ChannelReceiver,
    expected: ChannelAvailabilityMessage,
    what: string,
  ): Promise<void> {
    await waitFor(() => latest(receiver)?.version === expected.version, {
      timeoutMs: 60_000,
      what,
    });
    expect(latest(receiver)).toEqual({
      channel: expected.channel,
      sku: SKU,
      quantity: expected.sellable,
      version: expected.version,
    });
  }

  /** stockflow_channel_pool_resend_passes_total{phase="done"} of a channel. */
  async function donePasses(channel: string): Promise<number> {
    const metrics = (await api(channelSync.url, 'GET', '/metrics')).body as string;
    const line = metrics
      .split('\n')
      .find((l) =>
        l.startsWith(
          `stockflow_channel_pool_resend_passes_total{channel="${channel}",phase="done"}`,
        ),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  /** Waits until inventory.channel-availability holds `expected` as the newest value of its key. */
  async function topicHolds(expected: ChannelAvailabilityMessage): Promise<void> {
    const key = `${expected.channel}:${expected.sku}`;
    await waitFor(() => topic.get(key)?.version === expected.version, {
      timeoutMs: 30_000,
      what: `${key}@${expected.version} on the topic`,
    });
    expect(topic.get(key)).toEqual(expected);
  }

  it('gives two channels in two pools different quantities of one SKU, on the webhook, the GET and the topic', async () => {
    expect((await putPool('warehouses', ['wh-1'], ['web'])).status).toBe(200);
    expect((await putPool('shop', ['shop-1'], ['amazon'])).status).toBe(200);
    const events = [
      makeEvent('StockReceived', { sku: SKU, locationId: 'wh-1', quantity: 10 }),
      makeEvent('StockReceived', { sku: SKU, locationId: 'shop-1', quantity: 5 }),
    ];
    expect(
      (await api(gateway.url, 'POST', '/v1/events', { token: TEST_TOKENS.pos, body: events }))
        .status,
    ).toBe(202);
    await waitFor(async () => (await channelStock('web')).ledgerVersion === 2, {
      timeoutMs: 60_000,
      what: 'ledger at version 2',
    });

    const webStock = await channelStock('web');
    const amazonStock = await channelStock('amazon');
    expect(webStock).toMatchObject({
      channel: 'web',
      poolId: 'warehouses',
      sku: SKU,
      available: 10,
      sellable: 9,
      ledgerVersion: 2,
    });
    expect(amazonStock).toMatchObject({
      channel: 'amazon',
      poolId: 'shop',
      sku: SKU,
      available: 5,
      sellable: 3,
      ledgerVersion: 2,
    });
    expect(webStock.version).toBe(webStock.ledgerVersion + webStock.poolVersion);

    await receives(web, webStock, 'web gets the warehouse pool');
    await receives(amazon, amazonStock, 'amazon gets the shop pool');
    expect(web.accepted().every((c) => c.signatureValid)).toBe(true);

    await topicHolds(webStock);
    await topicHolds(amazonStock);
  });

  it('re-sends the SKU to the channel whose pool changed, with a newer version and no new ledger event', async () => {
    const webBefore = await channelStock('web');
    const amazonBefore = await channelStock('amazon');
    const webCalls = web.accepted().length;
    const passesBefore = await donePasses('amazon');

    expect((await putPool('shop', ['shop-1', 'wh-1'], ['amazon'])).status).toBe(200);
    await waitFor(async () => (await channelStock('amazon')).available === 15, {
      timeoutMs: 30_000,
      what: 'the gateway folds the new shop pool',
    });
    const amazonAfter = await channelStock('amazon');
    expect(amazonAfter).toMatchObject({
      poolId: 'shop',
      available: 15,
      sellable: 13,
      ledgerVersion: amazonBefore.ledgerVersion,
    });
    expect(amazonAfter.version).toBeGreaterThan(amazonBefore.version);
    await receives(amazon, amazonAfter, 'amazon gets the wider pool');

    // web's pool did not change: no call; its GET only shows the newer pool version.
    const webAfter = await channelStock('web');
    expect(webAfter).toMatchObject({
      poolId: 'warehouses',
      available: webBefore.available,
      sellable: webBefore.sellable,
    });
    await waitFor(async () => (await donePasses('amazon')) > passesBefore, {
      timeoutMs: 30_000,
      what: 'the re-send pass of amazon is done',
    });
    expect(web.accepted().length).toBe(webCalls);

    await topicHolds(amazonAfter);
  });

  it('sends a channel whose pool is deleted what the default pool holds', async () => {
    expect(
      (await api(gateway.url, 'DELETE', '/v1/pools/warehouses', { token: TEST_OPERATOR_TOKEN }))
        .status,
    ).toBe(204);
    await waitFor(async () => (await channelStock('web')).poolId === 'default', {
      timeoutMs: 30_000,
      what: 'web back in default',
    });
    const webStock = await channelStock('web');
    expect(webStock).toMatchObject({ poolId: 'default', available: 15, sellable: 14 });
    await receives(web, webStock, 'web gets every location');
    await topicHolds(webStock);
    const metrics = (await api(channelSync.url, 'GET', '/metrics')).body as string;
    expect(metrics).toMatch(
      /stockflow_channel_pool_resend_skus_total\{channel="web",result="queued"\} [1-9]/,
    );
  });

  it('lets any token read any channel, and answers bad input with 400, an unknown SKU with 404, no token with 401', async () => {
    expect(
      (
        await api(gateway.url, 'GET', `/v1/channels/amazon/stock/${SKU}`, {
          token: TEST_TOKENS.web,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(gateway.url, 'GET', `/v1/channels/amazon/stock/${SKU}`, {
          token: TEST_OPERATOR_TOKEN,
        })
      ).status,
    ).toBe(200);
    // A channel with no channels-file entry holds no safety stock.
    expect(await channelStock('pos')).toMatchObject({
      poolId: 'default',
      available: 15,
      sellable: 15,
    });

    const badChannel = await api(gateway.url, 'GET', `/v1/channels/Web%20Store/stock/${SKU}`, {
      token: TEST_TOKENS.web,
    });
    expect(badChannel.status).toBe(400);
    expect(JSON.stringify(badChannel.body)).toContain('channel');
    const badSku = await api(gateway.url, 'GET', `/v1/channels/web/stock/bad%20sku`, {
      token: TEST_TOKENS.web,
    });
    expect(badSku.status).toBe(400);
    expect(JSON.stringify(badSku.body)).toContain('sku');
    expect(
      (
        await api(gateway.url, 'GET', `/v1/channels/web/stock/NO-SUCH-SKU`, {
          token: TEST_TOKENS.web,
        })
      ).status,
    ).toBe(404);
    expect((await api(gateway.url, 'GET', `/v1/channels/web/stock/${SKU}`)).status).toBe(401);
  });

  it('sends a pool change made while channel-sync was stopped once it starts again', async () => {
    expect(await channelSync.stop()).toBe(0);
    expect((await putPool('warehouses', ['wh-1'], ['web'])).status).toBe(200);
    await waitFor(async () => (await channelStock('web')).poolId === 'warehouses', {
      timeoutMs: 30_000,
      what: 'the gateway folds the new pool',
    });
    const webStock = await channelStock('web');
    expect(webStock).toMatchObject({ available: 10, sellable: 9 });
    // No stock changed: only the restarted service's catch-up pass (channel_pool_resends) can send this.
    channelSync = await startService('channel-sync', syncEnv, {
      readyTimeoutMs: 240_000,
      port: syncPort,
    });
    await receives(web, webStock, 'web gets the pool defined while channel-sync was down');
    await topicHolds(webStock);
  });
});
