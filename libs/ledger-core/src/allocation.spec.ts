import fc from 'fast-check';
import { Candidate, allocateInOrder, allocateOrder } from './allocation';

const candidates = fc
  .array(
    fc.record({
      locationId: fc.constantFrom('a', 'b', 'c', 'd'),
      available: fc.integer({ min: -3, max: 8 }),
    }),
    { maxLength: 4 },
  )
  .map((rows) => rows.filter((r, i) => rows.findIndex((x) => x.locationId === r.locationId) === i));

describe('allocateInOrder', () => {
  it('takes from the first location until it is empty, then the next (priority order)', () => {
    expect(
      allocateInOrder(
        [
          { locationId: 'shop', available: 2 },
          { locationId: 'wh', available: 9 },
        ],
        5,
      ),
    ).toEqual({
      allocations: [
        { locationId: 'shop', quantity: 2 },
        { locationId: 'wh', quantity: 3 },
      ],
      short: 0,
    });
  });

  it('skips locations at or below zero and reports what nobody covers', () => {
    expect(
      allocateInOrder(
        [
          { locationId: 'x', available: -2 },
          { locationId: 'y', available: 1 },
        ],
        3,
      ),
    ).toEqual({
      allocations: [{ locationId: 'y', quantity: 1 }],
      short: 2,
    });
  });

  it('never takes more than a location has, and allocates exactly what it covers', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 1, max: 30 }), (cs, quantity) => {
        const { allocations, short } = allocateInOrder(cs, quantity);
        const total = allocations.reduce((t, a) => t + a.quantity, 0);
        expect(total + short).toBe(quantity);
        for (const a of allocations) {
          expect(a.quantity).toBeGreaterThan(0);
          expect(a.quantity).toBeLessThanOrEqual(
            cs.find((c) => c.locationId === a.locationId)!.available,
          );
        }
        const coverable = cs.reduce((t, c) => t + Math.max(0, c.available), 0);
        expect(short).toBe(Math.max(0, quantity - coverable));
      }),
    );
  });

  it('only moves on to a lower priority when the higher ones are exhausted', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 1, max: 30 }), (cs, quantity) => {
        const { allocations } = allocateInOrder(cs, quantity);
        const used = allocations.map((a) => cs.findIndex((c) => c.locationId === a.locationId));
        const last = Math.max(-1, ...used);
        for (let i = 0; i < last; i++) {
          const taken = allocations.find((a) => a.locationId === cs[i].locationId)?.quantity ?? 0;
          expect(taken).toBe(Math.max(0, cs[i].available));
        }
      }),
    );
  });
});

describe('allocateOrder', () => {
  const pools: Record<string, Candidate[]> = {
    A: [
      { locationId: 'shop', available: 1 },
      { locationId: 'wh', available: 4 },
    ],
    B: [{ locationId: 'shop', available: 0 }],
  };

  it('reserves all lines or none, naming every sku that falls short', () => {
    expect(
      allocateOrder(
        [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
        ],
        (s) => pools[s],
      ),
    ).toEqual({ ok: false, shortSkus: ['B'] });
    expect(allocateOrder([{ sku: 'A', quantity: 5 }], (s) => pools[s])).toEqual({
      ok: true,
      lines: [
        [
          { locationId: 'shop', quantity: 1 },
          { locationId: 'wh', quantity: 4 },
        ],
      ],
    });
  });

  it('lets lines of one sku draw on the same units, never twice', () => {
    expect(
      allocateOrder(
        [
          { sku: 'A', quantity: 3 },
          { sku: 'A', quantity: 3 },
        ],
        (s) => pools[s],
      ),
    ).toEqual({ ok: false, shortSkus: ['A'] });
    const ok = allocateOrder(
      [
        { sku: 'A', quantity: 3 },
        { sku: 'A', quantity: 2 },
      ],
      (s) => pools[s],
    );
    expect(ok).toEqual({
      ok: true,
      lines: [
        [
          { locationId: 'shop', quantity: 1 },
          { locationId: 'wh', quantity: 2 },
        ],
        [{ locationId: 'wh', quantity: 2 }],
      ],
    });
  });
});
