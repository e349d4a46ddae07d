import { EventType } from '@stockflow/contracts';

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
  reservedDelta: number;
  locationDeltas: { locationId: string; delta: number }[];
  reservationId?: string;
  /** True when this event took a location's onHand below zero (a physical fact to review). */
  wentNegative: boolean;
}

export function availableDelta(entry: JournalEntry): number {
  return entry.onHandDelta - entry.reservedDelta;
}
