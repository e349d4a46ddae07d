/** Derived state of one SKU: the projection the ledger keeps in Postgres. */
export interface StockState {
  sku: string;
  /** onHand per location; the SKU's onHand is their sum. */
  locations: Readonly<Record<string, number>>;
  onHand: number;
  reserved: number;
  /** Number of events applied to this SKU: monotonic, used to order downstream updates. */
  version: number;
}

/** An open (or netted, not yet compacted) reservation of some quantity of one SKU. */
export interface ReservationState {
  reservationId: string;
  sku: string;
  orderId?: string;
  /** Quantity originally reserved. */
  quantity: number;
  /** What is still reserved: quantity minus what was released or fulfilled. */
  open: number;
}

export function emptyStock(sku: string): StockState {
  return { sku, locations: {}, onHand: 0, reserved: 0, version: 0 };
}

export function available(state: StockState): number {
  return state.onHand - state.reserved;
}
