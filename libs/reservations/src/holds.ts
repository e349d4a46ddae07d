import { OrderReservationRepository, sqlPool } from '@stockflow/persistence';
import { ReservationContext, hydrate } from './hydration';
import { HoldOutcome } from './redis-stock';
import { holdReservationId } from './reservation-ids';
import { poolLocations } from './pool-locations';
import { Allocation } from '@stockflow/contracts';
import type { TraceCarrier } from '@stockflow/tracing';

export interface HoldRequest {
  cartId: string;
  sku: string;
  quantity: number;
  channel: string;
  /** The trace context of the request placing the hold: its events continue that trace. */
  trace?: TraceCarrier;
}

export type HoldDecision =
  | { status: 'held'; reservationId: string; expiresAt: Date; allocations: Allocation[] }
  | { status: 'insufficient'; available: number };

const MAX_HYDRATION_ROUNDS = 5;

/**
 * Holds stock for a cart until `ttlSeconds` from now, replacing the cart's
 * previous hold of the sku. Same intent-first discipline as orders: the row is
 * durable before the script runs, so hydration never misses the hold.
 */
export async function placeHold(
  ctx: ReservationContext,
  request: HoldRequest,
  ttlSeconds: number,
  now: Date,
): Promise<HoldDecision> {
  const rid = holdReservationId(request.cartId);
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await hydrate(ctx, [request.sku]);
  await new OrderReservationRepository(sqlPool(ctx.db)).recordIntents([
    { rid, ...request, kind: 'hold', expiresAt },
  ]);
  const pool = poolLocations(ctx, request.channel);
  let outcome: HoldOutcome = await ctx.stock.hold(
    { ...request, rid, deadline: expiresAt, pool },
    now,
  );
  for (let round = 1; outcome.status === 'missing'; round++) {
    if (round > MAX_HYDRATION_ROUNDS)
      throw new Error(`stock counter of ${request.sku} keeps disappearing`);
    await hydrate(ctx, [request.sku]);
    outcome = await ctx.stock.hold({ ...request, rid, deadline: expiresAt, pool }, now);
  }
  if (outcome.status === 'insufficient') {
    await new OrderReservationRepository(sqlPool(ctx.db)).dropIntents([rid]);
    return outcome;
  }
  const { replaced, allocations } = outcome;
  await sqlPool(ctx.db).transaction(async (tx) => {
    const records = new OrderReservationRepository(tx);
    await records.markOpen([{ rid, allocations }]);
    await records.markReleased(replaced ? [{ rid: replaced, reason: 'cart_cancel' }] : []);
  });
  return { status: 'held', reservationId: rid, expiresAt, allocations };
}

/** Cart cancel: releases every open hold of the cart; returns their reservation ids. */
export async function cancelCart(
  ctx: ReservationContext,
  cartId: string,
  now: Date,
): Promise<string[]> {
  // After a Redis loss the registry of the cart's holds is rebuilt with their skus' counters.
  await hydrate(
    ctx,
    (await new OrderReservationRepository(sqlPool(ctx.db)).openHoldsOfCart(cartId)).map(
      (h) => h.sku,
    ),
  );
  const { released } = await ctx.stock.releaseCart(cartId, now);
  await new OrderReservationRepository(sqlPool(ctx.db)).markReleased(
    released.map((rid) => ({ rid, reason: 'cart_cancel' })),
  );
  return released;
}
