import fc from 'fast-check';
import { ChannelStockUpdate } from '@stockflow/contracts';
import { DeliveryBook, PendingUpdate } from './delivery-book';

const update = (sku: string, version: number, quantity = version): ChannelStockUpdate => ({
  sku,
  version,
  available: quantity,
  quantity,
});
const at = (partition: number, offset: number) => ({ partition, offset });

/** Sends everything due, all successfully; returns what went out. */
function drain(book: DeliveryBook, now = 0): ChannelStockUpdate[] {
  const sent: ChannelStockUpdate[] = [];
  for (let pending = book.takeDue(now); pending; pending = book.takeDue(now)) {
    sent.push(pending.update);
    book.settle(pending, true);
  }
  return sent;
}

describe('DeliveryBook coalescing', () => {
  it('sends only the newest of the versions that arrived while nothing was sent', () => {
    const book = new DeliveryBook();
    for (let v = 1; v <= 5; v++) book.offer(update('A', v), at(0, v));
    expect(drain(book)).toEqual([update('A', 5)]);
  });

  it('turns a burst of 1,000 versions arriving during sends into a handful of calls, the last one last', () => {
    const book = new DeliveryBook();
    const sent: number[] = [];
    let inFlight: PendingUpdate | undefined;
    for (let v = 1; v <= 1000; v++) {
      book.offer(update('A', v), at(0, v));
      // the channel answers every 150 changes
      if (v % 150 === 0 || !inFlight) {
        if (inFlight) book.settle(inFlight, true);
        inFlight = book.takeDue(0);
        if (inFlight) sent.push(inFlight.update.version);
      }
    }
    if (inFlight) book.settle(inFlight, true);
    sent.push(...drain(book).map((u) => u.version));
    expect(sent.length).toBeLessThanOrEqual(10);
    expect(sent[sent.length - 1]).toBe(1000);
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
  });

  it('keeps one send in flight per SKU: a newer version waits for the one being sent', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(0, 1));
    const first = book.takeDue(0)!;
    expect(book.offer(update('A', 2), at(0, 2))).toBe('queued');
    expect(book.takeDue(0)).toBeUndefined();
    book.settle(first, true);
    expect(book.takeDue(0)!.update.version).toBe(2);
  });

  it('drops a stale or duplicate version once a newer one was delivered', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 3), at(0, 3));
    drain(book);
    expect(book.offer(update('A', 3), at(0, 4))).toBe('stale');
    expect(book.offer(update('A', 2), at(0, 5))).toBe('stale');
    expect(drain(book)).toEqual([]);
  });

  it('makes no call when a newer version leaves the channel quantity where it is', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1, 0), at(0, 1));
    drain(book);
    expect(book.offer(update('A', 2, 0), at(0, 2))).toBe('unchanged');
    expect(drain(book)).toEqual([]);
    expect(book.offer(update('A', 2, 0), at(0, 3))).toBe('stale');
  });

  it('serves SKUs first come, first served', () => {
    const book = new DeliveryBook();
    for (const sku of ['C', 'A', 'B']) book.offer(update(sku, 1), at(0, 1));
    expect(drain(book).map((u) => u.sku)).toEqual(['C', 'A', 'B']);
  });
});

describe('DeliveryBook failures', () => {
  it('retries after the given time, not before', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(0, 1));
    const sent = book.takeDue(0)!;
    book.retry(book.fail(sent)!, 500);
    expect(book.takeDue(499)).toBeUndefined();
    expect(book.nextWakeAt()).toBe(500);
    expect(book.takeDue(500)!.attempts).toBe(1);
  });

  it('retries with the newest version that arrived during the failed send, keeping the failure count', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(0, 1));
    const sent = book.takeDue(0)!;
    book.offer(update('A', 2), at(0, 2));
    book.offer(update('A', 3), at(0, 3));
    const merged = book.fail(sent)!;
    expect(merged.update.version).toBe(3);
    expect(merged.attempts).toBe(1);
    book.retry(merged, 10);
    book.offer(update('A', 4), at(0, 4));
    const again = book.takeDue(10)!;
    expect(again).toMatchObject({ attempts: 1, update: update('A', 4) });
  });

  it('after a dead letter, delivers the next version afresh and does not count it as delivered before', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(0, 1));
    const sent = book.takeDue(0)!;
    book.offer(update('A', 2), at(0, 2));
    book.settle(sent, false);
    expect(book.takeDue(0)).toMatchObject({ attempts: 0, update: update('A', 2) });
    expect(book.offer(update('A', 1), at(0, 3))).toBe('merged');
  });

  it('ignores the outcome of a send that a rebalance took away', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(3, 1));
    const sent = book.takeDue(0)!;
    book.keepPartitions(new Set([0]));
    book.offer(update('A', 1), at(0, 9));
    const fresh = book.takeDue(0)!;
    expect(book.settle(sent, true)).toBe(false);
    expect(book.fail(sent)).toBeUndefined();
    expect(book.settle(fresh, true)).toBe(true);
  });
});

