import { Allocation, reservationEventId } from '@stockflow/contracts';
import { Queryable } from '../queryable';
import { preparedSql } from '../prepared-statements';

/**
 * A reservation the orders service is about to issue in Redis (kind `order`:
 * an order line; `hold`: a cart hold).
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

/** An unsettled order_reservations row, with what the ledger's journal already holds of it. */
export interface InFlightReservation {
  rid: string;
  sku: string;
  quantity: number;
  kind: 'order' | 'hold';
  orderId: string | null;
  cartId: string | null;
  channel: string;
  state: 'reserving' | 'open' | 'released';
  releaseReason: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  reserveFolded: boolean;
  releaseFolded: boolean;
  /** Where the script took the units (empty while `reserving`: the script has not decided yet). */
  allocations: Allocation[];
}

/** An order_reservations row with whether the journal holds its events. */
interface InFlightRow {
  reservation_id: string;
  sku: string;
  quantity: number;
  kind: InFlightReservation['kind'];
  order_id: string | null;
  cart_id: string | null;
  channel: string;
  state: InFlightReservation['state'];
  release_reason: string | null;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  reserve_folded: boolean;
  release_folded: boolean;
  allocations: Allocation[] | null;
}

/**
 * Every statement on order_reservations (migration OrdersSchema, allocations
 * from ReservationAllocations): the durable record of every reservation the
 * orders service issued in Redis. Rules that keep hydration from overselling:
 * a row is written as `reserving` BEFORE its Lua script runs, and counted as
 * reserved until it is known to be open (or dropped because it was refused).
 * Built over the pool (sqlPool) or over one transaction of it.
 */
export class OrderReservationRepository {
  constructor(private readonly db: Queryable) {}

  async recordIntents(rows: ReservationRecord[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      preparedSql(`INSERT INTO order_reservations (reservation_id, sku, quantity, kind, order_id, cart_id, channel, state,
                                       expires_at, reserve_event_id, release_event_id)
       SELECT r, s, q, k, o, c, ch, 'reserving', e, re, rl
       FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                   $8::timestamptz[], $9::uuid[], $10::uuid[]) AS t(r, s, q, k, o, c, ch, e, re, rl)
       ON CONFLICT (reservation_id) DO NOTHING`),
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
  async markOpen(reserved: { rid: string; allocations: Allocation[] }[]): Promise<void> {
    if (reserved.length === 0) return;
    await this.db.query(
      `UPDATE order_reservations r SET state = 'open', allocations = t.a, updated_at = now()
       FROM unnest($1::varchar[], $2::jsonb[]) AS t(rid, a)
       WHERE r.reservation_id = t.rid AND r.state = 'reserving'`,
      [reserved.map((r) => r.rid), reserved.map((r) => JSON.stringify(r.allocations))],
    );
  }

  /** The script refused them (or a conversion made them unnecessary): nothing was reserved. */
  async dropIntents(rids: string[]): Promise<void> {
    if (rids.length === 0) return;
    await this.db.query(
      `DELETE FROM order_reservations WHERE reservation_id = ANY($1) AND state = 'reserving'`,
      [rids],
    );
  }

  /** Holds that became an order's reservations (no new StockReserved: the hold's one stands). */
  async markConverted(rids: string[], orderIds: string[]): Promise<void> {
    if (rids.length === 0) return;
    await this.db.query(
      `UPDATE order_reservations r SET kind = 'order', order_id = t.o, expires_at = NULL, updated_at = now()
       FROM unnest($1::varchar[], $2::varchar[]) AS t(r, o) WHERE r.reservation_id = t.r`,
      [rids, orderIds],
    );
  }

  /** Released in Redis: unsettled again until the ledger folds the ReservationReleased. */
  async markReleased(releases: { rid: string; reason: string }[]): Promise<void> {
    if (releases.length === 0) return;
    await this.db.query(
      `UPDATE order_reservations r SET state = 'released', release_reason = t.reason, settled = false, updated_at = now()
       FROM unnest($1::varchar[], $2::varchar[]) AS t(rid, reason)
       WHERE r.reservation_id = t.rid AND r.state = 'open'`,
      [releases.map((r) => r.rid), releases.map((r) => r.reason)],
    );
  }

  async touch(rids: string[]): Promise<void> {
    await this.db.query(
      'UPDATE order_reservations SET updated_at = now() WHERE reservation_id = ANY($1)',
      [rids],
    );
  }

  async dueHolds(
    now: Date,
    limit: number,
  ): Promise<{ rid: string; sku: string; cartId: string }[]> {
    const rows = await this.db.query<{ reservation_id: string; sku: string; cart_id: string }>(
      `SELECT reservation_id, sku, cart_id FROM order_reservations
       WHERE kind = 'hold' AND state = 'open' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => ({ rid: r.reservation_id, sku: r.sku, cartId: r.cart_id }));
  }

  async openHoldsOfCart(cartId: string): Promise<{ rid: string; sku: string }[]> {
    const rows = await this.db.query<{ reservation_id: string; sku: string }>(
      `SELECT reservation_id, sku FROM order_reservations WHERE cart_id = $1 AND kind = 'hold' AND state = 'open'`,
      [cartId],
    );
    return rows.map((r) => ({ rid: r.reservation_id, sku: r.sku }));
  }

  /**
   * Marks rows whose events the ledger has all folded: they no longer affect the
   * difference between Redis and the ledger. A released row's release can only be
   * folded after its reserve (same sku, same partition), so one lookup suffices.
   * Needs the pool (sqlPool): it counts the rows of an UPDATE ... RETURNING.
   */
  async settleFolded(limit: number): Promise<number> {
    const rows = await this.db.query(
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

  /** The unsettled rows of these skus, oldest first, with whether the journal holds their events. */
  async inFlight(skus: string[]): Promise<InFlightReservation[]> {
    const rows = await this.db.query<InFlightRow>(
      `SELECT r.*,
              EXISTS (SELECT 1 FROM journal j WHERE j.event_id = r.reserve_event_id) AS reserve_folded,
              EXISTS (SELECT 1 FROM journal j WHERE j.event_id = r.release_event_id) AS release_folded
       FROM order_reservations r WHERE r.sku = ANY($1) AND NOT r.settled
       ORDER BY r.created_at`,
      [skus],
    );
    return rows.map((r) => ({
      rid: r.reservation_id,
      sku: r.sku,
      quantity: r.quantity,
      kind: r.kind,
      orderId: r.order_id,
      cartId: r.cart_id,
      channel: r.channel,
      state: r.state,
      releaseReason: r.release_reason,
      expiresAt: r.expires_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      reserveFolded: r.reserve_folded,
      releaseFolded: r.release_folded,
      allocations: r.allocations ?? [],
    }));
  }

  /** A page of the skus the ledger knows or that have reservations in flight, in sku order after `after`. */
  async skusAfter(after: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ sku: string }>(
      `SELECT sku FROM (SELECT sku FROM stock_levels UNION SELECT sku FROM order_reservations WHERE NOT settled) s
       WHERE sku > $1 ORDER BY sku LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.sku);
  }
}
