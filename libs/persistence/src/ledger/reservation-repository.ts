import { ReservationAllocation, ReservationKind, ReservationState } from '@stockflow/ledger-core';
import { Queryable } from '../queryable';
import { preparedSql } from '../prepared-statements';

/** A reservations row. */
interface ReservationRow {
  reservation_id: string;
  sku: string;
  order_id: string | null;
  quantity: number;
  open: number;
  kind: ReservationKind;
  allocations: ReservationAllocation[];
}

/**
 * Every statement on `reservations` (migrations LedgerSchema,
 * LocationsAndStates, ReservationAllocations): the ledger's projection of each
 * reservation (what is still open, by location), and compaction's delete of
 * the netted ones. Built over the ledger's transaction or the pool.
 */
export class ReservationRepository {
  constructor(private readonly db: Queryable) {}

  /** The fold's state of each given reservation that has a row (one indexed lookup). */
  async states(reservationIds: readonly string[]): Promise<Map<string, ReservationState>> {
    const states = new Map<string, ReservationState>();
    if (reservationIds.length === 0) return states;
    const rows = await this.db.query<ReservationRow>(
      `SELECT reservation_id, sku, order_id, quantity, open, kind, allocations
       FROM reservations WHERE reservation_id = ANY($1)`,
      [reservationIds],
    );
    for (const row of rows) {
      states.set(row.reservation_id, {
        reservationId: row.reservation_id,
        sku: row.sku,
        orderId: row.order_id ?? undefined,
        kind: row.kind,
        quantity: row.quantity,
        open: row.open,
        allocations: row.allocations,
      });
    }
    return states;
  }

  /** Every reservationId that has a row (a snapshot restore). */
  async allIds(): Promise<string[]> {
    const rows = await this.db.query<{ reservation_id: string }>(
      'SELECT reservation_id FROM reservations',
    );
    return rows.map((r) => r.reservation_id);
  }

  /** Upserts the given reservations: one set-based statement (unnest). */
  async save(reservations: readonly ReservationState[]): Promise<void> {
    if (reservations.length === 0) return;
    await this.db.query(
      preparedSql(`INSERT INTO reservations (reservation_id, sku, order_id, quantity, open, kind, allocations, updated_at)
       SELECT *, now() FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::int[], $6::varchar[], $7::jsonb[])
       ON CONFLICT (reservation_id) DO UPDATE
         SET open = EXCLUDED.open, allocations = EXCLUDED.allocations, updated_at = EXCLUDED.updated_at`),
      [
        reservations.map((r) => r.reservationId),
        reservations.map((r) => r.sku),
        reservations.map((r) => r.orderId ?? null),
        reservations.map((r) => r.quantity),
        reservations.map((r) => r.open),
        reservations.map((r) => r.kind),
        reservations.map((r) => JSON.stringify(r.allocations)),
      ],
    );
  }

  /**
   * Deletes up to `limit` netted reservations (open = 0), oldest first, in one short
   * statement (compaction's cleanup). Why it never makes checkout wait:
   * - SKIP LOCKED: a row the ledger is writing right now (the batch that nets it)
   *   is skipped, never waited for; it is picked up by a later slice. Two cleanup
   *   replicas skip each other's rows the same way, so they never block or deadlock.
   * - The ledger never writes a row once it is netted (every later draw or reuse of
   *   its reservationId is refused by the fold), so the ledger never waits for
   *   cleanup's row locks either.
   * - `open = 0` is checked again on the locked row: under READ COMMITTED, FOR
   *   UPDATE re-reads the newest version, so only rows that are netted when
   *   deleted go.
   * The journal keeps every StockReserved, which is how the ledger still
   * recognises a deleted reservation (JournalRepository.compactedReservations).
   */
  async deleteNetted(limit: number): Promise<number> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE ... RETURNING.
    const [{ deleted }] = await this.db.query<{ deleted: number }>(
      `WITH netted AS (
         SELECT reservation_id FROM reservations WHERE open = 0
         ORDER BY updated_at LIMIT $1
         FOR UPDATE SKIP LOCKED
       ), gone AS (
         DELETE FROM reservations r USING netted
         WHERE r.reservation_id = netted.reservation_id AND r.open = 0
         RETURNING 1
       )
       SELECT count(*)::int AS deleted FROM gone`,
      [limit],
    );
    return deleted;
  }
}
