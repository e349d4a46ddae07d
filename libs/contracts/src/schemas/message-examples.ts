import { ChannelDeadLetter } from '../channels/channel-dead-letter';
import { DeadLetter } from '../dead-letter';
import { EventType, InventoryEvent } from '../events/event-types';
import { PoolDefined, PoolDeleted } from '../pools/pool-types';
import { StockLevelMessage } from '../stock-level';

const envelope = {
  sku: 'TSHIRT-RED-M',
  occurredAt: '2026-11-25T10:00:00.000Z',
  schemaVersion: 1,
} as const;

/** One example of every event type, typed by the contract's interfaces (the docs test validates each against its schema). */
export const EVENT_EXAMPLES: { [T in EventType]: Extract<InventoryEvent, { type: T }> } = {
  StockReceived: {
    ...envelope,
    eventId: '6f1c8a52-0d7e-4c8e-9a51-6a0f2b1d9e01',
    type: 'StockReceived',
    channel: '3pl',
    locationId: 'WH-EAST',
    quantity: 5,
  },
  StockAdjusted: {
    ...envelope,
    eventId: '0b6d1f0e-3b0c-4c1e-8f7a-2a4f1b9d7c02',
    type: 'StockAdjusted',
    channel: 'pos',
    locationId: 'STORE-1',
    delta: -2,
    reason: 'damaged',
  },
  StockCounted: {
    ...envelope,
    eventId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e03',
    type: 'StockCounted',
    channel: 'pos',
    locationId: 'STORE-1',
    countedQuantity: 12,
  },
  ItemSold: {
    ...envelope,
    eventId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f04',
    type: 'ItemSold',
    channel: 'pos',
    locationId: 'STORE-1',
    quantity: 1,
    metadata: { receipt: 'R-1001' },
  },
  StockReserved: {
    ...envelope,
    eventId: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a05',
    type: 'StockReserved',
    channel: 'web',
    reservationId: 'ord:web:1001:TSHIRT-RED-M',
    orderId: '1001',
    quantity: 2,
    allocations: [{ locationId: 'STORE-1', quantity: 2 }],
  },
  ReservationReleased: {
    ...envelope,
    eventId: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b06',
    type: 'ReservationReleased',
    channel: 'web',
    reservationId: 'ord:web:1001:TSHIRT-RED-M',
    quantity: 2,
    reason: 'order_cancel',
  },
  ReservationFulfilled: {
    ...envelope,
    eventId: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c07',
    type: 'ReservationFulfilled',
    channel: '3pl',
    reservationId: 'ord:web:1002:TSHIRT-RED-M',
    locationId: 'WH-EAST',
    quantity: 1,
  },
  StockTransferred: {
    ...envelope,
    eventId: '6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d08',
    type: 'StockTransferred',
    channel: '3pl',
    fromLocationId: 'WH-EAST',
    toLocationId: 'STORE-1',
    quantity: 10,
  },
  StockStateChanged: {
    ...envelope,
    eventId: '7c8d9e0f-1a2b-4c3d-8e5f-6a7b8c9d0e09',
    type: 'StockStateChanged',
    channel: '3pl',
    locationId: 'WH-EAST',
    quantity: 2,
    from: 'available',
    to: 'damaged',
  },
  StockIncoming: {
    ...envelope,
    eventId: '8d9e0f1a-2b3c-4d4e-9f6a-7b8c9d0e1f10',
    type: 'StockIncoming',
    channel: '3pl',
    locationId: 'WH-EAST',
    quantity: 40,
    referenceDocumentUri: 'gid://erp/PurchaseOrder/4411',
    expectedAt: '2026-12-03T09:00:00.000Z',
  },
  IncomingCancelled: {
    ...envelope,
    eventId: '9e0f1a2b-3c4d-4e5f-8a7b-8c9d0e1f2a11',
    type: 'IncomingCancelled',
    channel: '3pl',
    locationId: 'WH-EAST',
    quantity: 10,
    referenceDocumentUri: 'gid://erp/PurchaseOrder/4411',
  },
};

const noQuantities = { damaged: 0, quality_control: 0, safety_stock: 0, incoming: 0 };

