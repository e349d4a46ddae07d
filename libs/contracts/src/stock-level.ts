/** Quantities with Shopify's names: on_hand = available + committed + reserved + damaged + quality_control + safety_stock. */
export interface Quantities {
  on_hand: number;
  available: number;
  /** Units of open order reservations. */
  committed: number;
  /** Units of open cart holds. */
  reserved: number;
  damaged: number;
  quality_control: number;
  safety_stock: number;
  /** Expected against open documents; not on hand. */
  incoming: number;
}

export interface LocationSnapshot {
  locationId: string;
  onHand: number;
  /** committed + held at this location. */
  reserved: number;
  /** What can be reserved or sold here (negative when oversold). */
  available: number;
  quantities: Quantities;
}

/** A SKU's stock as the ledger holds it (and GET /v1/stock/:sku answers it). */
export interface StockSnapshot {
  sku: string;
  onHand: number;
  /** committed + held (quantities.committed + quantities.reserved). */
  reserved: number;
  available: number;
  locations: LocationSnapshot[];
  quantities: Quantities;
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
   * events other than those the reservation counters applied themselves
   * (receipts, sales, adjustments, counts, reservations whose ids are not
   * counter reservations, order cancels: see isAppliedByCounters). The
   * counters' own reservations and releases are already in them, so this is
   * what they still have to apply.
   */
  externalAvailableDelta: number;
  /** externalAvailableDelta per location (the Redis counters are per location); locations that moved only. */
  externalLocationDeltas: Record<string, number>;
  updatedAt: string;
}
