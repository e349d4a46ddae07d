import { Message } from 'kafkajs';
import { StockLevelMessage, isCheckoutReservation } from '@stockflow/contracts';
import { BatchResult, LedgerState, availableDelta, available, isReservationSide } from '@stockflow/ledger-core';

/** One message per SKU the batch changed, carrying its state after the batch. */
export function stockLevelMessages(before: LedgerState, result: BatchResult, now: Date): Message[] {
  const external = new Map<string, number>();
  for (const entry of result.entries) {
    // Only checkout's own reservations are already in the Redis counters; a
    // reservation some channel posted directly must reach them like a sale.
    if (isReservationSide(entry.type) && isCheckoutReservation(entry.reservationId)) continue;
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
