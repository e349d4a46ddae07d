import { OrderReservationRepository, sqlPool } from '@stockflow/persistence';
import { ReservationContext, hydrate } from './hydration';

/**
 * Releases holds whose deadline has passed: one run handles up to `limit` of
 * them and returns how many it released (a job runner calls it again at once
 * while it returns a full page). Postgres says which holds are due (durable,
 * survives a Redis loss); the script decides atomically, so a hold converted
 * into an order or cancelled meanwhile is left alone and nothing is released twice.
 */
export async function expireDueHolds(
  ctx: ReservationContext,
  now: Date,
  limit = 500,
): Promise<number> {
  const records = new OrderReservationRepository(sqlPool(ctx.db));
  const due = await records.dueHolds(now, limit);
  if (due.length === 0) return 0;
  await hydrate(
    ctx,
    due.map((h) => h.sku),
  );
  let result = await ctx.stock.expireHolds(due, now);
  if (result.unknown.length > 0) {
    // Counter present but registry entry gone (a partial loss): rebuild those skus from Postgres.
    const skus = due.filter((h) => result.unknown.includes(h.rid)).map((h) => h.sku);
    for (const sku of new Set(skus)) await ctx.stock.drop(sku);
    await hydrate(ctx, skus);
    const retried = await ctx.stock.expireHolds(
      due.filter((h) => result.unknown.includes(h.rid)),
      now,
    );
    result = {
      ...retried,
      released: [...result.released, ...retried.released],
      gone: [...result.gone, ...retried.gone],
    };
  }
  // `gone`: released in Redis by an earlier run whose Postgres update did not happen.
  await records.markReleased(
    [...result.released, ...result.gone].map((rid) => ({ rid, reason: 'expired' })),
  );
  return result.released.length;
}
