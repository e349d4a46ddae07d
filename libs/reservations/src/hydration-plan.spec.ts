import { reservationEventId } from '@stockflow/contracts';
import type { InFlightReservation } from '@stockflow/persistence';
import { planHydration } from './hydration-plan';

const at = new Date('2026-01-01T00:00:00Z');

function row(rid: string, fields: Partial<InFlightReservation>): InFlightReservation {
  return {
    rid,
    sku: 'SKU-1',
    quantity: 2,
    kind: 'order',
    orderId: 'o-1',
    cartId: null,
    channel: 'web',
    state: 'open',
    releaseReason: null,
    expiresAt: null,
    createdAt: at,
    updatedAt: at,
    reserveFolded: false,
    releaseFolded: false,
    allocations: fields.state === 'reserving' ? [] : [{ locationId: 'A', quantity: 2 }],
    ...fields,
  };
}

const ledger = { locations: { A: 6, B: 4 }, version: 7 };

describe('planHydration', () => {
  it('is the ledger available at its version when nothing is in flight', () => {
    expect(planHydration(ledger, [])).toEqual({
      counter: { avail: 10, ver: 7, locations: { A: 6, B: 4 } },
      registry: [],
      precounted: [],
      republish: [],
    });
  });

  it('takes an intent out at every location (its script may have run anywhere) and remembers it as precounted', () => {
    const plan = planHydration(ledger, [row('r1', { state: 'reserving' })]);
    const everywhere = [
      { locationId: 'A', quantity: 2 },
      { locationId: 'B', quantity: 2 },
    ];
    expect(plan).toEqual({
      counter: { avail: 6, ver: 7, locations: { A: 4, B: 2 } },
      registry: [],
      precounted: [{ rid: 'r1', allocations: everywhere }],
      republish: [],
    });
  });

  it('subtracts an open reservation the ledger has not folded and re-publishes its StockReserved', () => {
    const plan = planHydration(ledger, [row('r1', {})]);
    expect(plan.counter).toEqual({ avail: 8, ver: 7, locations: { A: 4, B: 4 } });
    expect(plan.registry.map((r) => r.rid)).toEqual(['r1']);
    expect(plan.republish.map((e) => JSON.parse(e))).toEqual([
      expect.objectContaining({
        type: 'StockReserved',
        eventId: reservationEventId('reserved', 'r1'),
        quantity: 2,
        orderId: 'o-1',
        allocations: [{ locationId: 'A', quantity: 2 }],
      }),
    ]);
  });

  it('leaves a folded open reservation to the ledger but keeps it in the registry', () => {
    const plan = planHydration(ledger, [row('r1', { reserveFolded: true })]);
    expect(plan).toMatchObject({ counter: { avail: 10 }, republish: [] });
    expect(plan.registry).toHaveLength(1);
  });

  it('gives back a release the ledger has not folded only when it folded the reservation', () => {
    const released = { state: 'released' as const, releaseReason: 'expired' };
    const folded = planHydration(ledger, [row('r1', { ...released, reserveFolded: true })]);
    expect(folded.counter.locations).toEqual({ A: 8, B: 4 });
    expect(folded.republish.map((e) => JSON.parse(e).type)).toEqual(['ReservationReleased']);
    const neither = planHydration(ledger, [row('r2', released)]);
    expect(neither.counter.avail).toBe(10);
    expect(neither.republish.map((e) => JSON.parse(e).type)).toEqual([
      'StockReserved',
      'ReservationReleased',
    ]);
    expect(JSON.parse(neither.republish[1]).reason).toBe('expired');
  });

  it('ignores a reservation whose release the ledger folded', () => {
    const plan = planHydration(ledger, [
      row('r1', { state: 'released', reserveFolded: true, releaseFolded: true }),
    ]);
    expect(plan).toEqual({
      counter: { avail: 10, ver: 7, locations: { A: 6, B: 4 } },
      registry: [],
      precounted: [],
      republish: [],
    });
  });

  it('registers a hold with its cart and deadline and leaves the order id off its event', () => {
    const expiresAt = new Date('2026-01-01T00:15:00Z');
    const plan = planHydration(ledger, [
      row('h1', { kind: 'hold', orderId: null, cartId: 'web.c1', expiresAt }),
    ]);
    expect(plan.registry).toEqual([
      {
        rid: 'h1',
        quantity: 2,
        kind: 'hold',
        cartId: 'web.c1',
        orderId: null,
        expiresAtMs: expiresAt.getTime(),
        channel: 'web',
        allocations: [{ locationId: 'A', quantity: 2 }],
      },
    ]);
    expect(JSON.parse(plan.republish[0]).orderId).toBeUndefined();
  });
});

describe('reservationEventId', () => {
  it('is a stable name-based UUID per action and reservation', () => {
    const id = reservationEventId('reserved', 'ord:o-1:1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reservationEventId('reserved', 'ord:o-1:1')).toBe(id);
    expect(reservationEventId('released', 'ord:o-1:1')).not.toBe(id);
  });
});
