import fc from 'fast-check';
import { EventFields, inventoryEventArb, makeEvent } from '@stockflow/testing';
import { MAX_METADATA_BYTES } from './event-dtos';
import { EventType, InventoryEvent } from './event-types';
import { FieldError, ParseResult, parseEvent, parseEvents } from './parse-event';

const EXAMPLES: { [T in EventType]: EventFields<T> } = {
  StockReceived: { sku: 'SKU-1', locationId: 'wh-1', quantity: 5 },
  StockAdjusted: { sku: 'SKU-1', locationId: 'wh-1', delta: -2, reason: 'damaged' },
  StockCounted: { sku: 'SKU-1', locationId: 'wh-1', countedQuantity: 0 },
  ItemSold: { sku: 'SKU-1', locationId: 'store-1', quantity: 1 },
  StockReserved: { sku: 'SKU-1', reservationId: 'res-1', orderId: 'ord-1', quantity: 2 },
  ReservationReleased: { sku: 'SKU-1', reservationId: 'res-1', quantity: 2, reason: 'expired' },
  ReservationFulfilled: { sku: 'SKU-1', reservationId: 'res-1', locationId: 'wh-1', quantity: 2 },
  StockTransferred: { sku: 'SKU-1', fromLocationId: 'wh-1', toLocationId: 'store-1', quantity: 3 },
  StockStateChanged: {
    sku: 'SKU-1',
    locationId: 'wh-1',
    quantity: 2,
    from: 'available',
    to: 'damaged',
  },
  StockIncoming: {
    sku: 'SKU-1',
    locationId: 'wh-1',
    quantity: 10,
    referenceDocumentUri: 'gid://erp/PurchaseOrder/4411',
  },
  IncomingCancelled: {
    sku: 'SKU-1',
    locationId: 'wh-1',
    quantity: 4,
    referenceDocumentUri: 'gid://erp/PurchaseOrder/4411',
  },
};

function example<T extends EventType>(type: T): Extract<InventoryEvent, { type: T }> {
  return makeEvent(type, EXAMPLES[type]);
}

function errorsOf(result: ParseResult | { ok: boolean; errors?: FieldError[] }): FieldError[] {
  if (result.ok) throw new Error('expected the payload to be rejected, it was accepted');
  return (result as { errors: FieldError[] }).errors;
}

function fieldsOf(result: ParseResult | { ok: boolean; errors?: FieldError[] }): string[] {
  return errorsOf(result)
    .map((e) => e.field)
    .sort();
}

