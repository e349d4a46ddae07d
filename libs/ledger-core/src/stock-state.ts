import { Allocation, HOLD_RESERVATION_PREFIX } from '@stockflow/contracts';

/**
 * Quantities of one SKU at one location, in the states Shopify names. On hand is
 * the physical count; the other on-hand states are parts of it that cannot be
 * sold. `available` is what is left and is derived, never stored:
 *   available = onHand - committed - reserved - damaged - qualityControl - safetyStock
 * `incoming` is not on hand: units expected against open documents (purchase orders).
 */
export interface LocationStock {
  onHand: number;
  /** Units of open order reservations allocated here. */
  committed: number;
  /** Units of open cart holds allocated here. */
  reserved: number;
  damaged: number;
  qualityControl: number;
  safetyStock: number;
  /** Open incoming units by reference document URI. */
  incoming: Readonly<Record<string, number>>;
}

/** Derived state of one SKU: the projection the ledger keeps in Postgres. */
export interface StockState {
  sku: string;
  locations: Readonly<Record<string, LocationStock>>;
  /** Sum of the locations' onHand (kept by the fold, so reads need no sum). */
  onHand: number;
  /** Sum of the locations' committed + reserved: the contract's top-level `reserved`. */
  reserved: number;
  /** Number of events applied to this SKU: monotonic, used to order downstream updates. */
  version: number;
}

export type ReservationKind = 'order' | 'hold';

/** One location's part of a reservation: how much it took, how much is still open. */
export interface ReservationAllocation extends Allocation {
  open: number;
}

/** An open (or netted, not yet compacted) reservation of some quantity of one SKU. */
export interface ReservationState {
  reservationId: string;
  sku: string;
  orderId?: string;
  /** Order reservations count as `committed`, cart holds as `reserved`. */
  kind: ReservationKind;
  /** Quantity originally reserved. */
  quantity: number;
  /** What is still reserved: quantity minus what was released or fulfilled (the sum of allocations' open). */
  open: number;
  /** Where the units were taken, in the order they were taken. */
  allocations: readonly ReservationAllocation[];
}

export function emptyStock(sku: string): StockState {
  return { sku, locations: {}, onHand: 0, reserved: 0, version: 0 };
}

export function emptyLocation(): LocationStock {
  return {
    onHand: 0,
    committed: 0,
    reserved: 0,
    damaged: 0,
    qualityControl: 0,
    safetyStock: 0,
    incoming: {},
  };
}

export function reservationKind(reservationId: string): ReservationKind {
  return reservationId.startsWith(HOLD_RESERVATION_PREFIX) ? 'hold' : 'order';
}

/** What can still be reserved or sold at a location (negative when oversold). */
export function locationAvailable(l: LocationStock): number {
  return l.onHand - l.committed - l.reserved - l.damaged - l.qualityControl - l.safetyStock;
}

export function incomingTotal(l: LocationStock): number {
  let total = 0;
  for (const q of Object.values(l.incoming)) total += q;
  return total;
}

/** The SKU's available: the sum over its locations (a location below zero counts as it is). */
export function available(state: StockState): number {
  let total = 0;
  for (const l of Object.values(state.locations)) total += locationAvailable(l);
  return total;
}

/** Location ids of a SKU in the default order: lowest locationId first. */
export function locationIds(state: StockState): string[] {
  return Object.keys(state.locations).sort();
}
