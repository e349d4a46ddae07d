import { decodeOutboxEntry } from './outbox-entry';

describe('decodeOutboxEntry', () => {
  const event = { eventId: 'e1', type: 'StockReserved', sku: 'SKU-1', quantity: 2 };
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it('passes a bare event (the form written before trace contexts) on unchanged, untraced', () => {
    const raw = JSON.stringify(event);
    expect(decodeOutboxEntry(raw)).toEqual({ sku: 'SKU-1', value: raw });
  });

  it('unwraps a traced entry into the event and its trace headers', () => {
    const raw = JSON.stringify({ trace: { traceparent, tracestate: 'k=v' }, event });
    expect(decodeOutboxEntry(raw)).toEqual({
      sku: 'SKU-1',
      value: JSON.stringify(event),
      trace: { traceparent, tracestate: 'k=v' },
    });
  });

  it('relays an entry whose trace context is unusable without one', () => {
    for (const trace of [null, 'x', { tracestate: 'k=v' }, { traceparent: 7 }]) {
      expect(decodeOutboxEntry(JSON.stringify({ trace, event }))).toEqual({
        sku: 'SKU-1',
        value: JSON.stringify(event),
        trace: undefined,
      });
    }
  });
});
