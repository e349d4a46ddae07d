import { Allocation, EventType } from '@stockflow/contracts';
import { Quantities } from './quantities';

/** How one event moved one state of one location (Shopify's names; `available` included). */
export interface StateDelta {
  locationId: string;
  state: keyof Quantities;
  delta: number;
}

/** What one applied event did to its SKU; the ledger stores one row per entry. */
export interface JournalEntry {
  eventId: string;
  sku: string;
  type: EventType;
  channel: string;
  occurredAt: string;
  /** SKU version after this event. */
  version: number;
  onHandDelta: number;
  /** Change of the top-level reserved (committed + held). */
  reservedDelta: number;
  /** Change of the SKU's available (the sum over its locations). */
  availableDelta: number;
  /** onHand moves per location (non-zero only). */
  locationDeltas: { locationId: string; delta: number }[];
  /** Every state each location moved, `available` included (non-zero only). */
  stateDeltas: StateDelta[];
  reservationId?: string;
  /** Where a StockReserved took its units (as given, or as the ledger allocated them). */
  allocations?: Allocation[];
  referenceDocumentUri?: string;
  /** True when this event took a location's onHand below zero (a physical fact to review). */
  wentNegative: boolean;
}

export function availableDelta(entry: JournalEntry): number {
  return entry.availableDelta;
}

/** The available delta of each location an entry moved. */
export function locationAvailableDeltas(entry: JournalEntry): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const d of entry.stateDeltas) if (d.state === 'available') deltas.set(d.locationId, d.delta);
  return deltas;
}
