/** Plain data shapes of the inventory events (topic `inventory.events`, key = sku). */
export const SCHEMA_VERSION = 1;

export const EVENT_TYPES = [
  'StockReceived',
  'StockAdjusted',
  'StockCounted',
  'ItemSold',
  'StockReserved',
  'ReservationReleased',
  'ReservationFulfilled',
  'StockTransferred',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const RELEASE_REASONS = ['cart_cancel', 'order_cancel', 'expired', 'rejected'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

interface EventBase<T extends EventType> {
  eventId: string;
  type: T;
  sku: string;
  channel: string;
  occurredAt: string;
  schemaVersion: number;
  metadata?: Record<string, unknown>;
}

export interface StockReceived extends EventBase<'StockReceived'> {
  locationId: string;
  quantity: number;
}
export interface StockAdjusted extends EventBase<'StockAdjusted'> {
  locationId: string;
  delta: number;
  reason: string;
}
export interface StockCounted extends EventBase<'StockCounted'> {
  locationId: string;
  countedQuantity: number;
}
export interface ItemSold extends EventBase<'ItemSold'> {
  locationId: string;
  quantity: number;
}
export interface StockReserved extends EventBase<'StockReserved'> {
  reservationId: string;
  orderId?: string;
  quantity: number;
}
export interface ReservationReleased extends EventBase<'ReservationReleased'> {
  reservationId: string;
  quantity: number;
  reason: ReleaseReason;
}
export interface ReservationFulfilled extends EventBase<'ReservationFulfilled'> {
  reservationId: string;
  locationId: string;
  quantity: number;
}
export interface StockTransferred extends EventBase<'StockTransferred'> {
  fromLocationId: string;
  toLocationId: string;
  quantity: number;
}

export type InventoryEvent =
  | StockReceived
  | StockAdjusted
  | StockCounted
  | ItemSold
  | StockReserved
  | ReservationReleased
  | ReservationFulfilled
  | StockTransferred;
