/**
 * Why an event was not applied. Refusals are values, not exceptions: the fold
 * returns them and the ledger routes the event to the DLQ with this reason.
 */
export type RefusalCode =
  | 'unknown_reservation'
  | 'duplicate_reservation'
  | 'reservation_sku_mismatch'
  | 'over_release'
  | 'over_fulfil';

export interface Refusal {
  eventId: string;
  sku: string;
  code: RefusalCode;
  reason: string;
}
