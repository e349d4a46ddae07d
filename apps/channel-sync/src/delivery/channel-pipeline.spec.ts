import { ChannelAvailabilityMessage, ChannelStockUpdate, PoolEvent } from '@stockflow/contracts';
import { ChannelDefinition, PoolView } from '@stockflow/channels';
import { PoolDirectory, emptyDirectory, foldPoolEvent } from '@stockflow/ledger-core';
import { ChannelAdapter, DeliveryOutcome, PreparedRequest } from '../adapters/channel-adapter';
import { ChannelPipeline } from './channel-pipeline';

function define(
  directory: PoolDirectory,
  poolId: string,
  locations: string[],
  channels: string[],
): PoolDirectory {
  const event = {
    eventId: 'e',
    type: 'PoolDefined',
    poolId,
    occurredAt: '2026-12-01T00:00:00.000Z',
    schemaVersion: 1,
    locations: locations.map((locationId, i) => ({ locationId, priority: i + 1 })),
    channels,
  } as PoolEvent;
  const outcome = foldPoolEvent(directory, event);
  if (!outcome.applied) throw new Error(outcome.reason);
  return outcome.directory;
}

/** An adapter that records what it sends and answers 200. */
class RecordingAdapter implements ChannelAdapter {
  readonly sent: ChannelStockUpdate[] = [];
  lists = () => true;
  prepare(update: ChannelStockUpdate): PreparedRequest {
    this.sent.push(update);
    return { path: '/', headers: {}, body: JSON.stringify(update), payload: update };
  }
  send = (): Promise<DeliveryOutcome> => Promise.resolve({ ok: true, status: 200 });
  close = async () => undefined;
}

describe('ChannelPipeline with pools', () => {
  const definition = Object.assign(new ChannelDefinition(), {
    name: 'web',
    adapter: 'webhook',
    endpoint: 'http://x',
    secret: 's',
    safetyStock: 1,
  });
  const settings = {
    definition,
    concurrency: 4,
    timeoutMs: 1000,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    operators: ['web'],
  };
  let pools: PoolView;
  let published: ChannelAvailabilityMessage[];
  let adapter: RecordingAdapter;
  let pipeline: ChannelPipeline;
  const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
  const level = (version: number, wh: number, shop: number) => ({
    sku: 'S',
    version,
    available: wh + shop,
    locations: [
      { locationId: 'shop-1', available: shop },
      { locationId: 'wh-1', available: wh },
    ],
  });

  beforeEach(() => {
    pools = { directory: define(emptyDirectory(), 'warehouses', ['wh-1'], ['web']), version: 1 };
    published = [];
    adapter = new RecordingAdapter();
    pipeline = new ChannelPipeline(settings, adapter, {
      deadLetter: async () => undefined,
      replaySettled: () => undefined,
      availability: (m) => published.push(m),
      pools: () => pools,
    });
  });

  afterEach(() => pipeline.stop());

  it("sends its own pool's sellable with the composite version and publishes the same numbers", async () => {
    pipeline.offer(level(3, 10, 4));
    await flush();
    expect(adapter.sent).toEqual([
      expect.objectContaining({
        sku: 'S',
        quantity: 9,
        available: 10,
        version: 4,
        ledgerVersion: 3,
        poolVersion: 1,
      }),
    ]);
    expect(published).toEqual([
      expect.objectContaining({
        channel: 'web',
        poolId: 'warehouses',
        available: 10,
        sellable: 9,
        version: 4,
      }),
    ]);
  });

  it('re-sends after a pool change with a newer version although the ledger version stayed', async () => {
    pipeline.offer(level(3, 10, 4));
    await flush();
    pools = {
      directory: define(pools.directory, 'warehouses', ['wh-1', 'shop-1'], ['web']),
      version: 2,
    };
    expect(pipeline.resend(level(3, 10, 4))).toBe('queued');
    await flush();
    expect(adapter.sent.map((u) => [u.quantity, u.version])).toEqual([
      [9, 4],
      [13, 5],
    ]);
    expect(published.map((m) => m.version)).toEqual([4, 5]);
  });

  it('skips a SKU the feed already offered under the new pools, and defers one whose table row is behind the feed', async () => {
    pools = { directory: pools.directory, version: 2 };
    pipeline.offer(level(5, 10, 4));
    expect(pipeline.resend(level(5, 10, 4))).toBe('current');
    pools = {
      directory: define(pools.directory, 'warehouses', ['wh-1', 'shop-1'], ['web']),
      version: 3,
    };
    expect(pipeline.resend(level(4, 10, 4))).toBe('deferred');
    expect(pipeline.resend(level(5, 10, 4))).not.toBe('deferred');
  });
});
