import { Queryable } from '../queryable';

/**
 * Deletes up to `limit` netted reservations (open = 0), oldest first, in one short
 * statement. Why it never makes checkout wait:
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
 * recognises a deleted reservation (projection-reader).
 */
export async function deleteNettedReservations(db: Queryable, limit: number): Promise<number> {
  // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE ... RETURNING.
  const [{ deleted }] = await db.query<{ deleted: number }>(
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
