import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the ledger recognise a reservation that compaction already deleted: its
 * StockReserved entry stays in the journal. Without this, a second StockReserved
 * reusing a compacted reservationId would be applied live but refused by replay
 * (duplicate_reservation), and live would no longer equal the fold of the log.
 * Built CONCURRENTLY (outside a transaction) so a large live journal keeps
 * taking writes while the index builds.
 */
export class JournalReservationsIndex1766000000001 implements MigrationInterface {
  name = 'JournalReservationsIndex1766000000001';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    // A build interrupted half-way leaves an INVALID index behind: start clean.
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS journal_reserved_idx');
    await q.query(
      `CREATE INDEX CONCURRENTLY journal_reserved_idx ON journal (reservation_id) WHERE type = 'StockReserved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS journal_reserved_idx');
  }
}