/** A copy of `object` without `keys`: how a client's payload looks when it forgot a field. */
function without(object: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** An object whose JSON serialization is exactly `bytes` bytes long. */
function metadataOfBytes(bytes: number, char = 'x'): Record<string, string> {
  const overhead = Buffer.byteLength(JSON.stringify({ note: '' }));
  return { note: char.repeat(Math.floor((bytes - overhead) / Buffer.byteLength(char))) };
}

describe('parseEvent', () => {
  describe('accepts valid events', () => {
    it.each(Object.keys(EXAMPLES) as EventType[])('accepts a valid %s', (type) => {
      const event = example(type);
      expect(parseEvent(event)).toEqual({ ok: true, event });
    });

    it('accepts every event the contract arbitraries produce', () => {
      fc.assert(
        fc.property(inventoryEventArb, (event) => {
          expect(parseEvent(event)).toEqual({ ok: true, event });
        }),
        { numRuns: 200 },
      );
    });

    it('accepts a reservation without orderId and an event with small metadata', () => {
      expect(parseEvent(without(example('StockReserved'), 'orderId')).ok).toBe(true);
      expect(parseEvent({ ...example('ItemSold'), metadata: { till: 4, cashier: 'ann' } }).ok).toBe(
        true,
      );
    });

    it('accepts free-form metadata keys, even ones named like Object.prototype members', () => {
      const metadata = JSON.parse(
        '{"constructor":1,"__proto__":{"a":1},"nested":{"constructor":{"toString":2}}}',
      );
      expect(parseEvent({ ...example('StockReceived'), metadata })).toEqual({
        ok: true,
        event: { ...example('StockReceived'), eventId: expect.any(String), metadata },
      });
    });

    it('normalises an upper-case eventId to lower case so dedupe is exact', () => {
      const event = example('StockReceived');
      const result = parseEvent({ ...event, eventId: event.eventId.toUpperCase() });
      expect(result).toEqual({ ok: true, event });
    });
  });

  describe('rejects invalid events', () => {
    it('reports every field error at once', () => {
      const event = without(
        { ...example('StockReceived'), sku: 'bad sku!', quantity: 0 },
        'occurredAt',
      );
      const errors = errorsOf(parseEvent(event));

      expect(errors.map((e) => e.field).sort()).toEqual(['occurredAt', 'quantity', 'sku']);
      for (const error of errors) expect(error.messages.length).toBeGreaterThan(0);
    });

    it('rejects an unknown type, naming the accepted ones', () => {
      const errors = errorsOf(parseEvent({ ...example('StockReceived'), type: 'StockStolen' }));
      expect(errors).toEqual([
        { field: 'type', messages: [expect.stringContaining('StockReceived')] },
      ]);
    });

    it('rejects an event without a type', () => {
      expect(fieldsOf(parseEvent(without(example('StockReceived'), 'type')))).toEqual(['type']);
    });

    it.each([null, 'text', 42, [1, 2]])('rejects a body that is not an object: %p', (body) => {
      expect(errorsOf(parseEvent(body))).toEqual([
        { field: '(body)', messages: ['event must be a JSON object'] },
      ]);
    });

    it('rejects an unknown extra field', () => {
      const errors = errorsOf(parseEvent({ ...example('ItemSold'), colour: 'red' }));
      expect(errors).toEqual([
        { field: 'colour', messages: [expect.stringContaining('should not exist')] },
      ]);
    });

    it('rejects a field that belongs to another event type', () => {
      expect(fieldsOf(parseEvent({ ...example('StockReceived'), reservationId: 'res-1' }))).toEqual(
        ['reservationId'],
      );
    });

    it('rejects an adjustment of zero', () => {
      expect(fieldsOf(parseEvent({ ...example('StockAdjusted'), delta: 0 }))).toEqual(['delta']);
    });

    it('rejects a transfer to the location it comes from', () => {
      const errors = errorsOf(parseEvent({ ...example('StockTransferred'), toLocationId: 'wh-1' }));
      expect(errors).toEqual([
        { field: 'toLocationId', messages: ['toLocationId must differ from fromLocationId'] },
      ]);
    });

    it('reports missing transfer locations once each, without a spurious "must differ"', () => {
      const event = without(example('StockTransferred'), 'fromLocationId', 'toLocationId');
      const errors = errorsOf(parseEvent(event));

      expect(errors.map((e) => e.field).sort()).toEqual(['fromLocationId', 'toLocationId']);
      expect(errors.flatMap((e) => e.messages)).not.toContain(
        'toLocationId must differ from fromLocationId',
      );
    });

    it('accepts metadata of exactly the byte limit and rejects one byte more', () => {
      const atLimit = metadataOfBytes(MAX_METADATA_BYTES);
      expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(MAX_METADATA_BYTES);
      expect(parseEvent({ ...example('StockReceived'), metadata: atLimit }).ok).toBe(true);

      const overLimit = metadataOfBytes(MAX_METADATA_BYTES + 1);
      expect(fieldsOf(parseEvent({ ...example('StockReceived'), metadata: overLimit }))).toEqual([
        'metadata',
      ]);
    });

    it('counts metadata size in bytes, not characters', () => {
      const metadata = metadataOfBytes(MAX_METADATA_BYTES + 2, 'é');
      expect(JSON.stringify(metadata).length).toBeLessThan(MAX_METADATA_BYTES);
      expect(fieldsOf(parseEvent({ ...example('StockReceived'), metadata }))).toEqual(['metadata']);
    });

    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
      'rejects a top-level %s key like any unknown field',
      (key) => {
        // Built through JSON.parse, as on the wire, so `__proto__` is an own key.
        const json = JSON.stringify(example('ItemSold')).replace('{', `{"${key}":1,`);
        expect(errorsOf(parseEvent(JSON.parse(json)))).toEqual([
          { field: key, messages: [`property ${key} should not exist`] },
        ]);
      },
    );

    it('reports an object in a string field instead of throwing, whatever its keys', () => {
      const event = {
        ...example('ItemSold'),
        sku: { constructor: 1 },
        locationId: { toString: 'x' },
      };
      expect(fieldsOf(parseEvent(event))).toEqual(['locationId', 'sku']);
    });

    it('rejects metadata that is not an object', () => {
      expect(fieldsOf(parseEvent({ ...example('StockReceived'), metadata: ['a'] }))).toEqual([
        'metadata',
      ]);
    });

    it.each([
      ['eventId', 'not-a-uuid'],
      ['schemaVersion', 2],
      ['occurredAt', 'yesterday'],
      ['channel', 'POS!'],
      ['quantity', 1.5],
      ['quantity', '3'],
    ])('rejects %s = %p', (field, value) => {
      expect(fieldsOf(parseEvent({ ...example('ItemSold'), [field]: value }))).toEqual([field]);
    });

    it('rejects a release reason outside the contract list', () => {
      expect(
        fieldsOf(parseEvent({ ...example('ReservationReleased'), reason: 'changed_mind' })),
      ).toEqual(['reason']);
    });

    it('rejects a negative count', () => {
      expect(fieldsOf(parseEvent({ ...example('StockCounted'), countedQuantity: -1 }))).toEqual([
        'countedQuantity',
      ]);
    });
  });

  it('never throws, whatever JSON it is given (a throw would be a poison message)', () => {
    const wire = fc.oneof(
      fc.jsonValue(),
      fc
        .tuple(inventoryEventArb, fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })))
        .map(([event, extra]) => ({ ...event, ...extra })),
      fc
        .tuple(inventoryEventArb, fc.jsonValue({ maxDepth: 3 }))
        .map(([event, metadata]) => ({ ...event, metadata })),
    );
    fc.assert(
      fc.property(wire, (value) => {
        const result = parseEvent(JSON.parse(JSON.stringify(value) ?? 'null'));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseEvents', () => {
  it('returns the events in order when all are valid', () => {
    const events = [
      example('StockReceived'),
      example('StockReserved'),
      example('StockTransferred'),
    ];
    expect(parseEvents(events)).toEqual({ ok: true, events });
  });

  it('reports errors of every element with the element index in the path', () => {
    const events: unknown[] = [
      example('StockReceived'),
      { ...example('ItemSold'), sku: '' },
      { ...example('ReservationFulfilled'), quantity: 0 },
      'not an event',
    ];
    const result = parseEvents(events);

    expect(result.ok).toBe(false);
    expect(fieldsOf(result)).toEqual(['[1].sku', '[2].quantity', '[3]']);
    expect(result).not.toHaveProperty('events');
  });
});
