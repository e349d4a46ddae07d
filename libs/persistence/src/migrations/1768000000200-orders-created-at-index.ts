import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operator console counts orders by status over the last minutes every few
 * seconds; without this index each refresh would scan the whole orders table.
 * Built CONCURRENTLY so checkout keeps inserting orders while it builds.
 */
export class OrdersCreatedAtIndex1768000000200 implements MigrationInterface {
  name = 'OrdersCreatedAtIndex1768000000200';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx');
    await q.query('CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx');
  }
}
