import { foldEvents, emptyLedger } from '@stockflow/ledger-core';
import { makeEvent } from '@stockflow/testing';
import { stockLevelMessages } from './stock-level-messages';

describe('stockLevelMessages', () => {
  it("leaves checkout's own reservations out of externalAvailableDelta and counts everything else", () => {
    const before = emptyLedger();
    const result = foldEvents(before, [
      makeEvent('StockReceived', { sku: 'A', locationId: 'wh', quantity: 10 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'ord:o-1:1', quantity: 3 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'hold:web.c1:abc', quantity: 1 }),
      makeEvent('StockReserved', { sku: 'A', reservationId: 'amazon-77', quantity: 2 }),
      makeEvent('ItemSold', { sku: 'A', locationId: 'wh', quantity: 1 }),
    ]);
    const [message] = stockLevelMessages(before, result, new Date('2026-01-01T00:00:00Z'));
    expect(JSON.parse(message.value as string)).toMatchObject({
      sku: 'A',
      available: 3,
      previousVersion: 0,
      version: 5,
      externalAvailableDelta: 10 - 2 - 1,
    });
  });
});
