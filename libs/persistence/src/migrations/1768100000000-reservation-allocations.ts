import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where checkout took each reservation's units (docs/pools.md): hydration
 * rebuilds the per-location Redis counters from these, and re-publishes a lost
 * StockReserved with the same allocations. Order lines keep theirs in
 * orders.lines (jsonb), which needs no change.
 */
export class ReservationAllocations1768100000000 implements MigrationInterface {
  name = 'ReservationAllocations1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE order_reservations ADD COLUMN allocations jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_reservations DROP COLUMN allocations`);
  }
}
