import { Allocation } from '@stockflow/contracts';
import { OrderReservationRepository, Queryable, sqlPool } from '@stockflow/persistence';
import type { TraceCarrier } from '@stockflow/tracing';
import { ReservationContext, hydrate } from './hydration';
import { poolLocations } from './pool-locations';
import { OrderReservationRequest, OrderReservation } from './redis-stock';
import { orderLineReservationId } from './reservation-ids';

export interface OrderToReserve {
  orderId: string;
  channel: string;
  cartId?: string | null;
  lines: { sku: string; quantity: number }[];
  /** The trace context of the request that placed it: its reservation events continue that trace. */
  trace?: TraceCarrier;
}

export type ReservationDecision =
  | {
      orderId: string;
      status: 'pending';
      lines: { sku: string; quantity: number; reservationId: string; allocations: Allocation[] }[];
    }
  | { orderId: string; status: 'rejected'; reason: 'out_of_stock' };

/** A counter vanishing again and again means Redis is being wiped: give up and let the caller retry. */
const MAX_HYDRATION_ROUNDS = 5;

/**
 * Decides orders against the Redis counters, in the given order (FIFO), each
 * all-or-nothing at the locations of its channel's pool, and records the outcome durably:
 *   1. the counters of their skus present (hydrated if missing),
 *   2. intents in Postgres (what hydration counts as reserved from now on),
 *   3. one Lua script per order, pipelined (events go to the outbox atomically),
 *   4. one transaction: reservation rows plus whatever `persist` writes (order status).
 * Idempotent: an order decided before gets the same decision, reserved once.
 * Redis or Postgres failures throw; nothing is decided then and a retry is safe.
 */
export async function reserveOrders(
  ctx: ReservationContext,
  orders: OrderToReserve[],
  now: Date,
  persist: (tx: Queryable, decisions: ReservationDecision[]) => Promise<void>,
): Promise<ReservationDecision[]> {
  const requests: OrderReservationRequest[] = orders.map((o) => ({
    orderId: o.orderId,
    channel: o.channel,
    cartId: o.cartId ?? undefined,
    pool: poolLocations(ctx, o.channel),
    lines: o.lines.map((l, i) => ({ ...l, reservationId: orderLineReservationId(o.orderId, i) })),
    trace: o.trace,
  }));
  await hydrate(
    ctx,
    requests.flatMap((r) => r.lines.map((l) => l.sku)),
  );
  const sql = sqlPool(ctx.db);
  await new OrderReservationRepository(sql).recordIntents(
    requests.flatMap((r) =>
      r.lines.map((l) => ({
        rid: l.reservationId,
        sku: l.sku,
        quantity: l.quantity,
        kind: 'order' as const,
        orderId: r.orderId,
        cartId: r.cartId,
        channel: r.channel,
      })),
    ),
  );
  const outcomes = await runScripts(ctx, requests, now);
  const decisions = requests.map((r, i) => decide(r, outcomes[i]));
  await sql.transaction(async (tx) => {
    const fresh: { rid: string; allocations: Allocation[] }[] = [];
    const unused: string[] = [];
    const converted: { rid: string; orderId: string }[] = [];
    const released: { rid: string; reason: string }[] = [];
    requests.forEach((r, i) => {
      const outcome = outcomes[i];
      if (outcome.status !== 'reserved') return unused.push(...r.lines.map((l) => l.reservationId));
      r.lines.forEach((l, j) => {
        if (outcome.rids[j] === l.reservationId)
          fresh.push({ rid: l.reservationId, allocations: outcome.allocations[j] });
        else unused.push(l.reservationId);
      });
      converted.push(...outcome.converted.map((rid) => ({ rid, orderId: r.orderId })));
      released.push(...outcome.released);
    });
    const records = new OrderReservationRepository(tx);
    await records.markOpen(fresh);
    await records.dropIntents(unused);
    await records.markConverted(
      converted.map((c) => c.rid),
      converted.map((c) => c.orderId),
    );
    await records.markReleased(released);
    await persist(tx, decisions);
  });
  return decisions;
}

async function runScripts(ctx: ReservationContext, requests: OrderReservationRequest[], now: Date) {
  const outcomes = await ctx.stock.reserveOrders(requests, now);
  // A counter can vanish between hydration and the script (Redis flushed, a repair):
  // those orders found it missing and changed nothing; hydrate and run them again.
  for (let round = 1; ; round++) {
    const again = outcomes.flatMap((o, i) => (o.status === 'missing' ? [i] : []));
    if (again.length === 0) return outcomes as Exclude<OrderReservation, { status: 'missing' }>[];
    if (round > MAX_HYDRATION_ROUNDS)
      throw new Error(`stock counters keep disappearing (${again.length} orders undecided)`);
    const undecided = again.map((i) => requests[i]);
    await hydrate(
      ctx,
      undecided.flatMap((r) => r.lines.map((l) => l.sku)),
    );
    const retried = await ctx.stock.reserveOrders(
      again.map((i) => requests[i]),
      now,
    );
    again.forEach((index, k) => (outcomes[index] = retried[k]));
  }
}

function decide(request: OrderReservationRequest, outcome: OrderReservation): ReservationDecision {
  if (outcome.status !== 'reserved')
    return { orderId: request.orderId, status: 'rejected', reason: 'out_of_stock' };
  return {
    orderId: request.orderId,
    status: 'pending',
    lines: request.lines.map((l, i) => ({
      sku: l.sku,
      quantity: l.quantity,
      reservationId: outcome.rids[i],
      allocations: outcome.allocations[i],
    })),
  };
}
