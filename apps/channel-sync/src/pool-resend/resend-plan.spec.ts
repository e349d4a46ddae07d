import { PoolEvent } from '@stockflow/contracts';
import { PoolDirectory, emptyDirectory, foldPoolEvent } from '@stockflow/ledger-core';
import { affectedChannels, movedAvailability } from './resend-plan';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function apply(
  directory: PoolDirectory,
  event: DistributiveOmit<PoolEvent, 'eventId' | 'occurredAt' | 'schemaVersion'>,
): PoolDirectory {
  const outcome = foldPoolEvent(directory, {
    eventId: 'e',
    occurredAt: '2026-12-01T00:00:00.000Z',
    schemaVersion: 1,
    ...event,
  } as PoolEvent);
  if (!outcome.applied) throw new Error(outcome.reason);
  return outcome.directory;
}
const define = (d: PoolDirectory, poolId: string, locations: string[], channels: string[]) =>
  apply(d, {
    type: 'PoolDefined',
    poolId,
    locations: locations.map((locationId, i) => ({ locationId, priority: i + 1 })),
    channels,
  });

const CHANNELS = ['web', 'pos', 'amazon'];

describe('affectedChannels', () => {
  const base = define(emptyDirectory(), 'warehouses', ['wh-1', 'wh-2'], ['web']);

  it('names the channels of the old and the new definition', () => {
    const after = define(base, 'warehouses', ['wh-1'], ['pos']);
    expect(affectedChannels(base, after, CHANNELS)).toEqual(['web', 'pos']);
  });

  it('leaves out a channel whose pool kept the same locations (a priority change moves no number)', () => {
    const reordered = define(base, 'warehouses', ['wh-2', 'wh-1'], ['web']);
    expect(affectedChannels(base, reordered, CHANNELS)).toEqual([]);
  });

  it('includes the channels of a deleted pool (back to default) and not the others', () => {
    const after = apply(base, { type: 'PoolDeleted', poolId: 'warehouses' });
    expect(affectedChannels(base, after, CHANNELS)).toEqual(['web']);
  });

  it('includes a channel that moves to another pool with the same locations (its poolId changes)', () => {
    const moved = define(
      apply(base, { type: 'PoolDeleted', poolId: 'warehouses' }),
      'dcs',
      ['wh-1', 'wh-2'],
      ['web'],
    );
    expect(affectedChannels(base, moved, CHANNELS)).toEqual(['web']);
  });

  it('ignores channels that are not in the channels file', () => {
    const after = define(base, 'marketplace', ['wh-2'], ['ebay']);
    expect(affectedChannels(base, after, CHANNELS)).toEqual([]);
  });
});

describe('movedAvailability', () => {
  const before = { directory: define(emptyDirectory(), 'shop', ['shop-1'], ['pos']), version: 1 };
  const after = {
    directory: define(before.directory, 'shop', ['shop-1', 'wh-1'], ['pos']),
    version: 2,
  };
  const level = (locations: Record<string, number>) => ({
    sku: 'S',
    version: 4,
    available: 0,
    locations: Object.entries(locations).map(([locationId, available]) => ({
      locationId,
      available,
    })),
  });

  it('re-sends a SKU whose pool available moved, with the new numbers and a newer version', () => {
    const moved = movedAvailability('pos', level({ 'shop-1': 2, 'wh-1': 5 }), before, after, {
      safetyStock: 1,
    });
    expect(moved).toMatchObject({
      poolId: 'shop',
      available: 7,
      sellable: 6,
      ledgerVersion: 4,
      poolVersion: 2,
      version: 6,
    });
  });

  it('skips a SKU the added location does not hold', () => {
    expect(
      movedAvailability('pos', level({ 'shop-1': 2, 'wh-2': 5 }), before, after, {
        safetyStock: 0,
      }),
    ).toBeUndefined();
  });

  it('skips a SKU whose added location is oversold (it counts 0)', () => {
    expect(
      movedAvailability('pos', level({ 'shop-1': 2, 'wh-1': -3 }), before, after, {
        safetyStock: 0,
      }),
    ).toBeUndefined();
  });

  it('re-sends when the available moved even if the sellable stays 0 (the topic shows available)', () => {
    const moved = movedAvailability('pos', level({ 'shop-1': 0, 'wh-1': 3 }), before, after, {
      safetyStock: 10,
    });
    expect(moved).toMatchObject({ available: 3, sellable: 0 });
  });
});
