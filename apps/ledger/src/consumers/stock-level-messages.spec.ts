import { InventoryEvent } from '@stockflow/contracts';
import { emptyLedger, foldEvents } from '@stockflow/ledger-core';
import { makeEvent } from '@stockflow/testing';
import { stockLevelMessages } from './stock-level-messages';

function messageFor(events: InventoryEvent[]) {
  const before = emptyLedger();
  const [message] = stockLevelMessages(
    before,
    foldEvents(before, events),
    events,
    new Date('2026-01-01T00:00:00Z'),
  );
  return JSON.parse(message.value as string);
}

describe('stockLevelMessages', () => {
  it("leaves checkout's own reservations out of externalAvailableDelta and counts everything else", () => {
    const message = messageFor([
      makeEvent('StockReceived', { sku: 'A', locationId: 'wh', quantity: 10 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'ord:o-1:1', quantity: 3 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'hold:web.c1:abc', quantity: 1 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'amazon-77', quantity: 2 }),
      makeEvent('ItemSold', { sku: 'A', locationId: 'wh', quantity: 1 }),
    ]);
    expect(message).toMatchObject({
      sku: 'A',
      available: 3,
      previousVersion: 0,
      version: 5,
      externalAvailableDelta: 10 - 2 - 1,
    });
  });

  it("leaves checkout's hold releases out, but counts a release of an order's reservation, which a channel posted", () => {
    const message = messageFor([
      makeEvent('StockReceived', { sku: 'A', locationId: 'wh', quantity: 10 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'ord:o-1:1', quantity: 3 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'ord:o-2:1', quantity: 1 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'hold:web.c1:abc', quantity: 2 }),
      makeEvent('ReservationReleased', {
        sku: 'A',
        reservationId: 'hold:web.c1:abc',
        quantity: 2,
        reason: 'expired',
      }),
      makeEvent('ReservationReleased', {
        sku: 'A',
        reservationId: 'ord:o-1:1',
        quantity: 3,
        reason: 'order_cancel',
      }),
      makeEvent('ReservationReleased', {
        sku: 'A',
        reservationId: 'ord:o-2:1',
        quantity: 1,
        reason: 'rejected',
      }),
    ]);
    // The receipt and both order releases are news to the counters; the holds and the expiry were applied in Redis.
    expect(message).toMatchObject({ available: 10, externalAvailableDelta: 10 + 3 + 1 });
  });
});
