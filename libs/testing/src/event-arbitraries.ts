import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  EventType,
  InventoryEvent,
  ItemSold,
  RELEASE_REASONS,
  ReservationFulfilled,
  ReservationReleased,
  SCHEMA_VERSION,
  StockAdjusted,
  StockCounted,
  StockReceived,
  StockReserved,
  StockTransferred,
  StockStateChanged,
  StockIncoming,
  IncomingCancelled,
  MOVABLE_STATES,
} from '@stockflow/contracts';

/**
 * Small pools on purpose: with 3 SKUs, 3 locations and 4 reservation ids, random
 * events keep hitting the same state, so reservations really get drawn down,
 * over-drawn, reused across SKUs, and locations go negative.
 */
export const EVENT_POOLS = {
  skus: ['SKU-A', 'SKU-B', 'sku.c_1'],
  locations: ['wh-east', 'wh-west', 'store:1'],
  // Two of checkout's own (always applied where they say) beside channel reservations (checked first).
  reservationIds: ['res-1', 'res-2', 'ord:o-1:0', 'hold:c-1:x'],
  documents: ['gid://erp/PurchaseOrder/1', 'gid://erp/PurchaseOrder/2'],
  channels: ['pos', 'web', 'amazon', 'shopify'],
} as const;

type CommonField = 'eventId' | 'type' | 'channel' | 'occurredAt' | 'schemaVersion';
/** The fields that make an event of type T what it is (sku included, envelope excluded). */
export type EventFields<T extends EventType> = Omit<
  Extract<InventoryEvent, { type: T }>,
  CommonField
> &
  Partial<Pick<InventoryEvent, Exclude<CommonField, 'type'>>>;

/** Fixed so example-based tests are reproducible; the fold never reads the clock. */
const EXAMPLE_OCCURRED_AT = '2024-05-01T12:00:00.000Z';

/**
 * A valid event for example-based tests: fresh eventId, channel `pos`, schema
 * version 1. Any envelope field can be overridden through `fields`.
 */
export function makeEvent<T extends EventType>(
  type: T,
  fields: EventFields<T>,
): Extract<InventoryEvent, { type: T }> {
  return {
    eventId: randomUUID(),
    channel: 'pos',
    occurredAt: EXAMPLE_OCCURRED_AT,
    schemaVersion: SCHEMA_VERSION,
    ...fields,
    type,
  } as Extract<InventoryEvent, { type: T }>;
}

const sku = fc.constantFrom(...EVENT_POOLS.skus);
const locationId = fc.constantFrom(...EVENT_POOLS.locations);
const reservationId = fc.constantFrom(...EVENT_POOLS.reservationIds);
const quantity = fc.integer({ min: 1, max: 6 });
const document = fc.constantFrom(...EVENT_POOLS.documents);
const occurredAt = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2026-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const metadata = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.oneof(fc.string({ maxLength: 24 }), fc.integer(), fc.boolean()),
  // Plain prototypes, as JSON.parse produces them.
  { maxKeys: 3, noNullPrototype: true },
);

/** Envelope shared by every type; `metadata` is sometimes absent (not `undefined`). */
function withEnvelope<T extends EventType, F extends object>(type: T, fields: fc.Arbitrary<F>) {
  const envelope = fc.record(
    {
      eventId: fc.uuid(),
      sku,
      channel: fc.constantFrom(...EVENT_POOLS.channels),
      occurredAt,
      metadata,
    },
    { requiredKeys: ['eventId', 'sku', 'channel', 'occurredAt'] },
  );
  return fc
    .tuple(envelope, fields)
    .map(([env, own]) => ({ ...env, ...own, type, schemaVersion: SCHEMA_VERSION }));
}

export const stockReceivedArb: fc.Arbitrary<StockReceived> = withEnvelope(
  'StockReceived',
  fc.record(
    { locationId, quantity: fc.integer({ min: 1, max: 20 }), referenceDocumentUri: document },
    { requiredKeys: ['locationId', 'quantity'] },
  ),
);

export const stockAdjustedArb: fc.Arbitrary<StockAdjusted> = withEnvelope(
  'StockAdjusted',
  fc.record({
    locationId,
    delta: fc.oneof(fc.integer({ min: -8, max: -1 }), fc.integer({ min: 1, max: 8 })),
    reason: fc.constantFrom('damaged', 'found', 'shrinkage', 'correction'),
  }),
);

export const stockCountedArb: fc.Arbitrary<StockCounted> = withEnvelope(
  'StockCounted',
  fc.record(
    {
      locationId,
      countedQuantity: fc.integer({ min: 0, max: 15 }),
      name: fc.constantFrom('on_hand' as const, 'available' as const),
      changeFromQuantity: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 15 })),
    },
    { requiredKeys: ['locationId', 'countedQuantity'] },
  ),
);

export const itemSoldArb: fc.Arbitrary<ItemSold> = withEnvelope(
  'ItemSold',
  fc.record({ locationId, quantity }),
);

