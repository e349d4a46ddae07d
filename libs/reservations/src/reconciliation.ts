import { Logger } from '@nestjs/common';
import { planHydration } from './hydration-plan';
import { ReservationContext, hydrate, readSnapshots } from './hydration';
import { settleFolded } from './reservation-records';
import { reservationMetrics } from './reservation-metrics';

export type ReconcileOutcome = 'in_sync' | 'repaired' | 'hydrated' | 'inconclusive';

const logger = new Logger('Reconciliation');

/**
 * Compares a sku's Redis counter with what it must be: the ledger's available
 * minus reservations issued but not folded yet (planHydration). Only a quiet
 * comparison counts: the counter unchanged around the Postgres snapshot, at the
 * ledger's version, with no intent in flight. Drift is logged with both values,
 * counted, and repaired by dropping the counter and hydrating it: while it is
 * missing every reservation of the sku fails closed, so there is no oversell window.
 */
export async function reconcileSku(ctx: ReservationContext, sku: string): Promise<ReconcileOutcome> {
  const before = await ctx.stock.counter(sku);
  if (!before) return (await hydrate(ctx, [sku])).length > 0 ? 'hydrated' : 'inconclusive';
  const snapshot = (await readSnapshots(ctx.db, [sku])).get(sku)!;
  const after = await ctx.stock.counter(sku);
  const quiet =
    after !== undefined &&
    after.avail === before.avail &&
    after.ver === before.ver &&
    before.ver === snapshot.ledger.version &&
    !snapshot.rows.some((r) => r.state === 'reserving');
  if (!quiet) return 'inconclusive';
  const expected = planHydration(snapshot.ledger, snapshot.rows).counter.avail;
  if (expected === before.avail) return 'in_sync';
  reservationMetrics.drift.inc({ sku });
  logger.warn(
    `counter drift sku=${sku} redis=${before.avail} expected=${expected} ` +
      `(ledger available=${snapshot.ledger.available} version=${snapshot.ledger.version}); rebuilding`,
  );
  await ctx.stock.drop(sku);
  await hydrate(ctx, [sku]);
  return 'repaired';
}

/**
 * One reconciliation pass over a page of skus (in sku order, after `cursor`),
 * after settling rows the ledger has folded. Returns the page's outcomes and the
 * cursor of the next page ('' once the pass wrapped around).
 */
export async function reconcilePage(
  ctx: ReservationContext,
  cursor: string,
  pageSize = 200,
): Promise<{ outcomes: Map<string, ReconcileOutcome>; next: string }> {
  while ((await settleFolded(ctx.db, 5000)) === 5000);
  const rows = await ctx.db.query('SELECT sku FROM stock_levels WHERE sku > $1 ORDER BY sku LIMIT $2', [cursor, pageSize]);
  const outcomes = new Map<string, ReconcileOutcome>();
  for (const { sku } of rows) outcomes.set(sku, await reconcileSku(ctx, sku));
  return { outcomes, next: rows.length < pageSize ? '' : rows[rows.length - 1].sku };
}
