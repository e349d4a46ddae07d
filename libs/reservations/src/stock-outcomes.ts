import { Allocation } from '@stockflow/contracts';
import type { TraceCarrier } from '@stockflow/tracing';

export interface OrderLineRequest {
  sku: string;
  quantity: number;
  /** Reservation id the line gets when it is reserved afresh (see orderLineReservationId). */
  reservationId: string;
}

export interface OrderReservationRequest {
  orderId: string;
  channel: string;
  cartId?: string;
  /** The channel's pool: location ids in priority order; undefined = the default pool (every location, lowest id first). */
  pool?: readonly string[];
  lines: OrderLineRequest[];
  /** The placing request's trace context; its events carry it through the outbox to the ledger. */
  trace?: TraceCarrier;
}

export type OrderReservation =
  | {
      status: 'reserved';
      rids: string[];
      allocations: Allocation[][];
      released: Release[];
      converted: string[];
    }
  | { status: 'insufficient'; skus: string[] }
  | { status: 'missing'; sku: string };

export interface Release {
  rid: string;
  reason: 'cart_cancel' | 'expired';
}

/** Holds released now; without a registry entry (hydrate first); released earlier. */
export interface HoldReleases {
  released: string[];
  unknown: string[];
  gone: string[];
}

export type HoldOutcome =
  | { status: 'held'; replaced: string; allocations: Allocation[] }
  | { status: 'insufficient'; available: number }
  | { status: 'missing' };

export type LevelOutcome = 'applied' | 'stale' | 'gap' | 'missing';

/** One open reservation as hydration writes it back into the registry. */
export interface RegistryEntry {
  rid: string;
  quantity: number;
  kind: 'order' | 'hold';
  cartId: string | null;
  orderId: string | null;
  expiresAtMs: number;
  channel: string;
  allocations: Allocation[];
}

/** A SKU's counter: available per location, their sum, and the ledger version folded in. */
export interface Counter {
  avail: number;
  ver: number;
  locations: Record<string, number>;
}

/** A hold the caller knows by its sku (the registry key carries the sku's hash tag). */
export interface HoldRef {
  rid: string;
  sku: string;
  cartId: string;
}