export const stockReservedArb: fc.Arbitrary<StockReserved> = withEnvelope(
  'StockReserved',
  fc
    .record(
      {
        reservationId,
        orderId: fc.stringMatching(/^ord-[0-9a-f]{1,8}$/),
        quantity,
        split: fc.shuffledSubarray([...EVENT_POOLS.locations], { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: ['reservationId', 'quantity'] },
    )
    .map(({ split, ...fields }) =>
      split ? { ...fields, allocations: splitOver(split, fields.quantity) } : fields,
    ),
);

/** `quantity` over the given locations, each at least 1 where the quantity allows. */
function splitOver(locations: string[], quantity: number) {
  const used = locations.slice(0, Math.min(locations.length, quantity));
  return used.map((locationId, i) => ({
    locationId,
    quantity: i === 0 ? quantity - (used.length - 1) : 1,
  }));
}

export const reservationReleasedArb: fc.Arbitrary<ReservationReleased> = withEnvelope(
  'ReservationReleased',
  fc.record({ reservationId, quantity, reason: fc.constantFrom(...RELEASE_REASONS) }),
);

export const reservationFulfilledArb: fc.Arbitrary<ReservationFulfilled> = withEnvelope(
  'ReservationFulfilled',
  fc.record({ reservationId, locationId, quantity }),
);

export const stockTransferredArb: fc.Arbitrary<StockTransferred> = withEnvelope(
  'StockTransferred',
  fc
    .shuffledSubarray([...EVENT_POOLS.locations], { minLength: 2, maxLength: 2 })
    .chain(([fromLocationId, toLocationId]) =>
      fc.record({
        fromLocationId: fc.constant(fromLocationId),
        toLocationId: fc.constant(toLocationId),
        quantity,
      }),
    ),
);

export const stockStateChangedArb: fc.Arbitrary<StockStateChanged> = withEnvelope(
  'StockStateChanged',
  fc
    .shuffledSubarray([...MOVABLE_STATES], { minLength: 2, maxLength: 2 })
    .chain(([from, to]) =>
      fc.record({ locationId, quantity, from: fc.constant(from), to: fc.constant(to) }),
    ),
);

export const stockIncomingArb: fc.Arbitrary<StockIncoming> = withEnvelope(
  'StockIncoming',
  fc.record({
    locationId,
    quantity: fc.integer({ min: 1, max: 20 }),
    referenceDocumentUri: document,
  }),
);

export const incomingCancelledArb: fc.Arbitrary<IncomingCancelled> = withEnvelope(
  'IncomingCancelled',
  fc.record({ locationId, quantity, referenceDocumentUri: document }),
);

/** Any one valid event, every type equally likely. */
export const inventoryEventArb: fc.Arbitrary<InventoryEvent> = fc.oneof(
  stockReceivedArb,
  stockAdjustedArb,
  stockCountedArb,
  itemSoldArb,
  stockReservedArb,
  reservationReleasedArb,
  reservationFulfilledArb,
  stockTransferredArb,
  stockStateChangedArb,
  stockIncomingArb,
  incomingCancelledArb,
);

/** Three draws in four follow a reservation opened earlier in the log; the rest stay random. */
const mostly = fc.integer({ min: 0, max: 3 }).map((n) => n > 0);

type LogStep =
  { fresh: InventoryEvent; followReservation: boolean; pick: number } | { reemit: number };

/**
 * A log as the ledger would read it from a partition: valid events whose ids
 * and reservations collide on purpose. Most draws (release, fulfil) name a
 * reservation opened earlier and its SKU, so they apply, partly draw, or
 * over-draw; the others hit unknown reservations or the wrong SKU. Some steps
 * re-emit an earlier event with the same eventId (a producer retry).
 */
export function eventLogArb({ maxLength = 60 }: { maxLength?: number } = {}): fc.Arbitrary<
  InventoryEvent[]
> {
  const step: fc.Arbitrary<LogStep> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ fresh: inventoryEventArb, followReservation: mostly, pick: fc.nat() }),
    },
    { weight: 1, arbitrary: fc.record({ reemit: fc.nat() }) },
  );
  return fc.array(step, { maxLength, size: 'medium' }).map(buildLog);
}

function buildLog(steps: LogStep[]): InventoryEvent[] {
  const log: InventoryEvent[] = [];
  const opened: { reservationId: string; sku: string }[] = [];
  for (const s of steps) {
    if ('reemit' in s) {
      if (log.length > 0) log.push(log[s.reemit % log.length]);
      continue;
    }
    let event = s.fresh;
    if (event.type === 'StockReserved')
      opened.push({ reservationId: event.reservationId, sku: event.sku });
    const isDraw = event.type === 'ReservationReleased' || event.type === 'ReservationFulfilled';
    if (isDraw && s.followReservation && opened.length > 0) {
      event = { ...event, ...opened[s.pick % opened.length] };
    }
    log.push(event);
  }
  return log;
}
