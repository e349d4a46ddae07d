import { emptyLedger } from './ledger-state';
import { decodeBatch, foldDecoded } from './batch-fold';

const base = {
  sku: 'SKU-1',
  channel: 'pos',
  occurredAt: '2026-11-25T10:00:00.000Z',
  schemaVersion: 1,
};
const ids = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];
const message = (offset: number, value: object | string) => ({
  key: Buffer.from('SKU-1'),
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  offset: String(offset),
});

describe('decodeBatch + foldDecoded (the write rules shared by the ledger and replay)', () => {
  it('rejects poison messages with their reason and names the slice the rest can touch', () => {
    const decoded = decodeBatch([
      message(0, { ...base, eventId: ids[0], type: 'StockReceived', locationId: 'A', quantity: 5 }),
      message(1, '{"not json'),
      message(2, {
        ...base,
        eventId: ids[1],
        type: 'StockReserved',
        reservationId: 'r-1',
        quantity: 2,
      }),
    ]);
    expect(decoded.rejected.map((r) => [r.message.offset, r.code])).toEqual([
      ['1', 'invalid_json'],
    ]);
    expect(decoded.keys).toEqual({
      skus: ['SKU-1'],
      reservationIds: ['r-1'],
      eventIds: [ids[0], ids[1]],
    });
  });

  it('journals the body and offset of the occurrence it applied, not of a later re-send', () => {
    const first = { ...base, eventId: ids[0], type: 'StockReceived', locationId: 'A', quantity: 5 };
    const resent = { ...first, quantity: 7 };
    const folded = foldDecoded(
      emptyLedger(),
      decodeBatch([message(3, first), message(4, resent)]),
      2,
    );
    expect(folded.result.entries.map((e) => e.onHandDelta)).toEqual([5]);
    expect(folded.result.duplicates).toEqual([ids[0]]);
    expect(folded.sources.get(ids[0])).toEqual({
      event: first,
      position: { partition: 2, offset: '3' },
    });
  });

  it('pins a refusal on the occurrence refused and the entry on the occurrence applied later', () => {
    // A checkout reservation id: applied whatever the SKU's stock (Redis decided it).
    const release = {
      ...base,
      eventId: ids[0],
      type: 'ReservationReleased',
      reservationId: 'ord:o-1:0',
      quantity: 1,
      reason: 'order_cancel',
    };
    const reserve = {
      ...base,
      eventId: ids[1],
      type: 'StockReserved',
      reservationId: 'ord:o-1:0',
      quantity: 2,
    };
    const folded = foldDecoded(
      emptyLedger(),
      decodeBatch([message(10, release), message(11, reserve), message(12, release)]),
      0,
    );
    expect(folded.rejected.map((r) => [r.message.offset, r.code])).toEqual([
      ['10', 'unknown_reservation'],
    ]);
    expect(folded.result.entries.map((e) => e.eventId)).toEqual([ids[1], ids[0]]);
    expect(folded.sources.get(ids[0])!.position.offset).toBe('12');
  });
});
