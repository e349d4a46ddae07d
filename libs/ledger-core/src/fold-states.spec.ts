import fc from 'fast-check';
import { InventoryEvent, isCounterReservation } from '@stockflow/contracts';
import { eventLogArb, makeEvent } from '@stockflow/testing';
import { emptyLedger, foldEvents } from './ledger-state';
import { QUANTITY_NAMES, locationQuantities } from './quantities';
import { locationAvailable } from './stock-state';

/**
 * Laws of the quantity states and of reservations at locations, over random logs
 * that mix every event type (state moves, incoming, counts with compare-and-set,
 * checkout and channel reservations with and without allocations).
 */
const log = eventLogArb({ maxLength: 60 });

describe('quantity states and reservations at locations', () => {
  it('keeps every state of every location equal to the sum of its journal deltas', () => {
    fc.assert(
      fc.property(log, (events) => {
        const { state, entries } = foldEvents(emptyLedger(), events);
        for (const [sku, stock] of state.stock) {
          for (const [locationId, location] of Object.entries(stock.locations)) {
            const q = locationQuantities(location);
            for (const name of QUANTITY_NAMES) {
              const journal = entries
                .filter((e) => e.sku === sku)
                .flatMap((e) => e.stateDeltas)
                .filter((d) => d.locationId === locationId && d.state === name)
                .reduce((t, d) => t + d.delta, 0);
              expect(q[name]).toBe(journal);
            }
            // Shopify's identity.
            expect(q.on_hand).toBe(
              q.available +
                q.committed +
                q.reserved +
                q.damaged +
                q.quality_control +
                q.safety_stock,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a state that is not derived go below zero', () => {
    fc.assert(
      fc.property(log, (events) => {
        const { state } = foldEvents(emptyLedger(), events);
        for (const stock of state.stock.values()) {
          for (const l of Object.values(stock.locations)) {
            for (const value of [
              l.committed,
              l.reserved,
              l.damaged,
              l.qualityControl,
              l.safetyStock,
              ...Object.values(l.incoming),
            ]) {
              expect(value).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps each location's committed and held units equal to its open reservations' allocations", () => {
    fc.assert(
      fc.property(log, (events) => {
        const { state } = foldEvents(emptyLedger(), events);
        for (const r of state.reservations.values()) {
          expect(r.open).toBe(r.allocations.reduce((t, a) => t + a.open, 0));
        }
        for (const [sku, stock] of state.stock) {
          for (const [locationId, l] of Object.entries(stock.locations)) {
            const open = (kind: string) =>
              [...state.reservations.values()]
                .filter((r) => r.sku === sku && r.kind === kind)
                .flatMap((r) => r.allocations)
                .filter((a) => a.locationId === locationId)
                .reduce((t, a) => t + a.open, 0);
            expect(l.committed).toBe(open('order'));
            expect(l.reserved).toBe(open('hold'));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a channel's reservation take a location below zero available", () => {
    fc.assert(
      fc.property(log, (events) => {
        let state = emptyLedger();
        for (const event of events) {
          const result = foldEvents(state, [event]);
          const entry = result.entries[0];
          if (
            entry &&
            event.type === 'StockReserved' &&
            !isCounterReservation(event.reservationId)
          ) {
            const stock = result.state.stock.get(event.sku)!;
            for (const a of entry.allocations ?? [])
              expect(locationAvailable(stock.locations[a.locationId])).toBeGreaterThanOrEqual(0);
          }
          state = result.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('examples', () => {
  const fold = (...events: InventoryEvent[]) => foldEvents(emptyLedger(), events);
  const po = 'gid://erp/PurchaseOrder/4411';

  it('receives a purchase order in parts: each receipt lowers its open incoming, never below zero', () => {
    const { state, entries } = fold(
      makeEvent('StockIncoming', {
        sku: 'S',
        locationId: 'wh',
        quantity: 10,
        referenceDocumentUri: po,
      }),
      makeEvent('StockReceived', {
        sku: 'S',
        locationId: 'wh',
        quantity: 4,
        referenceDocumentUri: po,
      }),
      makeEvent('StockReceived', {
        sku: 'S',
        locationId: 'wh',
        quantity: 8,
        referenceDocumentUri: po,
      }),
    );
    const wh = state.stock.get('S')!.locations.wh;
    expect(wh.onHand).toBe(12);
    expect(wh.incoming).toEqual({});
    expect(entries[1].stateDeltas).toEqual(
      expect.arrayContaining([
        { locationId: 'wh', state: 'on_hand', delta: 4 },
        { locationId: 'wh', state: 'incoming', delta: -4 },
      ]),
    );
    expect(entries[2].stateDeltas).toContainEqual({
      locationId: 'wh',
      state: 'incoming',
      delta: -6,
    });
    expect(entries.map((e) => e.referenceDocumentUri)).toEqual([po, po, po]);
  });

  it('moves units between states and refuses a move larger than its source, changing nothing', () => {
    const received = makeEvent('StockReceived', { sku: 'S', locationId: 'wh', quantity: 5 });
    const damage = makeEvent('StockStateChanged', {
      sku: 'S',
      locationId: 'wh',
      quantity: 2,
      from: 'available',
      to: 'damaged',
    });
    const tooMany = makeEvent('StockStateChanged', {
      sku: 'S',
      locationId: 'wh',
      quantity: 3,
      from: 'damaged',
      to: 'quality_control',
    });
    const { state, refusals } = fold(received, damage, tooMany);
    const q = locationQuantities(state.stock.get('S')!.locations.wh);
    expect(q).toMatchObject({ on_hand: 5, available: 3, damaged: 2, quality_control: 0 });
    expect(refusals).toEqual([
      expect.objectContaining({ eventId: tooMany.eventId, code: 'insufficient_quantity' }),
    ]);
    expect(state.stock.get('S')!.version).toBe(2);
  });

  it('refuses an incoming cancel larger than the document has open', () => {
    const { refusals, state } = fold(
      makeEvent('StockIncoming', {
        sku: 'S',
        locationId: 'wh',
        quantity: 3,
        referenceDocumentUri: po,
      }),
      makeEvent('IncomingCancelled', {
        sku: 'S',
        locationId: 'wh',
        quantity: 4,
        referenceDocumentUri: po,
      }),
    );
    expect(refusals.map((r) => r.code)).toEqual(['insufficient_quantity']);
    expect(state.stock.get('S')!.locations.wh.incoming).toEqual({ [po]: 3 });
  });

  it('applies a compare-and-set count only from the quantity it names, and reports the current one', () => {
    const received = makeEvent('StockReceived', { sku: 'S', locationId: 'wh', quantity: 5 });
    const first = makeEvent('StockCounted', {
      sku: 'S',
      locationId: 'wh',
      countedQuantity: 7,
      changeFromQuantity: 5,
    });
    const racing = makeEvent('StockCounted', {
      sku: 'S',
      locationId: 'wh',
      countedQuantity: 9,
      changeFromQuantity: 5,
    });
    const { state, refusals, entries } = fold(received, first, racing);
    expect(state.stock.get('S')!.locations.wh.onHand).toBe(7);
    expect(entries[1].onHandDelta).toBe(2);
    expect(refusals).toEqual([
      expect.objectContaining({
        eventId: racing.eventId,
        code: 'change_from_quantity_stale',
        current: 7,
      }),
    ]);
  });

  it('sets available by moving on hand, leaving the unavailable states alone', () => {
    const { state } = fold(
      makeEvent('StockReceived', { sku: 'S', locationId: 'wh', quantity: 10 }),
      makeEvent('StockStateChanged', {
        sku: 'S',
        locationId: 'wh',
        quantity: 3,
        from: 'available',
        to: 'quality_control',
      }),
      makeEvent('StockCounted', {
        sku: 'S',
        locationId: 'wh',
        countedQuantity: 4,
        name: 'available',
        changeFromQuantity: 7,
      }),
    );
    expect(locationQuantities(state.stock.get('S')!.locations.wh)).toMatchObject({
      on_hand: 7,
      available: 4,
      quality_control: 3,
    });
  });

  it("allocates a channel's reservation without allocations over the locations lowest id first, splitting it", () => {
    const { state, entries } = fold(
      makeEvent('StockReceived', { sku: 'S', locationId: 'b-wh', quantity: 5 }),
      makeEvent('StockReceived', { sku: 'S', locationId: 'a-shop', quantity: 2 }),
      makeEvent('StockReserved', { sku: 'S', reservationId: 'r-1', quantity: 4 }),
    );
    expect(entries[2].allocations).toEqual([
      { locationId: 'a-shop', quantity: 2 },
      { locationId: 'b-wh', quantity: 2 },
    ]);
    expect(state.stock.get('S')!.reserved).toBe(4);
  });

  it("refuses a channel's reservation the locations cannot cover, and one naming a location short of units", () => {
    const received = makeEvent('StockReceived', { sku: 'S', locationId: 'wh', quantity: 3 });
    const tooBig = makeEvent('StockReserved', { sku: 'S', reservationId: 'r-1', quantity: 4 });
    const wrongPlace = makeEvent('StockReserved', {
      sku: 'S',
      reservationId: 'r-2',
      quantity: 2,
      allocations: [{ locationId: 'shop', quantity: 2 }],
    });
    const { refusals, state } = fold(received, tooBig, wrongPlace);
    expect(refusals.map((r) => r.code)).toEqual([
      'insufficient_available',
      'insufficient_available',
    ]);
    expect(state.stock.get('S')!.reserved).toBe(0);
    expect(state.reservations.size).toBe(0);
  });

  it("applies checkout's reservation where it says even when a concurrent sale left the location short", () => {
    const { state, refusals } = fold(
      makeEvent('StockReceived', { sku: 'S', locationId: 'shop', quantity: 1 }),
      makeEvent('ItemSold', { sku: 'S', locationId: 'shop', quantity: 1 }),
      makeEvent('StockReserved', {
        sku: 'S',
        reservationId: 'ord:o-1:0',
        quantity: 1,
        allocations: [{ locationId: 'shop', quantity: 1 }],
      }),
    );
    expect(refusals).toEqual([]);
    expect(locationQuantities(state.stock.get('S')!.locations.shop)).toMatchObject({
      on_hand: 0,
      committed: 1,
      available: -1,
    });
  });

  it('fulfils from the shipping location first and releases the last-allocated units first', () => {
    const reserve = makeEvent('StockReserved', {
      sku: 'S',
      reservationId: 'ord:o-1:0',
      quantity: 5,
      allocations: [
        { locationId: 'shop', quantity: 2 },
        { locationId: 'wh', quantity: 3 },
      ],
    });
    const { state } = fold(
      makeEvent('StockReceived', { sku: 'S', locationId: 'shop', quantity: 2 }),
      makeEvent('StockReceived', { sku: 'S', locationId: 'wh', quantity: 3 }),
      reserve,
      makeEvent('ReservationFulfilled', {
        sku: 'S',
        reservationId: 'ord:o-1:0',
        locationId: 'shop',
        quantity: 1,
      }),
      makeEvent('ReservationReleased', {
        sku: 'S',
        reservationId: 'ord:o-1:0',
        quantity: 3,
        reason: 'order_cancel',
      }),
    );
    const stock = state.stock.get('S')!;
    expect(stock.locations.shop).toMatchObject({ onHand: 1, committed: 1 });
    expect(stock.locations.wh).toMatchObject({ onHand: 3, committed: 0 });
    expect(state.reservations.get('ord:o-1:0')!.allocations).toEqual([
      { locationId: 'shop', quantity: 2, open: 1 },
      { locationId: 'wh', quantity: 3, open: 0 },
    ]);
  });
});
