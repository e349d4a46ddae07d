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
  'StockStateChanged',
  'StockIncoming',
  'IncomingCancelled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const RELEASE_REASONS = ['cart_cancel', 'order_cancel', 'expired', 'rejected'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * States on-hand units can be moved between with StockStateChanged (Shopify's
 * names). `committed` (order reservations) and `reserved` (cart holds) are moved
 * only by reservation events, `incoming` is not on hand.
 */
export const MOVABLE_STATES = ['available', 'damaged', 'quality_control', 'safety_stock'] as const;
export type MovableState = (typeof MOVABLE_STATES)[number];

/** What POST /v1/stock/:sku/set (a StockCounted with `name`) may set. */
export const SETTABLE_QUANTITIES = ['on_hand', 'available'] as const;
export type SettableQuantity = (typeof SETTABLE_QUANTITIES)[number];

export const MAX_REFERENCE_LENGTH = 255;

/** Units of a reservation taken at one location. */
export interface Allocation {
  locationId: string;
  quantity: number;
}

interface EventBase<T extends EventType> {
  eventId: string;
  type: T;
  sku: string;
  channel: string;
  occurredAt: string;
  schemaVersion: number;
  metadata?: Record<string, unknown>;
  /** The document behind the change (e.g. `gid://erp/PurchaseOrder/4411`); the journal keeps and indexes it. */
  referenceDocumentUri?: string;
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
  /** Which quantity the count sets: `on_hand` (the default) or `available` (on hand moves by the difference). */
  name?: SettableQuantity;
  /**
   * Compare-and-set: the value the writer believes current. When it differs from
   * the ledger's at this event's place in the log, the event is refused
   * (`change_from_quantity_stale`) and changes nothing. Absent or null: no check.
   */
  changeFromQuantity?: number | null;
}
export interface ItemSold extends EventBase<'ItemSold'> {
  locationId: string;
  quantity: number;
}
export interface StockReserved extends EventBase<'StockReserved'> {
  reservationId: string;
  orderId?: string;
  quantity: number;
  /**
   * Where the units are taken; their quantities add up to `quantity`. Checkout
   * always sends them. Without them the ledger allocates (docs/pools.md).
   */
  allocations?: Allocation[];
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

export interface StockStateChanged extends EventBase<'StockStateChanged'> {
  locationId: string;
  quantity: number;
  from: MovableState;
  to: MovableState;
}
export interface StockIncoming extends EventBase<'StockIncoming'> {
  locationId: string;
  quantity: number;
  referenceDocumentUri: string;
  expectedAt?: string;
}
export interface IncomingCancelled extends EventBase<'IncomingCancelled'> {
  locationId: string;
  quantity: number;
  referenceDocumentUri: string;
}

export type InventoryEvent =
  | StockReceived
  | StockAdjusted
  | StockCounted
  | ItemSold
  | StockReserved
  | ReservationReleased
  | ReservationFulfilled
  | StockTransferred
  | StockStateChanged
  | StockIncoming
  | IncomingCancelled;
