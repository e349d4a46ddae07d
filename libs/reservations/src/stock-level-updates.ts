import { StockLevelMessage } from '@stockflow/contracts';
import { ReservationContext, hydrate } from './hydration';
import { reservationMetrics } from './reservation-metrics';

type LevelUpdate = Pick<
  StockLevelMessage,
  'sku' | 'previousVersion' | 'version' | 'externalLocationDeltas'
>;

/**
 * Moves the location counters by what the ledger applied besides checkout's
 * reservations (receipts, POS sales, adjustments, counts), per location
 * (externalLocationDeltas), exactly once per version range;
 * messages in log order. A missing counter is hydrated, a gap rebuilds it; then
 * the same messages are applied again, because the ledger publishes a batch's
 * messages before it commits the batch: a hydration triggered by a message may
 * read the ledger from just before it. A gap that remains means the ledger has
 * not committed yet: the call fails and the caller retries the batch.
 * Returns how many messages moved a counter.
 */
export async function applyStockLevels(
  ctx: ReservationContext,
  updates: LevelUpdate[],
): Promise<number> {
  const outcomes = await ctx.stock.applyLevels(updates);
  const gaps = new Set(updates.filter((_, i) => outcomes[i] === 'gap').map((u) => u.sku));
  const missing = new Set(updates.filter((_, i) => outcomes[i] === 'missing').map((u) => u.sku));
  let applied = outcomes.filter((o) => o === 'applied').length;
  if (gaps.size + missing.size === 0) return applied;

  reservationMetrics.levelGaps.inc(gaps.size);
  for (const sku of gaps) await ctx.stock.drop(sku);
  await hydrate(ctx, [...gaps, ...missing]);
  const again = updates.filter((u) => gaps.has(u.sku) || missing.has(u.sku));
  const second = await ctx.stock.applyLevels(again);
  const behind = again
    .filter((_, i) => second[i] === 'gap' || second[i] === 'missing')
    .map((u) => u.sku);
  if (behind.length > 0) {
    throw new Error(
      `ledger has not committed the versions announced for ${[...new Set(behind)].join(', ')} yet`,
    );
  }
  applied += second.filter((o) => o === 'applied').length;
  return applied;
}
