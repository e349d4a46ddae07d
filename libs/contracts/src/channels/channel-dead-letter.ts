import { DeadLetter } from '../dead-letter';

/** The adapter-independent update channel-sync tried to deliver. */
export interface ChannelStockUpdate {
  sku: string;
  version: number;
  /** The ledger's available quantity the channel's sellable quantity was computed from. */
  available: number;
  /** max(0, available - safety stock of the channel for this SKU). */
  quantity: number;
}

/**
 * Record on `channel-sync.dlq`. Delivery failures carry the channel, how many
 * sends were tried and the request body of the last one; poison messages read
 * from `inventory.stock-levels` carry `channel: null` and the original bytes.
 * The DeadLetter fields name the stock-level message the update came from.
 */
export interface ChannelDeadLetter extends DeadLetter {
  channel: string | null;
  sku: string | null;
  attempts: number;
  update: ChannelStockUpdate | null;
  /** Request body as the channel's adapter sends it (webhook or Shopify shape). */
  payload: unknown;
}
