export interface SafetyStock {
  /** Held back from every SKU on this channel. */
  safetyStock: number;
  /** Per-SKU overrides of safetyStock. */
  skuSafetyStock?: Record<string, number>;
}

/**
 * What a channel may sell: its pool's available minus the channel's
 * safety stock, never negative (available itself can be, after POS oversells).
 */
export function sellableQuantity(available: number, sku: string, channel: SafetyStock): number {
  const held = channel.skuSafetyStock?.[sku] ?? channel.safetyStock;
  return Math.max(0, available - held);
}
