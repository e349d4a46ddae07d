import { Allocation } from '@stockflow/contracts';
import { Queryable } from '@stockflow/persistence';
import { reservationEventId } from './reservation-ids';

/**
 * Postgres side of reservations (table order_reservations): the durable record of
 * every reservation issued in Redis. Rules that keep hydration from overselling:
 * a row is written as `reserving` BEFORE its Lua script runs, and counted as
 * reserved until it is known to be open (or dropped because it was refused).
 */
export interface ReservationRecord {
  rid: string;
  sku: string;
  quantity: number;
  kind: 'order' | 'hold';
  orderId?: string;
  cartId?: string;
  channel: string;
  expiresAt?: Date;
}

export async function recordIntents(db: Queryable, rows: ReservationRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO order_reservations (reservation_id, sku, quantity, kind, order_id, cart_id, channel, state,
                                     expires_at, reserve_event_id, release_event_id)
     SELECT r, s, q, k, o, c, ch, 'reserving', e, re, rl
     FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                 $8::timestamptz[], $9::uuid[], $10::uuid[]) AS t(r, s, q, k, o, c, ch, e, re, rl)
     ON CONFLICT (reservation_id) DO NOTHING`,
    [
      rows.map((r) => r.rid),
      rows.map((r) => r.sku),
      rows.map((r) => r.quantity),
      rows.map((r) => r.kind),
      rows.map((r) => r.orderId ?? null),
      rows.map((r) => r.cartId ?? null),
      rows.map((r) => r.channel),
      rows.map((r) => r.expiresAt?.toISOString() ?? null),
      rows.map((r) => reservationEventId('reserved', r.rid)),
      rows.map((r) => reservationEventId('released', r.rid)),
    ],
  );
}

/** The script reserved them at these locations: they now count as open reservations. */
export async function markOpen(
  db: Queryable,
  reserved: { rid: string; allocations: Allocation[] }[],
): Promise<void> {
  if (reserved.length === 0) return;
  await db.query(
    `UPDATE order_reservations r SET state = 'open', allocations = t.a, updated_at = now()
     FROM unnest($1::varchar[], $2::jsonb[]) AS t(rid, a)
     WHERE r.reservation_id = t.rid AND r.state = 'reserving'`,
    [reserved.map((r) => r.rid), reserved.map((r) => JSON.stringify(r.allocations))],
  );
}

/** The script refused them (or a conversion made them unnecessary): nothing was reserved. */
export async function dropIntents(db: Queryable, rids: string[]): Promise<void> {
  if (rids.length === 0) return;
  await db.query(
    `DELETE FROM order_reservations WHERE reservation_id = ANY($1) AND state = 'reserving'`,
    [rids],
  );
}

/** Holds that became an order's reservations (no new StockReserved: the hold's one stands). */
export async function markConverted(
  db: Queryable,
  rids: string[],
  orderIds: string[],
): Promise<void> {
  if (rids.length === 0) return;
  await db.query(
    `UPDATE order_reservations r SET kind = 'order', order_id = t.o, expires_at = NULL, updated_at = now()
     FROM unnest($1::varchar[], $2::varchar[]) AS t(r, o) WHERE r.reservation_id = t.r`,
    [rids, orderIds],
  );
}

/** Released in Redis: unsettled again until the ledger folds the ReservationReleased. */
export async function markReleased(
  db: Queryable,
  releases: { rid: string; reason: string }[],
): Promise<void> {
  if (releases.length === 0) return;
  await db.query(
    `UPDATE order_reservations r SET state = 'released', release_reason = t.reason, settled = false, updated_at = now()
     FROM unnest($1::varchar[], $2::varchar[]) AS t(rid, reason)
     WHERE r.reservation_id = t.rid AND r.state = 'open'`,
    [releases.map((r) => r.rid), releases.map((r) => r.reason)],
  );
}

export async function touch(db: Queryable, rids: string[]): Promise<void> {
  await db.query(
    'UPDATE order_reservations SET updated_at = now() WHERE reservation_id = ANY($1)',
    [rids],
  );
}

export async function dueHolds(
  db: Queryable,
  now: Date,
  limit: number,
): Promise<{ rid: string; sku: string; cartId: string }[]> {
  const rows = await db.query<{ reservation_id: string; sku: string; cart_id: string }>(
    `SELECT reservation_id, sku, cart_id FROM order_reservations
     WHERE kind = 'hold' AND state = 'open' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => ({
    rid: r.reservation_id,
    sku: r.sku,
    cartId: r.cart_id,
  }));
}

export async function openHoldsOfCart(
  db: Queryable,
  cartId: string,
): Promise<{ rid: string; sku: string }[]> {
  const rows = await db.query<{ reservation_id: string; sku: string }>(
    `SELECT reservation_id, sku FROM order_reservations WHERE cart_id = $1 AND kind = 'hold' AND state = 'open'`,
    [cartId],
  );
  return rows.map((r) => ({
    rid: r.reservation_id,
    sku: r.sku,
  }));
}

/**
 * Marks rows whose events the ledger has all folded: they no longer affect the
 * difference between Redis and the ledger. A released row's release can only be
 * folded after its reserve (same sku, same partition), so one lookup suffices.
 */
export async function settleFolded(db: Queryable, limit: number): Promise<number> {
  const rows = await db.query(
    `UPDATE order_reservations r SET settled = true
     WHERE r.reservation_id IN (
       SELECT u.reservation_id FROM order_reservations u
       JOIN journal j ON j.event_id = CASE WHEN u.state = 'open' THEN u.reserve_event_id ELSE u.release_event_id END
       WHERE NOT u.settled AND u.state <> 'reserving' LIMIT $1)
     RETURNING r.reservation_id`,
    [limit],
  );
  return rows.length;
}
