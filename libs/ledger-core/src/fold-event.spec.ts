import { InventoryEvent } from '@stockflow/contracts';
import { makeEvent } from '@stockflow/testing';
import { EventOutcome, foldEvent } from './fold-event';
import { ReservationState, StockState, emptyLocation, emptyStock } from './stock-state';

/** Frozen inputs make any write by the fold throw (spec files run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A SKU with these on-hand units per location and `reserved` units committed at its first location. */
function stockOf(onHand: Record<string, number>, reserved = 0, version = 3): StockState {
  const total = Object.values(onHand).reduce((sum, q) => sum + q, 0);
  const locations = Object.fromEntries(
    Object.entries(onHand).map(([id, q], i) => [
      id,
      { ...emptyLocation(), onHand: q, committed: i === 0 ? reserved : 0 },
    ]),
  );
  return deepFreeze({ sku: 'SKU-1', locations, onHand: total, reserved, version });
}

/** An order reservation allocated at wh-1. */
function reservationOf(open: number, quantity = open, sku = 'SKU-1'): ReservationState {
  return deepFreeze({
    reservationId: 'res-1',
    sku,
    orderId: 'ord-1',
    kind: 'order' as const,
    quantity,
    open,
    allocations: [{ locationId: 'wh-1', quantity, open }],
  });
}

/** The state with each location shown as its on-hand units (what these tests are about). */
function summary(stock: StockState) {
  return {
    ...stock,
    locations: Object.fromEntries(Object.entries(stock.locations).map(([id, l]) => [id, l.onHand])),
  };
}

function fold(stock: StockState, reservation: ReservationState | undefined, event: InventoryEvent) {
  return foldEvent(stock, reservation, deepFreeze(event));
}

function applied(outcome: EventOutcome) {
  if (!outcome.applied)
    throw new Error(`expected the event to apply, was refused: ${outcome.refusal.reason}`);
  return outcome;
}

function refused(outcome: EventOutcome) {
  if (outcome.applied) throw new Error('expected the event to be refused, it applied');
  return outcome;
}

