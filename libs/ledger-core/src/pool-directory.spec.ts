import { PoolEvent } from '@stockflow/contracts';
import {
  emptyDirectory,
  foldPoolEvent,
  foldPoolMessages,
  poolIdOfChannel,
  poolOfChannel,
} from './pool-directory';
import { poolAvailable, poolsAvailable, sellable } from './pool-availability';
import { emptyLocation, emptyStock } from './stock-state';

let n = 0;
function defined(
  poolId: string,
  channels: string[],
  locations = [{ locationId: 'wh', priority: 1 }],
): PoolEvent {
  return {
    eventId: `e-${++n}`,
    type: 'PoolDefined',
    poolId,
    channels,
    locations,
    occurredAt: '2026-12-01T00:00:00Z',
    schemaVersion: 1,
  };
}
function fold(...events: PoolEvent[]) {
  let directory = emptyDirectory();
  const refused: string[] = [];
  for (const e of events) {
    const out = foldPoolEvent(directory, e);
    if (out.applied) directory = out.directory;
    else refused.push(out.code);
  }
  return { directory, refused };
}

describe('foldPoolEvent', () => {
  it('defines a pool, orders its locations by priority, and counts its versions', () => {
    const { directory } = fold(
      defined(
        'web',
        ['web'],
        [
          { locationId: 'shop', priority: 2 },
          { locationId: 'wh-b', priority: 1 },
          { locationId: 'wh-a', priority: 1 },
        ],
      ),
      defined('web', ['web', 'amazon']),
    );
    expect(directory.pools.get('web')).toMatchObject({ version: 2, channels: ['amazon', 'web'] });
    const first = fold(
      defined(
        'web',
        ['web'],
        [
          { locationId: 'shop', priority: 2 },
          { locationId: 'wh-b', priority: 1 },
          { locationId: 'wh-a', priority: 1 },
        ],
      ),
    );
    expect(first.directory.pools.get('web')!.locations.map((l) => l.locationId)).toEqual([
      'wh-a',
      'wh-b',
      'shop',
    ]);
  });

  it('refuses a definition that puts a channel in a second pool, changing nothing', () => {
    const { directory, refused } = fold(defined('web', ['web']), defined('pos', ['pos', 'web']));
    expect(refused).toEqual(['channel_in_other_pool']);
    expect([...directory.pools.keys()]).toEqual(['web']);
    expect(poolIdOfChannel(directory, 'pos')).toBe('default');
  });

  it('lets a redefinition drop a channel, which then sells from default', () => {
    const { directory } = fold(defined('web', ['web', 'amazon']), defined('web', ['web']));
    expect(poolIdOfChannel(directory, 'amazon')).toBe('default');
    expect(poolOfChannel(directory, 'web')?.poolId).toBe('web');
  });

  it('deletes a pool (its channels go back to default) and refuses deleting an unknown one', () => {
    const del = (poolId: string): PoolEvent => ({
      eventId: `d-${++n}`,
      type: 'PoolDeleted',
      poolId,
      occurredAt: '2026-12-01T00:00:00Z',
      schemaVersion: 1,
    });
    const { directory, refused } = fold(defined('web', ['web']), del('web'), del('web'));
    expect(refused).toEqual(['unknown_pool']);
    expect(directory.pools.size).toBe(0);
    expect(poolIdOfChannel(directory, 'web')).toBe('default');
  });
});

describe('poolAvailable', () => {
  const stock = {
    ...emptyStock('S'),
    locations: {
      shop: { ...emptyLocation(), onHand: 1, committed: 3 },
      wh: { ...emptyLocation(), onHand: 10, damaged: 2 },
    },
  };

  it('sums the pool locations, counting a location below zero as 0', () => {
    const { directory } = fold(
      defined('pos', ['pos'], [{ locationId: 'shop', priority: 1 }]),
      defined(
        'web',
        ['web'],
        [
          { locationId: 'wh', priority: 1 },
          { locationId: 'shop', priority: 2 },
        ],
      ),
    );
    expect(poolAvailable(stock, directory.pools.get('pos'))).toBe(0);
    expect(poolAvailable(stock, directory.pools.get('web'))).toBe(8);
    expect(poolsAvailable(stock, directory)).toEqual([
      { poolId: 'default', available: 8 },
      { poolId: 'pos', available: 0 },
      { poolId: 'web', available: 8 },
    ]);
  });

  it('sells available less safety stock, never below zero', () => {
    expect(sellable(8, 3)).toBe(5);
    expect(sellable(2, 3)).toBe(0);
  });
});

describe('foldPoolMessages', () => {
  const message = (value: unknown, offset: number) => ({
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    offset: String(offset),
  });

  it('folds the log in order and skips what is not a pool event', () => {
    const directory = foldPoolMessages(emptyDirectory(), [
      message(defined('web', ['web', 'app']), 0),
      message('not json', 1),
      message({ type: 'PoolDefined' }, 2),
      message(defined('store', ['pos']), 3),
    ]);
    expect([...directory.pools.keys()].sort()).toEqual(['store', 'web']);
    expect(poolIdOfChannel(directory, 'app')).toBe('web');
    expect(poolIdOfChannel(directory, 'pos')).toBe('store');
  });

  it('keeps the directory it was given when a message is refused', () => {
    const start = foldPoolMessages(emptyDirectory(), [message(defined('web', ['web']), 0)]);
    const after = foldPoolMessages(start, [message(defined('other', ['web']), 1)]);
    expect(poolIdOfChannel(after, 'web')).toBe('web');
    expect(after.pools.has('other')).toBe(false);
  });
});
