import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Answer, Behaviour, ChannelReceiver, healthy } from '@stockflow/testing';

/** The channels of the e2e suite, each served by a receiver that behaves in its own way. */
export const SKUS = Array.from({ length: 10 }, (_, i) => `S${i + 1}`);
/** Shopify item ids of the SKUs the shop lists (S1..S5); the rest are not sold there. */
export const SHOP_ITEMS: Record<string, number> = Object.fromEntries(
  SKUS.slice(0, 5).map((sku, i) => [sku, 7001 + i]),
);
export const OUTAGE_MS = 60_000;

/** Fails the first `n` calls with 500, then answers 200. */
export const failingFirst =
  (n: number): Behaviour =>
  (_, i) =>
    i < n ? { status: 500, body: '{"error":"flaky"}' } : { status: 200 };
/** Answers 429 with Retry-After: 1 to the first `n` calls. */
export const throttlingFirst =
  (n: number): Behaviour =>
  (_, i) =>
    i < n
      ? { status: 429, headers: { 'retry-after': '1' }, body: '{"error":"slow down"}' }
      : { status: 200 };
export const slow =
  (ms: number): Behaviour =>
  () => ({ status: 200, delayMs: ms });
export const rejecting: Behaviour = (): Answer => ({
  status: 500,
  body: '{"error":"maintenance"}',
});

export interface Fleet {
  healthy: ChannelReceiver;
  shop: ChannelReceiver;
  flaky: ChannelReceiver;
  throttled: ChannelReceiver;
  slow: ChannelReceiver;
  down: ChannelReceiver;
  rejecting: ChannelReceiver;
  limited: ChannelReceiver;
  channelsFile: string;
  close(): Promise<void>;
}

export async function startFleet(): Promise<Fleet> {
  const receivers = {
    healthy: await ChannelReceiver.start({ secret: 'healthy-secret' }),
    shop: await ChannelReceiver.start(),
    flaky: await ChannelReceiver.start({ secret: 'flaky-secret', behaviour: failingFirst(3) }),
    throttled: await ChannelReceiver.start({
      secret: 'throttled-secret',
      behaviour: throttlingFirst(2),
    }),
    slow: await ChannelReceiver.start({ secret: 'slow-secret', behaviour: slow(5_000) }),
    down: await ChannelReceiver.start({ secret: 'down-secret', down: true }),
    rejecting: await ChannelReceiver.start({ secret: 'rejecting-secret', behaviour: rejecting }),
    limited: await ChannelReceiver.start({ secret: 'limited-secret' }),
  };
  const webhook = (name: keyof typeof receivers, extra: object = {}) => ({
    name,
    adapter: 'webhook',
    endpoint: `${receivers[name].url}/hooks/stock`,
    secret: `${name}-secret`,
    safetyStock: 2,
    ...extra,
  });
  const channels = [
    webhook('healthy', { skuSafetyStock: { S1: 0 } }),
    {
      name: 'shop',
      adapter: 'shopify',
      endpoint: receivers.shop.url,
      secret: 'shpat_test',
      safetyStock: 1,
      locationId: 555,
      inventoryItemIds: SHOP_ITEMS,
    },
    webhook('flaky', { retryBaseMs: 50, retryMaxMs: 200, maxAttempts: 10 }),
    webhook('throttled', { concurrency: 1 }),
    webhook('slow', { concurrency: 4, timeoutMs: 10_000 }),
    // Retries outlast the outage (2 s apart at most), so it must catch up by itself.
    webhook('down', { retryBaseMs: 200, retryMaxMs: 2_000, maxAttempts: 1_000 }),
    webhook('rejecting', { retryBaseMs: 50, retryMaxMs: 100, maxAttempts: 3, operators: ['web'] }),
    webhook('limited', { ratePerSecond: 1 }),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'channel-sync-e2e-'));
  const channelsFile = join(dir, 'channels.json');
  writeFileSync(channelsFile, JSON.stringify(channels, null, 2));
  return {
    ...receivers,
    channelsFile,
    close: async () => {
      await Promise.all(Object.values(receivers).map((r) => r.close()));
    },
  };
}

export { healthy };