describe('foldEvent', () => {
  describe('applies each event type', () => {
    it('adds a receipt to the receiving location', () => {
      const event = makeEvent('StockReceived', { sku: 'SKU-1', locationId: 'wh-1', quantity: 5 });
      const out = applied(fold(stockOf({ 'wh-1': 2, 'wh-2': 1 }), undefined, event));

      expect(summary(out.stock)).toEqual({
        sku: 'SKU-1',
        locations: { 'wh-1': 7, 'wh-2': 1 },
        onHand: 8,
        reserved: 0,
        version: 4,
      });
      expect(out.reservation).toBeUndefined();
      expect(out.entry).toMatchObject({
        eventId: event.eventId,
        sku: 'SKU-1',
        type: 'StockReceived',
        channel: 'pos',
        occurredAt: event.occurredAt,
        version: 4,
        onHandDelta: 5,
        reservedDelta: 0,
        locationDeltas: [{ locationId: 'wh-1', delta: 5 }],
        wentNegative: false,
      });
    });

    it('receives into a location the SKU has never held', () => {
      const event = makeEvent('StockReceived', { sku: 'SKU-1', locationId: 'wh-9', quantity: 3 });
      const out = applied(fold(deepFreeze(emptyStock('SKU-1')), undefined, event));

      expect(summary(out.stock)).toEqual({
        sku: 'SKU-1',
        locations: { 'wh-9': 3 },
        onHand: 3,
        reserved: 0,
        version: 1,
      });
    });

    it('applies a signed adjustment to its location', () => {
      const event = makeEvent('StockAdjusted', {
        sku: 'SKU-1',
        locationId: 'wh-1',
        delta: -2,
        reason: 'damaged',
      });
      const out = applied(fold(stockOf({ 'wh-1': 5 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({ locations: { 'wh-1': 3 }, onHand: 3, version: 4 });
      expect(out.entry).toMatchObject({
        onHandDelta: -2,
        locationDeltas: [{ locationId: 'wh-1', delta: -2 }],
      });
    });

    it('sets a counted location to the count and journals the computed delta', () => {
      const event = makeEvent('StockCounted', {
        sku: 'SKU-1',
        locationId: 'wh-1',
        countedQuantity: 4,
      });
      const out = applied(fold(stockOf({ 'wh-1': 7, 'wh-2': 2 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({ locations: { 'wh-1': 4, 'wh-2': 2 }, onHand: 6 });
      expect(out.entry).toMatchObject({
        onHandDelta: -3,
        locationDeltas: [{ locationId: 'wh-1', delta: -3 }],
        wentNegative: false,
      });
    });

    it('journals no location delta for a count that matches, but still counts as a version', () => {
      const event = makeEvent('StockCounted', {
        sku: 'SKU-1',
        locationId: 'wh-1',
        countedQuantity: 7,
      });
      const out = applied(fold(stockOf({ 'wh-1': 7 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({ locations: { 'wh-1': 7 }, onHand: 7, version: 4 });
      expect(out.entry).toMatchObject({ onHandDelta: 0, locationDeltas: [] });
    });

    it('takes a POS sale from its location', () => {
      const event = makeEvent('ItemSold', { sku: 'SKU-1', locationId: 'store-1', quantity: 2 });
      const out = applied(fold(stockOf({ 'store-1': 5 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({ locations: { 'store-1': 3 }, onHand: 3 });
      expect(out.entry).toMatchObject({ onHandDelta: -2, wentNegative: false });
    });

    it('applies a POS sale below zero and flags it for review', () => {
      const event = makeEvent('ItemSold', { sku: 'SKU-1', locationId: 'store-1', quantity: 3 });
      const out = applied(fold(stockOf({ 'store-1': 1, 'wh-1': 10 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({
        locations: { 'store-1': -2, 'wh-1': 10 },
        onHand: 8,
      });
      expect(out.entry).toMatchObject({ onHandDelta: -3, wentNegative: true });
    });

    it('applies an adjustment below zero and flags it for review', () => {
      const event = makeEvent('StockAdjusted', {
        sku: 'SKU-1',
        locationId: 'wh-1',
        delta: -4,
        reason: 'shrinkage',
      });
      const out = applied(fold(stockOf({ 'wh-1': 1 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({ locations: { 'wh-1': -3 }, onHand: -3 });
      expect(out.entry.wentNegative).toBe(true);
    });

    it('moves stock between locations and leaves onHand unchanged', () => {
      const event = makeEvent('StockTransferred', {
        sku: 'SKU-1',
        fromLocationId: 'wh-1',
        toLocationId: 'store-1',
        quantity: 4,
      });
      const out = applied(fold(stockOf({ 'wh-1': 10, 'store-1': 1 }), undefined, event));

      expect(summary(out.stock)).toMatchObject({
        locations: { 'wh-1': 6, 'store-1': 5 },
        onHand: 11,
        version: 4,
      });
      expect(out.entry).toMatchObject({
        onHandDelta: 0,
        locationDeltas: [
          { locationId: 'wh-1', delta: -4 },
          { locationId: 'store-1', delta: 4 },
        ],
      });
    });

    it('opens a reservation and raises reserved without touching onHand', () => {
      const event = makeEvent('StockReserved', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        orderId: 'ord-1',
        quantity: 3,
      });
      const out = applied(fold(stockOf({ 'wh-1': 10 }, 1), undefined, event));

      expect(summary(out.stock)).toMatchObject({
        onHand: 10,
        reserved: 4,
        locations: { 'wh-1': 10 },
      });
      expect(out.reservation).toEqual({
        reservationId: 'res-1',
        sku: 'SKU-1',
        orderId: 'ord-1',
        kind: 'order',
        quantity: 3,
        open: 3,
        allocations: [{ locationId: 'wh-1', quantity: 3, open: 3 }],
      });
      expect(out.entry).toMatchObject({
        reservedDelta: 3,
        onHandDelta: 0,
        reservationId: 'res-1',
        locationDeltas: [],
      });
    });

    it('releases part of a reservation', () => {
      const event = makeEvent('ReservationReleased', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        quantity: 2,
        reason: 'cart_cancel',
      });
      const out = applied(fold(stockOf({ 'wh-1': 10 }, 5), reservationOf(5), event));

      expect(summary(out.stock)).toMatchObject({ onHand: 10, reserved: 3 });
      expect(out.reservation).toMatchObject({ reservationId: 'res-1', quantity: 5, open: 3 });
      expect(out.entry).toMatchObject({
        reservedDelta: -2,
        onHandDelta: 0,
        reservationId: 'res-1',
      });
    });

    it('fulfils a reservation: reserved and the shipping location both go down', () => {
      const event = makeEvent('ReservationFulfilled', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        locationId: 'wh-1',
        quantity: 5,
      });
      const out = applied(fold(stockOf({ 'wh-1': 10, 'wh-2': 1 }, 5), reservationOf(5), event));

      expect(summary(out.stock)).toMatchObject({
        locations: { 'wh-1': 5, 'wh-2': 1 },
        onHand: 6,
        reserved: 0,
      });
      expect(out.reservation).toMatchObject({ open: 0, quantity: 5 });
      expect(out.entry).toMatchObject({
        reservedDelta: -5,
        onHandDelta: -5,
        locationDeltas: [{ locationId: 'wh-1', delta: -5 }],
      });
    });
  });

  describe('refuses whole, changing nothing', () => {
    const stock = stockOf({ 'wh-1': 10 }, 3);

    function expectRefusal(
      reservation: ReservationState | undefined,
      event: InventoryEvent,
      code: string,
    ) {
      const before = structuredClone({ stock, reservation });
      const out = refused(fold(stock, reservation, event));

      expect(out.refusal).toMatchObject({ eventId: event.eventId, sku: event.sku, code });
      expect(out.refusal.reason).toEqual(expect.any(String));
      expect(out).not.toHaveProperty('stock');
      expect(out).not.toHaveProperty('entry');
      expect({ stock, reservation }).toEqual(before);
    }

    it('refuses a release of a reservation it does not know', () => {
      const event = makeEvent('ReservationReleased', {
        sku: 'SKU-1',
        reservationId: 'res-404',
        quantity: 1,
        reason: 'expired',
      });
      expectRefusal(undefined, event, 'unknown_reservation');
    });

    it('refuses a fulfilment of a reservation it does not know', () => {
      const event = makeEvent('ReservationFulfilled', {
        sku: 'SKU-1',
        reservationId: 'res-404',
        locationId: 'wh-1',
        quantity: 1,
      });
      expectRefusal(undefined, event, 'unknown_reservation');
    });

    it('refuses to open a reservation id that already exists', () => {
      const event = makeEvent('StockReserved', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        quantity: 1,
      });
      expectRefusal(reservationOf(3), event, 'duplicate_reservation');
    });

    it('refuses to reopen a reservation id even after it was fully drawn', () => {
      const event = makeEvent('StockReserved', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        quantity: 1,
      });
      expectRefusal(reservationOf(0, 3), event, 'duplicate_reservation');
    });

    it('refuses a release naming a different SKU than the reservation', () => {
      const event = makeEvent('ReservationReleased', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        quantity: 1,
        reason: 'order_cancel',
      });
      expectRefusal(reservationOf(3, 3, 'SKU-2'), event, 'reservation_sku_mismatch');
    });

    it('refuses a fulfilment naming a different SKU than the reservation', () => {
      const event = makeEvent('ReservationFulfilled', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        locationId: 'wh-1',
        quantity: 1,
      });
      expectRefusal(reservationOf(3, 3, 'SKU-2'), event, 'reservation_sku_mismatch');
    });

    it('refuses a release larger than what the reservation still holds', () => {
      const event = makeEvent('ReservationReleased', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        quantity: 3,
        reason: 'rejected',
      });
      expectRefusal(reservationOf(2, 5), event, 'over_release');
    });

    it('refuses a fulfilment larger than what the reservation still holds', () => {
      const event = makeEvent('ReservationFulfilled', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        locationId: 'wh-1',
        quantity: 4,
      });
      expectRefusal(reservationOf(3), event, 'over_fulfil');
    });

    it('refuses any draw on a reservation that is already fully drawn', () => {
      const event = makeEvent('ReservationReleased', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        quantity: 1,
        reason: 'expired',
      });
      expectRefusal(reservationOf(0, 3), event, 'over_release');
    });
  });

  it('accepts a draw of exactly what is open', () => {
    const event = makeEvent('ReservationReleased', {
      sku: 'SKU-1',
      reservationId: 'res-1',
      quantity: 2,
      reason: 'expired',
    });
    const out = applied(fold(stockOf({ 'wh-1': 10 }, 2), reservationOf(2, 6), event));

    expect(out.reservation).toMatchObject({ quantity: 6, open: 0 });
    expect(out.stock.reserved).toBe(0);
  });

  it('never modifies its inputs', () => {
    const stock = stockOf({ 'wh-1': 4, 'wh-2': 1 }, 2);
    const reservation = reservationOf(2);
    const events: InventoryEvent[] = [
      makeEvent('StockReceived', { sku: 'SKU-1', locationId: 'wh-3', quantity: 1 }),
      makeEvent('StockCounted', { sku: 'SKU-1', locationId: 'wh-1', countedQuantity: 0 }),
      makeEvent('StockTransferred', {
        sku: 'SKU-1',
        fromLocationId: 'wh-1',
        toLocationId: 'wh-2',
        quantity: 9,
      }),
      makeEvent('ReservationFulfilled', {
        sku: 'SKU-1',
        reservationId: 'res-1',
        locationId: 'wh-2',
        quantity: 1,
      }),
    ];
    const before = structuredClone({ stock, reservation, events });

    // Frozen inputs: a write would throw; the clone comparison catches anything subtler.
    for (const event of events) expect(fold(stock, reservation, event).applied).toBe(true);
    expect({ stock, reservation, events }).toEqual(before);
  });
});
