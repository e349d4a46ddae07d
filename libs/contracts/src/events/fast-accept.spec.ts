import fc from 'fast-check';
import { inventoryEventArb } from '@stockflow/testing';
import { fastAccept } from './fast-accept';
import { parseEvent, validateFully } from './parse-event';

// Values a field may be broken into: wrong types, edge numbers, odd strings.
const brokenValue = fc.oneof(
  fc.constantFrom(undefined, null, '', ' ', 0, -1, 1.5, 1e10, NaN, true, [], {}, 'x'.repeat(200)),
  fc.integer(),
  fc.string(),
  fc.constantFrom(
    '2026-02-30T10:00:00Z',
    '2026-11-25T24:00:00Z',
    '2026-11-25',
    'not-a-uuid',
    'bad sku!',
  ),
);

/** A valid event with one field replaced, removed or added. */
const mutatedEventArb = fc
  .tuple(inventoryEventArb, fc.string({ minLength: 1, maxLength: 16 }), brokenValue, fc.nat())
  .map(([event, extraKey, value, pick]) => {
    const copy: Record<string, unknown> = { ...event };
    const keys = Object.keys(copy);
    const key = pick % 3 === 0 ? extraKey : keys[pick % keys.length];
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  });

describe('fastAccept (the ledger hot path)', () => {
  it('accepts only what the full class-validator rules accept', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          inventoryEventArb as unknown as fc.Arbitrary<Record<string, unknown>>,
          mutatedEventArb,
        ),
        (raw) => {
          if (fastAccept(raw)) expect(validateFully(raw).ok).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts the common well-formed event, so the fast path is actually taken', () => {
    // State moves and incoming are rare (ERP/WMS writes): they always take the full path.
    const rare = new Set(['StockStateChanged', 'StockIncoming', 'IncomingCancelled']);
    fc.assert(
      fc.property(
        inventoryEventArb.filter((e) => !rare.has(e.type)),
        (event) => {
          const utc = { ...event, occurredAt: '2026-11-25T10:00:00.000Z' };
          expect(fastAccept(utc as unknown as Record<string, unknown>)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives parseEvent the same verdict as full validation', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          inventoryEventArb as unknown as fc.Arbitrary<Record<string, unknown>>,
          mutatedEventArb,
        ),
        (raw) => {
          expect(parseEvent(raw).ok).toBe(validateFully(raw).ok);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