const stockLevel: StockLevelMessage = {
  sku: 'TSHIRT-RED-M',
  onHand: 15,
  reserved: 2,
  available: 13,
  locations: [
    {
      locationId: 'STORE-1',
      onHand: 10,
      reserved: 2,
      available: 8,
      quantities: { ...noQuantities, on_hand: 10, available: 8, committed: 2, reserved: 0 },
    },
    {
      locationId: 'WH-EAST',
      onHand: 5,
      reserved: 0,
      available: 5,
      quantities: { ...noQuantities, on_hand: 5, available: 5, committed: 0, reserved: 0 },
    },
  ],
  quantities: { ...noQuantities, on_hand: 15, available: 13, committed: 2, reserved: 0 },
  externalLocationDeltas: { 'WH-EAST': 5 },
  version: 8,
  previousVersion: 6,
  externalAvailableDelta: 5,
  updatedAt: '2026-11-25T10:00:01.250Z',
};

const deadLetter: DeadLetter = {
  reason: 'quantity: quantity must not be less than 1',
  code: 'schema',
  sourceTopic: 'inventory.events',
  partition: 3,
  offset: '18211',
  key: 'TSHIRT-RED-M',
  originalValue: Buffer.from('{"type":"StockReceived","quantity":0}').toString('base64'),
  failedAt: '2026-11-25T10:00:02.000Z',
  details: [{ field: 'quantity', messages: ['quantity must not be less than 1'] }],
};

const channelDeadLetter: ChannelDeadLetter = {
  reason: 'channel answered 500: {"error":"maintenance"}',
  code: 'retries_exhausted',
  sourceTopic: 'inventory.stock-levels',
  partition: 1,
  offset: '5120',
  key: 'TSHIRT-RED-M',
  originalValue: Buffer.from(JSON.stringify(stockLevel)).toString('base64'),
  failedAt: '2026-11-25T10:00:09.000Z',
  channel: 'web',
  sku: 'TSHIRT-RED-M',
  attempts: 8,
  update: { sku: 'TSHIRT-RED-M', version: 8, available: 13, quantity: 11 },
  payload: { channel: 'web', sku: 'TSHIRT-RED-M', quantity: 11, version: 8 },
};

/** Examples per message component name, shown in the AsyncAPI document. */
export const ASYNCAPI_EXAMPLES: Record<string, unknown[]> = {
  ...Object.fromEntries(Object.entries(EVENT_EXAMPLES).map(([type, example]) => [type, [example]])),
  StockLevelMessage: [stockLevel],
  PoolDefined: [
    {
      eventId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c12',
      type: 'PoolDefined',
      poolId: 'eu-web',
      occurredAt: '2026-11-25T09:00:00.000Z',
      schemaVersion: 1,
      locations: [
        { locationId: 'WH-EAST', priority: 1 },
        { locationId: 'STORE-1', priority: 2 },
      ],
      channels: ['web', 'amazon'],
    } satisfies PoolDefined,
  ],
  PoolDeleted: [
    {
      eventId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d13',
      type: 'PoolDeleted',
      poolId: 'eu-web',
      occurredAt: '2026-11-26T09:00:00.000Z',
      schemaVersion: 1,
    } satisfies PoolDeleted,
  ],
  ChannelAvailability: [
    {
      channel: 'web',
      poolId: 'eu-web',
      sku: 'TSHIRT-RED-M',
      available: 13,
      sellable: 11,
      version: 8,
    },
  ],
  EventResult: [
    {
      replyTo: 'gateway-7f3a',
      eventId: '6f1c8a52-0d7e-4c8e-9a51-6a0f2b1d9e01',
      sku: 'TSHIRT-RED-M',
      outcome: 'applied',
      version: 8,
      onHandDelta: 5,
      availableDelta: 5,
    },
    {
      replyTo: 'gateway-7f3a',
      eventId: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b06',
      outcome: 'refused',
      code: 'over_release',
      reason: 'over_release',
      version: 7,
    },
  ],
  DeadLetter: [deadLetter],
  ChannelDeadLetter: [
    channelDeadLetter,
    {
      ...channelDeadLetter,
      channel: null,
      sku: null,
      attempts: 0,
      update: null,
      payload: null,
      code: 'invalid_json',
      reason: 'value is not JSON',
    },
  ],
};
