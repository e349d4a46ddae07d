import fc from 'fast-check';
import { PoolDefinition } from '@stockflow/contracts';
import {
  emptyDirectory,
  emptyLocation,
  foldPoolEvent,
  poolAvailable,
  PoolDirectory,
  stockSnapshot,
  StockState,
} from '@stockflow/ledger-core';
import { channelAvailability, poolAvailableAt, PoolView } from './channel-availability';

const level = {
  sku: 'TEE-1',
  version: 7,
  available: 11,
  locations: [
    { locationId: 'shop-1', available: -2 },
    { locationId: 'wh-1', available: 10 },
    { locationId: 'wh-2', available: 3 },
  ],
};

function define(
  directory: PoolDirectory,
  poolId: string,
  locations: string[],
  channels: string[],
): PoolDirectory {
  const outcome = foldPoolEvent(directory, {
    eventId: `e-${poolId}`,
    type: 'PoolDefined',
    poolId,
    occurredAt: '2026-12-01T00:00:00.000Z',
    schemaVersion: 1,
    locations: locations.map((locationId, i) => ({ locationId, priority: i + 1 })),
    channels,
  });
  if (!outcome.applied) throw new Error(outcome.reason);
  return outcome.directory;
}

describe('channelAvailability', () => {
  const directory = define(
    define(emptyDirectory(), 'warehouses', ['wh-1', 'wh-2'], ['web']),
    'shop',
    ['shop-1'],
    ['pos'],
  );
  const pools: PoolView = { directory, version: 2 };

  it("sums the channel's pool's locations and holds back the channel's safety stock", () => {
    expect(channelAvailability('web', level, pools, { safetyStock: 4 })).toEqual({
      channel: 'web',
      poolId: 'warehouses',
      sku: 'TEE-1',
      available: 13,
      sellable: 9,
      version: 9,
      ledgerVersion: 7,
      poolVersion: 2,
    });
  });

  it('counts an oversold location as 0 and never sells below 0', () => {
    expect(channelAvailability('pos', level, pools, { safetyStock: 0 })).toMatchObject({
      poolId: 'shop',
      available: 0,
      sellable: 0,
    });
  });

  it('sells a channel in no pool from every location (default) and holds nothing back without a channels-file entry', () => {
    expect(channelAvailability('amazon', level, pools, undefined)).toMatchObject({
      poolId: 'default',
      available: 13,
      sellable: 13,
    });
  });

  it('uses the per-SKU safety stock over the channel-wide one', () => {
    expect(
      channelAvailability('web', level, pools, { safetyStock: 4, skuSafetyStock: { 'TEE-1': 12 } })
        .sellable,
    ).toBe(1);
  });

  it('falls back to the total available for the default pool when a message has no locations, and 0 for a defined pool', () => {
    const legacy = { sku: 'TEE-1', version: 3, available: 5 };
    expect(channelAvailability('amazon', legacy, pools, undefined)).toMatchObject({
      available: 5,
      sellable: 5,
    });
    expect(channelAvailability('web', legacy, pools, undefined)).toMatchObject({
      available: 0,
      sellable: 0,
    });
  });

  it('gives a newer version after a pool change even when the ledger version stayed', () => {
    const before = channelAvailability('web', level, pools, undefined);
    const after = channelAvailability(
      'web',
      level,
      { directory: define(directory, 'warehouses', ['wh-1'], ['web']), version: 3 },
      undefined,
    );
    expect(after.ledgerVersion).toBe(before.ledgerVersion);
    expect(after.version).toBeGreaterThan(before.version);
  });
});

describe('poolAvailableAt', () => {
  const locationArb = fc.record({
    onHand: fc.integer({ min: -5, max: 20 }),
    committed: fc.integer({ min: 0, max: 10 }),
    reserved: fc.integer({ min: 0, max: 10 }),
    damaged: fc.integer({ min: 0, max: 3 }),
  });

  it("agrees with ledger-core's poolAvailable on the full state (the GET /v1/stock pools)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), locationArb),
        fc.subarray(['a', 'b', 'c', 'e']),
        (locations, members) => {
          const state: StockState = {
            sku: 'S',
            locations: Object.fromEntries(
              Object.entries(locations).map(([id, l]) => [id, { ...emptyLocation(), ...l }]),
            ),
            onHand: 0,
            reserved: 0,
            version: 1,
          };
          const pool: PoolDefinition = {
            poolId: 'p',
            locations: members.map((locationId) => ({ locationId, priority: 1 })),
            channels: [],
            version: 1,
          };
          const level = {
            sku: 'S',
            version: 1,
            available: 0,
            locations: stockSnapshot(state).locations,
          };
          expect(poolAvailableAt(level, pool)).toBe(poolAvailable(state, pool));
          expect(poolAvailableAt(level, undefined)).toBe(poolAvailable(state, undefined));
        },
      ),
    );
  });
});
