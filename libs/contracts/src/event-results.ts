/**
 * Read-your-writes (POST /v1/events?wait=applied). A writer that waits marks its
 * messages on inventory.events with this header, naming the gateway instance to
 * answer; the ledger then produces one EventResultMessage per marked event to
 * inventory.event-results (key = that instance) in the batch that decided it,
 * before the batch commits. Unmarked events cost nothing extra.
 */
export const REPLY_TO_HEADER = 'stockflow-reply-to';

export type EventOutcomeName = 'applied' | 'duplicate' | 'refused';

export interface EventResultMessage {
  /** The gateway instance waiting for it (the header's value). */
  replyTo: string;
  eventId: string;
  sku?: string;
  outcome: EventOutcomeName;
  /** Refusal or poison code, e.g. `change_from_quantity_stale`, `insufficient_quantity`, `schema`. */
  code?: string;
  reason?: string;
  /** For change_from_quantity_stale: the quantity at the event's place in the log. */
  current?: number;
  /** The SKU's version after the event (applied). */
  version?: number;
  /** What the event moved (applied). */
  onHandDelta?: number;
  availableDelta?: number;
}