describe('DeliveryBook commit offsets', () => {
  it('commits past everything once delivered, and stops below the oldest update still pending', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(0, 10));
    book.offer(update('B', 1), at(0, 11));
    book.offer(update('A', 2), at(0, 12));
    book.offer(update('C', 1), at(1, 4));
    expect(book.committable()).toEqual(
      new Map([
        [0, 10],
        [1, 4],
      ]),
    );
    const a = book.takeDue(0)!; // A@2, holding offsets 10 and 12
    const b = book.takeDue(0)!;
    book.settle(b, true);
    expect(book.committable().get(0)).toBe(10);
    book.settle(a, true);
    expect(book.committable().get(0)).toBe(13);
  });

  it('keeps holding the offset of a failed send until it lands or is dead-lettered', () => {
    const book = new DeliveryBook();
    book.offer(update('A', 1), at(0, 5));
    const sent = book.takeDue(0)!;
    book.retry(book.fail(sent)!, 100);
    book.offer(update('B', 1), at(0, 6));
    drain(book);
    expect(book.committable().get(0)).toBe(5);
    const again = book.takeDue(100)!;
    book.settle(again, false);
    expect(book.committable().get(0)).toBe(7);
  });

  type Step =
    | { kind: 'offer'; sku: number; bump: number }
    | { kind: 'send' }
    | { kind: 'answer'; ok: boolean };

  it('never commits past a version the channel has not got, and always ends with the newest of every SKU', () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('offer' as const),
          sku: fc.integer({ min: 0, max: 3 }),
          bump: fc.integer({ min: -1, max: 2 }),
        }),
      },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const) }) },
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('answer' as const), ok: fc.boolean() }),
      },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const book = new DeliveryBook();
        const log: { sku: string; version: number; offset: number }[] = [];
        const latest = new Map<string, number>();
        const channel = new Map<string, number>();
        const inFlight: PendingUpdate[] = [];
        const answer = (ok: boolean) => {
          const sent = inFlight.shift()!;
          if (ok) {
            expect(sent.update.version).toBeGreaterThan(channel.get(sent.update.sku) ?? 0);
            channel.set(sent.update.sku, sent.update.version);
            book.settle(sent, true);
          } else {
            book.retry(book.fail(sent)!, 0);
          }
        };
        for (const s of steps) {
          if (s.kind === 'offer') {
            const sku = `S${s.sku}`;
            // versions mostly grow; bump -1/0 replays an older or the same version (a re-read)
            const version = Math.max(1, (latest.get(sku) ?? 0) + s.bump);
            latest.set(sku, Math.max(version, latest.get(sku) ?? 0));
            log.push({ sku, version, offset: log.length });
            book.offer(update(sku, version), at(0, log.length - 1));
          } else if (s.kind === 'send') {
            const due = book.takeDue(0);
            if (due) {
              expect(inFlight.some((p) => p.update.sku === due.update.sku)).toBe(false);
              inFlight.push(due);
            }
          } else if (inFlight.length > 0) {
            answer(s.ok);
          }
          const safe = book.committable().get(0) ?? 0;
          for (const m of log.slice(0, safe))
            expect(channel.get(m.sku) ?? 0).toBeGreaterThanOrEqual(m.version);
        }
        while (inFlight.length > 0) answer(true);
        for (const u of drain(book)) channel.set(u.sku, u.version);
        for (const [sku, version] of latest) expect(channel.get(sku)).toBe(version);
        expect(book.committable().get(0) ?? 0).toBe(log.length);
      }),
    );
  });
});
