import { StockLevelMessage } from '@stockflow/contracts';
import { ReservationContext, hydrate } from './hydration';
import { reservationMetrics } from './reservation-metrics';

type LevelUpdate = Pick<StockLevelMessage, 'sku' | 'previousVersion' | 'version' | 'externalAvailableDelta'>;

/**
 * Moves the counters by what the ledger applied besides reservations (receipts,
 * POS sales, adjustments, counts), exactly once per version range; messages in log
 * order. A gap rebuilds the counter from the ledger; a missing one is hydrated.
 * Returns how many messages moved a counter.
 */
export async function applyStockLevels(ctx: ReservationContext, updates: LevelUpdate[]): Promise<number> {
  const outcomes = await ctx.stock.applyLevels(updates);
  const gaps = [...new Set(updates.filter((_, i) => outcomes[i] === 'gap').map((u) => u.sku))];
  const missing = updates.filter((_, i) => outcomes[i] === 'missing').map((u) => u.sku);
  reservationMetrics.levelGaps.inc(gaps.length);
  for (const sku of gaps) await ctx.stock.drop(sku);
  await hydrate(ctx, [...gaps, ...missing]);
  return outcomes.filter((o) => o === 'applied').length;
}
