import { Logger } from '@nestjs/common';
import { OrderReservationRepository, StockRepository, sqlPool } from '@stockflow/persistence';
import { planHydration } from './hydration-plan';
import { ReservationContext, SkuSnapshot, hydrate, readSnapshots } from './hydration';
import { reservationMetrics } from './reservation-metrics';

export type ReconcileOutcome = 'in_sync' | 'repaired' | 'hydrated' | 'inconclusive';

const logger = new Logger('Reconciliation');
/** Well past the relay's usual delay (milliseconds), so a healthy pipeline never re-sends. */
const DEFAULT_REPUBLISH_AFTER_MS = 30_000;

/**
 * Compares a sku's Redis counters, per location, with what they must be: the
 * ledger's available at each location minus reservations issued but not folded
 * yet (planHydration). Only a quiet
 * comparison counts: the counter unchanged around the Postgres snapshot, at the
 * ledger's version, with no intent and no release in flight. Drift is logged
 * with both values, counted, and repaired by dropping the counter and hydrating
 * it: while it is missing every reservation of the sku fails closed, so there is
 * no oversell window.
 */
export async function reconcileSku(
  ctx: ReservationContext,
  sku: string,
  republishAfterMs = DEFAULT_REPUBLISH_AFTER_MS,
): Promise<ReconcileOutcome> {
  const before = await ctx.stock.counter(sku);
  if (!before) return (await hydrate(ctx, [sku])).length > 0 ? 'hydrated' : 'inconclusive';
  const snapshot = (await readSnapshots(ctx.db, [sku])).get(sku)!;
  await republishOverdue(ctx, snapshot, republishAfterMs);
  const after = await ctx.stock.counter(sku);
  if (lagging(before, snapshot)) {
    // The ledger moved long ago and the counter never followed: its stock-level
    // message was consumed before a rebuild read the ledger, or lost. Rebuild.
    logger.warn(
      `counter of sku=${sku} stuck at version ${before.ver}, ledger at ${snapshot.ledger.version}; rebuilding`,
    );
    reservationMetrics.drift.inc();
    await ctx.stock.drop(sku);
    await hydrate(ctx, [sku]);
    return 'repaired';
  }
  const quiet =
    after !== undefined &&
    after.avail === before.avail &&
    after.ver === before.ver &&
    before.ver === snapshot.ledger.version &&
    !snapshot.rows.some((r) => r.state === 'reserving') &&
    !(await releaseInFlight(ctx, snapshot));
  if (!quiet) return 'inconclusive';
  const expected = planHydration(snapshot.ledger, snapshot.rows).counter;
  const drifted = driftedLocations(before.locations, expected.locations);
  if (drifted.length === 0) return 'in_sync';
  reservationMetrics.drift.inc();
  logger.warn(
    `counter drift sku=${sku} redis=${before.avail} expected=${expected.avail} ` +
      `(ledger available=${snapshot.ledger.available} version=${snapshot.ledger.version}) at ` +
      `${drifted.map((d) => `location=${d.locationId} redis=${d.redis} expected=${d.expected}`).join(', ')}; rebuilding`,
  );
  await ctx.stock.drop(sku);
  await hydrate(ctx, [sku]);
  return 'repaired';
}

/** Locations whose counter differs from what it must be (a location absent on one side counts 0). */
function driftedLocations(redis: Record<string, number>, expected: Record<string, number>) {
  return [...new Set([...Object.keys(redis), ...Object.keys(expected)])]
    .sort()
    .map((locationId) => ({
      locationId,
      redis: redis[locationId] ?? 0,
      expected: expected[locationId] ?? 0,
    }))
    .filter((d) => d.redis !== d.expected);
}

/**
 * A hold released in Redis (expiry, cart cancel, conversion) whose Postgres row
 * still says open: the counter already has the units back, the snapshot does
 * not know it yet. Comparing now would report a drift that is not one.
 */
function releaseInFlight(ctx: ReservationContext, snapshot: SkuSnapshot): Promise<boolean> {
  return ctx.stock.anyReleased(snapshot.rows.filter((r) => r.state === 'open'));
}

/** Far longer than the ledger -> stock-levels -> counter path takes when it works. */
const LAG_TOLERANCE_MS = 15_000;

function lagging(counter: { ver: number }, snapshot: SkuSnapshot): boolean {
  const changedAt = snapshot.ledger.updatedAt?.getTime() ?? Date.now();
  return counter.ver < snapshot.ledger.version && Date.now() - changedAt > LAG_TOLERANCE_MS;
}

/**
 * Events of reservations the ledger still has not folded long after they were
 * issued are appended to the outbox again (same eventIds: the ledger applies
 * each once). This heals an outbox entry lost with Redis data before the relay
 * sent it, which no counter comparison can see.
 */
async function republishOverdue(
  ctx: ReservationContext,
  snapshot: SkuSnapshot,
  afterMs: number,
): Promise<void> {
  const cutoff = Date.now() - afterMs;
  const overdue = snapshot.rows.filter(
    (r) => r.state !== 'reserving' && r.updatedAt.getTime() < cutoff,
  );
  const events = planHydration(snapshot.ledger, overdue).republish;
  if (events.length === 0) return;
  logger.warn(
    `re-publishing ${events.length} reservation events the ledger has not folded (sku=${overdue[0].sku})`,
  );
  await ctx.stock.appendOutbox(events);
  // Restart the clock: a ledger that is down or behind gets one copy per period, not one per pass.
  await new OrderReservationRepository(sqlPool(ctx.db)).touch(overdue.map((r) => r.rid));
}

/**
 * One reconciliation pass over a page of skus (in sku order, after `cursor`),
 * after settling rows the ledger has folded. Returns the page's outcomes and the
 * cursor of the next page ('' once the pass wrapped around).
 */
export async function reconcilePage(
  ctx: ReservationContext,
  cursor: string,
  options: { pageSize?: number; republishAfterMs?: number } = {},
): Promise<{ outcomes: Map<string, ReconcileOutcome>; next: string }> {
  const pageSize = options.pageSize ?? 200;
  const sql = sqlPool(ctx.db);
  const records = new OrderReservationRepository(sql);
  while ((await records.settleFolded(5000)) === 5000);
  const skus = await new StockRepository(sql).skusAfter(cursor, pageSize);
  const outcomes = new Map<string, ReconcileOutcome>();
  for (const sku of skus) outcomes.set(sku, await reconcileSku(ctx, sku, options.republishAfterMs));
  return { outcomes, next: skus.length < pageSize ? '' : skus[skus.length - 1] };
}
