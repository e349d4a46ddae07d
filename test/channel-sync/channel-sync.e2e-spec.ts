import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Producer } from 'kafkajs';
import { StockLevelMessage } from '@stockflow/contracts';
import { zeroQuantities } from '@stockflow/ledger-core';
import {
  ReceivedCall,
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  makeEvent,
  repoRoot,
  startService,
  waitFor,
  Json,
} from '@stockflow/testing';
import { Fleet, OUTAGE_MS, SHOP_ITEMS, SKUS, healthy, startFleet } from './channel-fleet';

const run = promisify(execFile);
const bySku = (c: ReceivedCall) => c.body.sku as string;

/**
 * Real Kafka, Postgres, ledger, gateway and channel-sync; channels are real HTTP
 * servers: healthy, Shopify-style, failing 3 times, answering 429, slow (5 s),
 * down for a minute, rejecting everything. The outage runs while the other
 * scenarios play, so the suite proves isolation and stays near two minutes.
 */
describe('channel sync', () => {
  let stack: TestStack;
  let fleet: Fleet;
  let ledger: ServiceProcess;
  let channelSync: ServiceProcess;
  let gateway: ServiceProcess;
  let producer: Producer;
  let syncEnv: Record<string, string>;
  let backAt: number;
  let outage: NodeJS.Timeout;
  const finals = new Map<string, { version: number; available: number }>();

  beforeAll(async () => {
    stack = await createTestStack('chsync');
    fleet = await startFleet();
    syncEnv = {
      ...stack.env,
      CHANNELS_FILE: fleet.channelsFile,
      CHANNEL_COMMIT_INTERVAL_MS: '200',
    };
    [ledger, channelSync] = await Promise.all([
      startService('ledger', stack.env),
      startService('channel-sync', syncEnv),
    ]);
    gateway = await startService('gateway', { ...stack.env, CHANNEL_SYNC_URL: channelSync.url });
    producer = stack.kafka.producer();
    await producer.connect();
    backAt = Date.now() + OUTAGE_MS;
    outage = setTimeout(() => void fleet.down.listen(), OUTAGE_MS);
  });

  afterAll(async () => {
    clearTimeout(outage);
    await producer?.disconnect();
    await Promise.all([gateway, channelSync, ledger].map((s) => s?.stop()));
    await fleet?.close();
    await stack?.teardown();
  });

  /** One request of one event per SKU: round 1 receives stock, later rounds sell one unit. */
  async function postRound(round: number, skus = SKUS): Promise<number> {
    const events = skus.map((sku, i) =>
      round === 1
        ? makeEvent('StockReceived', { sku, locationId: 'wh-1', quantity: 10 + i })
        : makeEvent('ItemSold', { sku, locationId: 'wh-1', quantity: 1 }),
    );
    const startedAt = Date.now();
    const res = await api(gateway.url, 'POST', '/v1/events', {
      token: TEST_TOKENS.pos,
      body: events,
    });
    expect(res.status).toBe(202);
    return startedAt;
  }

  /** Waits until the ledger applied `version` to every SKU and records its final state. */
  async function ledgerAt(version: number, skus = SKUS): Promise<void> {
    for (const sku of skus) {
      await waitFor(
        async () => {
          const res = await api(gateway.url, 'GET', `/v1/stock/${sku}`, { token: TEST_TOKENS.pos });
          if (res.body?.version !== version) return false;
          finals.set(sku, { version, available: res.body.available });
          return true;
        },
        { what: `ledger at version ${version} of ${sku}` },
      );
    }
  }

  const webhookFinal = (sku: string, safety = 2) => ({
    version: finals.get(sku)!.version,
    quantity: Math.max(0, finals.get(sku)!.available - safety),
  });

  async function webhookHasFinals(
    receiver: Fleet['healthy'],
    skus: string[],
    timeoutMs = 30_000,
  ): Promise<void> {
    await waitFor(
      () => {
        const latest = receiver.latestBy(bySku);
        return skus.every((sku) => latest.get(sku)?.version === finals.get(sku)?.version);
      },
      { timeoutMs, what: `final versions of ${skus.join(',')} at :${receiver.port}` },
    );
  }

  function stockLevel(sku: string, version: number, available: number): StockLevelMessage {
    const quantities = { ...zeroQuantities(), on_hand: available, available };
    return {
      sku,
      onHand: available,
      reserved: 0,
      available,
      locations: [{ locationId: 'wh-1', onHand: available, reserved: 0, available, quantities }],
      quantities,
      version,
      previousVersion: version - 1,
      externalAvailableDelta: 0,
      externalLocationDeltas: {},
      updatedAt: new Date().toISOString(),
    };
  }

  it('delivers every SKU newest sellable quantity to the healthy channel while others are down, slow or rejecting', async () => {
    let lastRound = 0;
    for (let round = 1; round <= 5; round++) {
      lastRound = await postRound(round);
      await new Promise((r) => setTimeout(r, 300));
    }
    await ledgerAt(5);
    await webhookHasFinals(fleet.healthy, SKUS);
    const healthyDoneAt = Date.now();

    const latest = fleet.healthy.latestBy(bySku);
    for (const sku of SKUS) {
      // S1 has a per-SKU safety stock of 0 on this channel, the rest the default 2.
      expect(latest.get(sku)).toEqual({
        channel: 'healthy',
        sku,
        ...webhookFinal(sku, sku === 'S1' ? 0 : 2),
      });
    }
    expect(fleet.healthy.calls.every((c) => c.signatureValid && c.path === '/hooks/stock')).toBe(
      true,
    );
    // Never an older version after a newer one, per SKU.
    for (const sku of SKUS) {
      const versions = fleet.healthy.calls
        .filter((c) => c.body.sku === sku)
        .map((c) => c.body.version);
      expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    }
    // Isolation: all of it happened while the down channel was still refusing connections.
    expect(healthyDoneAt).toBeLessThan(backAt);
    expect(fleet.down.listening).toBe(false);
    const lags = SKUS.map(
      (sku) => fleet.healthy.calls.filter((c) => c.body.sku === sku).at(-1)!.at - lastRound,
    ).sort((a, b) => a - b);
    console.log(
      `healthy channel: last round ingest -> receipt ${lags[0]}..${lags.at(-1)} ms while 'down' is down and 'slow' takes 5 s a call`,
    );
  });

  it('sets the Shopify-style inventory level of listed SKUs only, with the access token', async () => {
    const listed = Object.keys(SHOP_ITEMS);
    await waitFor(
      () => {
        const latest = fleet.shop.latestBy((c) => String(c.body.inventory_item_id));
        return listed.every(
          (sku) =>
            latest.get(String(SHOP_ITEMS[sku]))?.available ===
            Math.max(0, finals.get(sku)!.available - 1),
        );
      },
      { what: 'shop levels' },
    );
    for (const call of fleet.shop.calls) {
      expect(call.path).toBe('/admin/api/2024-01/inventory_levels/set.json');
      expect(call.headers['x-shopify-access-token']).toBe('shpat_test');
      expect(Object.keys(call.body).sort()).toEqual([
        'available',
        'inventory_item_id',
        'location_id',
      ]);
      expect(call.body.location_id).toBe(555);
    }
    const items = new Set(fleet.shop.calls.map((c) => c.body.inventory_item_id));
    expect([...items].every((id) => Object.values(SHOP_ITEMS).includes(id))).toBe(true);
  });

  it('retries a channel that fails 3 times until the newest values land', async () => {
    await webhookHasFinals(fleet.flaky, SKUS);
    expect(fleet.flaky.calls.slice(0, 3).map((c) => c.status)).toEqual([500, 500, 500]);
    expect(fleet.flaky.latestBy(bySku).get('S2')).toEqual({
      channel: 'flaky',
      sku: 'S2',
      ...webhookFinal('S2'),
    });
  });

  it('honours 429 Retry-After: nothing reaches the channel within the second it asked for', async () => {
    await webhookHasFinals(fleet.throttled, SKUS);
    const calls = fleet.throttled.calls;
    const throttled = calls.filter((c) => c.status === 429);
    expect(throttled).toHaveLength(2);
    for (const refused of throttled) {
      const next = calls[calls.indexOf(refused) + 1];
      expect(next.at - refused.at).toBeGreaterThanOrEqual(1000);
    }
  });

  it('turns a burst of 1,000 changes to one SKU into a handful of calls, the last value landing', async () => {
    const burst = Array.from({ length: 1000 }, (_, i) => ({
      key: 'BURST-1',
      value: JSON.stringify(stockLevel('BURST-1', i + 1, i + 1)),
    }));
    await producer.send({ topic: stack.topics.stockLevels, messages: burst });
    finals.set('BURST-1', { version: 1000, available: 1000 });
    await webhookHasFinals(fleet.healthy, ['BURST-1']);
    await webhookHasFinals(fleet.flaky, ['BURST-1']);
    const calls = fleet.healthy.calls.filter((c) => c.body.sku === 'BURST-1');
    console.log(`burst of 1000 versions: ${calls.length} call(s) to the healthy channel`);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(calls.at(-1)!.body).toEqual({
      channel: 'healthy',
      sku: 'BURST-1',
      quantity: 998,
      version: 1000,
    });
  });

  it('dead-letters poison on the input topic once, under _input, and keeps delivering', async () => {
    await producer.send({
      topic: stack.topics.stockLevels,
      messages: [
        { key: 'POISON-1', value: 'not json' },
        { key: 'POISON-2', value: JSON.stringify({ sku: 'POISON-2', version: 'x' }) },
        { key: 'AFTER-POISON', value: JSON.stringify(stockLevel('AFTER-POISON', 1, 7)) },
      ],
    });
    finals.set('AFTER-POISON', { version: 1, available: 7 });
    await webhookHasFinals(fleet.healthy, ['AFTER-POISON']);
    let listed: Json[] = [];
    await waitFor(
      async () => {
        listed = (
          await api(gateway.url, 'GET', '/v1/channels/_input/dlq', { token: TEST_TOKENS.amazon })
        ).body.deadLetters;
        return listed.length >= 2;
      },
      { what: 'poison dead letters' },
    );
    expect(
      listed
        .map((d) => [d.code, d.channel, Buffer.from(d.originalValue, 'base64').toString()])
        .sort(),
    ).toEqual([
      ['invalid_json', null, 'not json'],
      ['schema', null, JSON.stringify({ sku: 'POISON-2', version: 'x' })],
    ]);
    expect(listed.every((d) => d.reason && d.source.topic === stack.topics.stockLevels)).toBe(true);
    const replay = await api(gateway.url, 'POST', '/v1/channels/_input/dlq/replay', {
      token: TEST_TOKENS.web,
      body: {},
    });
    expect(replay.status).toBe(409);
  });

  it('dead-letters what a channel keeps refusing, with reason and attempts, and replay sends the newest state once', async () => {
    const dlq = (query = '') =>
      api(gateway.url, 'GET', `/v1/channels/rejecting/dlq${query}`, { token: TEST_TOKENS.pos });
    const refused = [...SKUS, 'BURST-1', 'AFTER-POISON'];
    await waitFor(
      async () =>
        new Set((await dlq('?limit=500')).body.deadLetters.map((d: Json) => d.sku)).size >=
        refused.length,
      {
        what: 'dead letters of every SKU',
      },
    );
    // Two dead letters of RPL-1: version 1, then version 2.
    for (const round of [1, 2]) {
      await postRound(round, ['RPL-1']);
      await ledgerAt(round, ['RPL-1']);
      await waitFor(
        async () =>
          (await dlq()).body.deadLetters.some(
            (d: Json) => d.sku === 'RPL-1' && d.update.version === round,
          ),
        {
          what: `dead letter of RPL-1@${round}`,
        },
      );
    }
    const listed = (await dlq('?limit=500')).body.deadLetters;
    for (const d of listed) {
      expect(d).toMatchObject({
        channel: 'rejecting',
        code: 'retries_exhausted',
        attempts: 3,
        status: 'dead',
      });
      expect(d.reason).toBe('channel answered 500: {"error":"maintenance"}');
      expect(d.payload).toEqual({
        channel: 'rejecting',
        sku: d.sku,
        quantity: d.update.quantity,
        version: d.update.version,
      });
    }
    expect(fleet.rejecting.accepted()).toHaveLength(0);

    expect(
      (await api(gateway.url, 'POST', '/v1/channels/rejecting/dlq/replay', { body: {} })).status,
    ).toBe(401);
    expect(
      (
        await api(gateway.url, 'POST', '/v1/channels/rejecting/dlq/replay', {
          token: TEST_TOKENS.pos,
          body: {},
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(gateway.url, 'POST', '/v1/channels/nowhere/dlq/replay', {
          token: TEST_TOKENS.web,
          body: {},
        })
      ).status,
    ).toBe(404);
    const bad = await api(gateway.url, 'POST', '/v1/channels/rejecting/dlq/replay', {
      token: TEST_TOKENS.web,
      body: { skus: ['no spaces'] },
    });
    expect(bad.status).toBe(400);
    expect(fleet.rejecting.calls.filter((c) => c.status === 200)).toHaveLength(0);

    fleet.rejecting.behaviour = healthy;
    const replay = await api(gateway.url, 'POST', '/v1/channels/rejecting/dlq/replay', {
      token: TEST_TOKENS.web,
      body: { skus: ['RPL-1'] },
    });
    expect(replay).toMatchObject({
      status: 202,
      body: { channel: 'rejecting', deadLetters: 2, skus: 1 },
    });
    await waitFor(() => fleet.rejecting.accepted().length === 1, { what: 'replayed call' });
    await new Promise((r) => setTimeout(r, 500));
    expect(fleet.rejecting.accepted().map((c) => c.body)).toEqual([
      { channel: 'rejecting', sku: 'RPL-1', ...webhookFinal('RPL-1') },
    ]);
    expect(finals.get('RPL-1')!.version).toBe(2);
    await waitFor(async () => (await dlq('?status=replayed')).body.deadLetters.length === 2, {
      what: 'rows marked replayed',
    });
    expect(
      (await dlq('?status=replayed')).body.deadLetters.map((d: Json) => d.replayedVersion),
    ).toEqual([2, 2]);

    // The rest through the CLI, against the same public API.
    const cli = (args: string[]) =>
      run(process.execPath, [join(repoRoot(), 'dist/scripts/ops.js'), 'dlq', ...args], {
        env: {
          ...process.env,
          STOCKFLOW_URL: gateway.url,
          CHANNEL_TOKENS: stack.env.CHANNEL_TOKENS,
          STOCKFLOW_TOKEN: TEST_TOKENS.web,
        },
      });
    const listing = await cli(['list', 'rejecting']);
    expect(listing.stdout).toMatch(/S1 .* retries_exhausted +3 +dead +channel answered 500/);
    const replayed = await cli(['replay', 'rejecting']);
    expect(replayed.stdout).toMatch(/replaying \d+ dead letter\(s\) of rejecting: 12 SKU\(s\)/);
    await webhookHasFinals(fleet.rejecting, refused);
    for (const sku of SKUS)
      expect(fleet.rejecting.accepted().filter((c) => c.body.sku === sku)).toHaveLength(1);
    await expect(cli(['list'])).rejects.toMatchObject({ code: 64 });
  });

  it('brings the slow channel (5 s a call) to the newest values too', async () => {
    await webhookHasFinals(fleet.slow, [...SKUS, 'BURST-1'], 90_000);
  });

  it('holds a channel to its rate limit: at 1 call/s the rounds coalesce into about one call per SKU', async () => {
    await webhookHasFinals(fleet.limited, [...SKUS, 'BURST-1'], 60_000);
    const calls = fleet.limited.calls.filter((c) => SKUS.includes(c.body.sku));
    // 50 changes arrived within a few seconds; a channel without the limit gets each round (~5 calls per SKU).
    // At 1 call/s only the calls made while rounds were still arriving can carry an older version.
    expect(calls.length).toBeLessThanOrEqual(SKUS.length + 8);
    const span = (calls.at(-1)!.at - calls[0].at) / 1000;
    console.log(
      `rate-limited channel: ${calls.length} calls for ${SKUS.length} SKUs over ${span.toFixed(1)} s`,
    );
  });

  it('lets the channel that was down for a minute catch up with the latest value only', async () => {
    await waitFor(() => fleet.down.listening, {
      timeoutMs: OUTAGE_MS + 10_000,
      what: 'the outage to end',
    });
    const metrics = await (await fetch(`${channelSync.url}/metrics`)).text();
    expect(
      Number(
        /stockflow_channel_sync_calls_total\{channel="down",outcome="retry"\} (\d+)/.exec(
          metrics,
        )?.[1] ?? 0,
      ),
    ).toBeGreaterThan(0);
    const all = [...SKUS, 'BURST-1', 'AFTER-POISON', 'RPL-1'];
    await webhookHasFinals(fleet.down, all);
    await new Promise((r) => setTimeout(r, 1000));
    for (const sku of all) {
      const calls = fleet.down.calls.filter((c) => c.body.sku === sku);
      expect(calls.map((c) => c.body.version)).toEqual([finals.get(sku)!.version]);
    }
    expect(fleet.down.calls.every((c) => c.at >= backAt)).toBe(true);
  });

  it('loses no final value when channel-sync is killed with SIGKILL mid-delivery and restarted', async () => {
    const slowBefore = fleet.slow.calls.length;
    await postRound(6);
    await ledgerAt(6);
    // The slow channel has some of round 6 in flight and the rest waiting: kill now.
    await waitFor(() => fleet.slow.calls.length > slowBefore, {
      what: 'slow channel to get a round-6 call',
    });
    await channelSync.kill();
    const deliveredBeforeKill = new Set(
      fleet.slow.calls.filter((c) => c.body.version === 6).map(bySku),
    );
    expect(deliveredBeforeKill.size).toBeLessThan(SKUS.length);

    channelSync = await startService('channel-sync', syncEnv, { port: channelSync.port });
    for (const receiver of [
      fleet.healthy,
      fleet.flaky,
      fleet.throttled,
      fleet.down,
      fleet.rejecting,
    ])
      await webhookHasFinals(receiver, SKUS);
    await webhookHasFinals(fleet.slow, SKUS, 60_000);
    for (const sku of SKUS)
      expect(fleet.slow.latestBy(bySku).get(sku)).toEqual({
        channel: 'slow',
        sku,
        ...webhookFinal(sku),
      });
  });

  it('stops cleanly on SIGTERM and commits what it delivered: a restart sends nothing again', async () => {
    await webhookHasFinals(fleet.slow, SKUS, 60_000);
    const callsBefore = fleet.healthy.calls.length;
    const code = await channelSync.stop();
    // Nest re-raises SIGTERM once its shutdown hooks are done: a clean exit ends by that signal
    // (not by the harness's SIGKILL fallback, nor exit 1 from the shutdown deadline).
    expect(code ?? channelSync.child.signalCode).toBe(code === 0 ? 0 : 'SIGTERM');
    channelSync = await startService('channel-sync', syncEnv, { port: channelSync.port });
    // Anything read again from an uncommitted offset would be sent at once (a new process knows nothing delivered).
    await new Promise((r) => setTimeout(r, 3000));
    expect(fleet.healthy.calls.length).toBe(callsBefore);
  });
});
