import fc from 'fast-check';
import { InventoryEvent } from '@stockflow/contracts';
import { eventLogArb, inventoryEventArb, makeEvent } from '@stockflow/testing';
import { JournalEntry } from './journal-entry';
import { LedgerState, emptyLedger, foldEvents } from './ledger-state';

/**
 * The laws the rest of the system leans on: the ledger consumer batches freely,
 * re-reads after a crash, replays from the start, and trusts these to hold.
 * Logs come from `eventLogArb`: valid events over a few SKUs, locations and
 * reservation ids, with re-emitted eventIds, over-draws and SKU mismatches.
 */
const RUNS = { numRuns: 300 };
const log = eventLogArb({ maxLength: 50 });

function fold(events: readonly InventoryEvent[], state: LedgerState = emptyLedger()) {
  return foldEvents(state, events);
}

type Step = {
  outcome: 'applied' | 'refused' | 'duplicate';
  before: LedgerState;
  after: LedgerState;
};

/** Folds one event at a time so a law can look at the state around each event. */
function foldStepwise(events: readonly InventoryEvent[]): Step[] {
  let state = emptyLedger();
  return events.map((event) => {
    const result = foldEvents(state, [event]);
    const outcome = result.entries.length
      ? 'applied'
      : result.refusals.length
        ? 'refused'
        : 'duplicate';
    const step = { outcome, before: state, after: result.state } as const;
    state = result.state;
    return step;
  });
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function entriesFor(entries: JournalEntry[], sku: string): JournalEntry[] {
  return entries.filter((e) => e.sku === sku);
}

/** Freezes plain objects and arrays; Maps and Sets are covered by the snapshot comparison. */
function deepFreeze<T>(value: T): T {
  if (value instanceof Map) value.forEach((v) => deepFreeze(v));
  else if (value instanceof Set) value.forEach((v) => deepFreeze(v));
  else if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('laws of foldEvents', () => {
  describe('(a) idempotence', () => {
    it('applying an event twice is the same as applying it once', () => {
      const eventFromLogOrFresh = fc
        .tuple(log, inventoryEventArb, fc.nat())
        .map(([events, fresh, pick]) => ({
          events,
          event: events.length && pick % 3 ? events[pick % events.length] : fresh,
        }));
      fc.assert(
        fc.property(eventFromLogOrFresh, ({ events, event }) => {
          const state = fold(events).state;
          expect(fold([event, event], state).state).toEqual(fold([event], state).state);
        }),
        RUNS,
      );
    });

    it('re-delivering any prefix of the log changes nothing the log already applied', () => {
      fc.assert(
        fc.property(log, fc.nat(), (events, cut) => {
          const prefix = events.slice(0, cut % (events.length + 1));
          const full = fold(events);
          const alreadyApplied = prefix.filter((e) => full.state.applied.has(e.eventId));

          const replay = fold(alreadyApplied, full.state);
          expect(replay.state).toEqual(full.state);
          expect(replay.entries).toEqual([]);
          expect(replay.duplicates).toEqual(alreadyApplied.map((e) => e.eventId));

          // Replaying the whole prefix never re-applies what was applied; only
          // events that were refused are judged again (see the next test).
          const entriesOfWholePrefix = fold(prefix, full.state).entries;
          expect(entriesOfWholePrefix.filter((e) => full.state.applied.has(e.eventId))).toEqual([]);
        }),
        RUNS,
      );
    });

    it('does not remember a refused event: delivered again once valid, it applies', () => {
      // Documents the current choice: only applied eventIds are deduped, so a
      // release that arrived before its reservation can still take effect later.
      const release = makeEvent('ReservationReleased', {
        sku: 'SKU-A',
        reservationId: 'ord:o-1:0',
        quantity: 1,
        reason: 'cart_cancel',
      });
      const reserve = makeEvent('StockReserved', {
        sku: 'SKU-A',
        reservationId: 'ord:o-1:0',
        quantity: 2,
      });

      const result = fold([release, reserve, release]);

      expect(result.refusals.map((r) => r.code)).toEqual(['unknown_reservation']);
      expect(result.entries.map((e) => e.eventId)).toEqual([reserve.eventId, release.eventId]);
      expect(result.state.stock.get('SKU-A')?.reserved).toBe(1);
    });
  });

  it('(b) onHand, every location and reserved equal the signed sums of the journal', () => {
    fc.assert(
      fc.property(log, (events) => {
        const { state, entries } = fold(events);
        for (const [sku, stock] of state.stock) {
          const journal = entriesFor(entries, sku);
          expect(stock.onHand).toBe(sum(journal.map((e) => e.onHandDelta)));
          expect(stock.reserved).toBe(sum(journal.map((e) => e.reservedDelta)));
          expect(stock.onHand).toBe(sum(Object.values(stock.locations).map((l) => l.onHand)));
          for (const [locationId, { onHand }] of Object.entries(stock.locations)) {
            const deltas = journal
              .flatMap((e) => e.locationDeltas)
              .filter((d) => d.locationId === locationId);
            expect(onHand).toBe(sum(deltas.map((d) => d.delta)));
          }
        }
        for (const entry of entries) {
          expect(entry.onHandDelta).toBe(sum(entry.locationDeltas.map((d) => d.delta)));
        }
      }),
      RUNS,
    );
  });

  it('(c) after every event, reserved is never negative and equals the open quantity of its reservations', () => {
    fc.assert(
      fc.property(log, (events) => {
        for (const { after } of foldStepwise(events)) {
          const reservations = [...after.reservations.values()];
          const reserved = [...after.stock.values()].map((stock) => ({
            sku: stock.sku,
            reserved: stock.reserved,
          }));
          const openBySku = [...after.stock.keys()].map((sku) => ({
            sku,
            reserved: sum(reservations.filter((r) => r.sku === sku).map((r) => r.open)),
          }));
          // One expect per step keeps 300 runs of ~25 steps fast.
          expect({
            reserved,
            negativeReserved: reserved.filter((s) => s.reserved < 0),
            openOutOfRange: reservations.filter((r) => r.open < 0 || r.open > r.quantity),
            reservationsWithoutStock: reservations.filter((r) => !after.stock.has(r.sku)),
          }).toEqual({
            reserved: openBySku,
            negativeReserved: [],
            openOutOfRange: [],
            reservationsWithoutStock: [],
          });
        }
      }),
      RUNS,
    );
  });

  it('(d) a refused event leaves the state as it was, and the log folds the same without it', () => {
    fc.assert(
      fc.property(log, (events) => {
        const steps = foldStepwise(events);
        const final = fold(events).state;
        steps.forEach(({ outcome, before, after }, index) => {
          if (outcome === 'applied') return;
          expect(after).toEqual(before);
          if (outcome === 'refused') {
            const withoutIt = [...events.slice(0, index), ...events.slice(index + 1)];
            expect(fold(withoutIt).state).toEqual(final);
          }
        });
      }),
      RUNS,
    );
  });

  it('(e) a SKU version counts the events applied to it, and journal versions run 1..n', () => {
    fc.assert(
      fc.property(log, (events) => {
        const { state, entries } = fold(events);
        for (const [sku, stock] of state.stock) {
          const versions = entriesFor(entries, sku).map((e) => e.version);
          expect(stock.version).toBe(versions.length);
          expect(versions).toEqual(versions.map((_, i) => i + 1));
        }
      }),
      RUNS,
    );
  });

  it('(f) batch boundaries do not matter: one batch equals any split into consecutive batches', () => {
    fc.assert(
      fc.property(log, log, fc.array(fc.nat(), { maxLength: 8 }), (earlier, events, rawCuts) => {
        const start = fold(earlier).state;
        const cuts = [...new Set(rawCuts.map((c) => c % (events.length + 1)))].sort(
          (a, b) => a - b,
        );
        const bounds = [0, ...cuts, events.length];

        let state = start;
        const entries: JournalEntry[] = [];
        const refusals: unknown[] = [];
        const duplicates: string[] = [];
        for (let i = 1; i < bounds.length; i++) {
          const batch = fold(events.slice(bounds[i - 1], bounds[i]), state);
          state = batch.state;
          entries.push(...batch.entries);
          refusals.push(...batch.refusals);
          duplicates.push(...batch.duplicates);
        }

        const whole = fold(events, start);
        expect(state).toEqual(whole.state);
        expect(entries).toEqual(whole.entries);
        expect(refusals).toEqual(whole.refusals);
        expect(duplicates).toEqual(whole.duplicates);
      }),
      RUNS,
    );
  });

  it('(g) never mutates the input state or the events', () => {
    fc.assert(
      fc.property(log, log, (earlier, events) => {
        const state = deepFreeze(fold(earlier).state);
        deepFreeze(events);
        const before = structuredClone({ state, events });

        fold(events, state);

        expect({ state, events }).toEqual(before);
      }),
      RUNS,
    );
  });
});
