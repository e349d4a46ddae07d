import { InventoryEvent } from '@stockflow/contracts';
import { journalDifference } from './journal-difference';

const base = {
  sku: 'SKU-1',
  channel: 'pos',
  occurredAt: '2026-12-04T10:00:00.000Z',
  schemaVersion: 1,
};
const received = {
  ...base,
  eventId: '11111111-1111-4111-8111-111111111111',
  type: 'StockReceived',
  locationId: 'A',
  quantity: 5,
};
const releaseUnknown = {
  ...base,
  eventId: '22222222-2222-4222-8222-222222222222',
  type: 'ReservationReleased',
  reservationId: 'r-unknown',
  quantity: 1,
};
const events = [received, releaseUnknown, received] as unknown as InventoryEvent[];

describe('journalDifference (what chaos prints when the journal and the fold disagree)', () => {
  it('names an event only the journal has, with what the fold made of it', () => {
    const live = new Map([
      [received.eventId, 1],
      [releaseUnknown.eventId, 1],
    ]);
    const text = journalDifference(live, events);
    expect(text).toContain(
      `journal only: ${releaseUnknown.eventId} (ReservationReleased SKU-1 at fold position 1; fold: unknown_reservation`,
    );
    expect(text).toContain('fold only: none');
    expect(text).toContain('doubled: none');
  });

  it('names events the journal lacks and events it holds twice', () => {
    const text = journalDifference(new Map([['33333333-3333-4333-8333-333333333333', 2]]), events);
    expect(text).toContain(
      `fold only: ${received.eventId} (StockReceived SKU-1 at fold position 0; fold: applied)`,
    );
    expect(text).toContain('journal only: 33333333-3333-4333-8333-333333333333 (not in the log');
    expect(text).toContain('doubled: 33333333-3333-4333-8333-333333333333 x2');
  });
});
