import { Message } from '@stockflow/kafka';
import { InventoryEvent, StockLevelMessage, isAppliedByCounters } from '@stockflow/contracts';
import {
  BatchResult,
  LedgerState,
  locationAvailableDeltas,
  stockSnapshot,
} from '@stockflow/ledger-core';

/**
 * One message per SKU the batch changed, carrying its state after the batch.
 * `events` are the batch's events (any superset of the applied ones).
 */
export function stockLevelMessages(
  before: LedgerState,
  result: BatchResult,
  events: InventoryEvent[],
  now: Date,
): Message[] {
  const inCountersAlready = new Set(events.filter(isAppliedByCounters).map((e) => e.eventId));
  const external = new Map<string, Record<string, number>>();
  for (const entry of result.entries) {
    // Only what checkout applied itself is already in the Redis counters; a
    // reservation or order cancel some channel posted must reach them like a sale.
    if (inCountersAlready.has(entry.eventId)) continue;
    const deltas = external.get(entry.sku) ?? {};
    for (const [locationId, delta] of locationAvailableDeltas(entry))
      deltas[locationId] = (deltas[locationId] ?? 0) + delta;
    external.set(entry.sku, deltas);
  }
  return result.changedSkus.map((sku) => {
    const state = result.state.stock.get(sku)!;
    const externalLocationDeltas = withoutZeros(external.get(sku) ?? {});
    const value: StockLevelMessage = {
      ...stockSnapshot(state),
      previousVersion: before.stock.get(sku)?.version ?? 0,
      externalAvailableDelta: Object.values(externalLocationDeltas).reduce((t, d) => t + d, 0),
      externalLocationDeltas,
      updatedAt: now.toISOString(),
    };
    return { key: sku, value: JSON.stringify(value) };
  });
}

function withoutZeros(deltas: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(deltas).filter(([, d]) => d !== 0));
}
