import { Message } from 'kafkajs';
import { InventoryEvent, StockLevelMessage, isAppliedByCheckout } from '@stockflow/contracts';
import { BatchResult, LedgerState, availableDelta, available } from '@stockflow/ledger-core';

/**
 * One message per SKU the batch changed, carrying its state after the batch.
 * `events` are the batch's events (any superset of the applied ones).
 */
export function stockLevelMessages(before: LedgerState, result: BatchResult, events: InventoryEvent[], now: Date): Message[] {
  const inCountersAlready = new Set(events.filter(isAppliedByCheckout).map((e) => e.eventId));
  const external = new Map<string, number>();
  for (const entry of result.entries) {
    // Only what checkout applied itself is already in the Redis counters; a
    // reservation or order cancel some channel posted must reach them like a sale.
    if (inCountersAlready.has(entry.eventId)) continue;
    external.set(entry.sku, (external.get(entry.sku) ?? 0) + availableDelta(entry));
  }
  return result.changedSkus.map((sku) => {
    const state = result.state.stock.get(sku)!;
    const value: StockLevelMessage = {
      sku,
      onHand: state.onHand,
      reserved: state.reserved,
      available: available(state),
      locations: Object.entries(state.locations).map(([locationId, onHand]) => ({ locationId, onHand })),
      version: state.version,
      previousVersion: before.stock.get(sku)?.version ?? 0,
      externalAvailableDelta: external.get(sku) ?? 0,
      updatedAt: now.toISOString(),
    };
    return { key: sku, value: JSON.stringify(value) };
  });
}
