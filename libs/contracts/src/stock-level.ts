/**
 * Message on the compacted topic `inventory.stock-levels` (key = sku): the new
 * state of a SKU after the ledger committed a batch. `version` counts the events
 * applied to the SKU, so it is monotonic and a consumer drops anything older.
 */
export interface StockLevelMessage {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  locations: { locationId: string; onHand: number }[];
  version: number;
  /** Version before the batch that produced this message. */
  previousVersion: number;
  /**
   * How much `available` moved between previousVersion and version because of
   * events other than checkout's own StockReserved and ReservationReleased
   * (receipts, sales, adjustments, counts, and reservations whose ids are not
   * checkout's: see isCheckoutReservation). Checkout's reservation side is
   * already reflected in the Redis counters that issued those events, so this is
   * what they still have to apply.
   */
  externalAvailableDelta: number;
  updatedAt: string;
}
