/** A SKU's stock as the ledger holds it (and GET /v1/stock/:sku answers it). */
export interface StockSnapshot {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  locations: { locationId: string; onHand: number }[];
  version: number;
}

/**
 * Message on the compacted topic `inventory.stock-levels` (key = sku): the new
 * state of a SKU after a ledger batch (acknowledged by Kafka just before that batch
 * commits: see docs/ledger.md). `version` counts the events
 * applied to the SKU, so it is monotonic and a consumer drops anything older.
 */
export interface StockLevelMessage extends StockSnapshot {
  /** Version before the batch that produced this message. */
  previousVersion: number;
  /**
   * How much `available` moved between previousVersion and version because of
   * events other than those checkout applied itself (receipts, sales,
   * adjustments, counts, reservations whose ids are not checkout's, order
   * cancels: see isAppliedByCheckout). Checkout's own reservations and releases
   * are already in the Redis counters that issued them, so this is what they
   * still have to apply.
   */
  externalAvailableDelta: number;
  updatedAt: string;
}
