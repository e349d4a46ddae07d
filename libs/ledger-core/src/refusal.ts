/**
 * Why an event was not applied. Refusals are values, not exceptions: the fold
 * returns them and the ledger routes the event to the DLQ with this reason.
 */
export type RefusalCode =
  | 'unknown_reservation'
  | 'duplicate_reservation'
  | 'reservation_sku_mismatch'
  | 'over_release'
  | 'over_fulfil'
  /** A channel's reservation the locations' available cannot cover (docs/pools.md). */
  | 'insufficient_available'
  /** A state move or incoming cancel larger than what its source holds. */
  | 'insufficient_quantity'
  /** Compare-and-set: the quantity is no longer what the writer saw (`current` says what it is). */
  | 'change_from_quantity_stale';

export interface Refusal {
  eventId: string;
  sku: string;
  code: RefusalCode;
  reason: string;
  /** For change_from_quantity_stale: the quantity at the event's place in the log. */
  current?: number;
}
