import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots of the ledger projections, each with the log offsets it reflects, so
 * a rebuild can start from the newest snapshot instead of offset 0. Children
 * cascade, so pruning a snapshot is one DELETE. Only open reservations are kept:
 * netted ones are compacted away (the journal remembers them).
 */
export class Snapshots1766000000000 implements MigrationInterface {
  name = 'Snapshots1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE snapshots (
        id         bigserial    PRIMARY KEY,
        taken_at   timestamptz  NOT NULL DEFAULT now(),
        group_id   varchar(255) NOT NULL,
        topic      varchar(255) NOT NULL,
        offsets    jsonb        NOT NULL
      )`);
    await q.query(`
      CREATE TABLE snapshot_stock_levels (
        snapshot_id bigint      NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        sku         varchar(64) NOT NULL,
        on_hand     bigint      NOT NULL,
        reserved    bigint      NOT NULL,
        version     bigint      NOT NULL,
        PRIMARY KEY (snapshot_id, sku)
      )`);
    await q.query(`
      CREATE TABLE snapshot_stock_locations (
        snapshot_id bigint       NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        sku         varchar(64)  NOT NULL,
        location_id varchar(128) NOT NULL,
        on_hand     bigint       NOT NULL,
        PRIMARY KEY (snapshot_id, sku, location_id)
      )`);
    await q.query(`
      CREATE TABLE snapshot_reservations (
        snapshot_id    bigint       NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        reservation_id varchar(128) NOT NULL,
        sku            varchar(64)  NOT NULL,
        order_id       varchar(128),
        quantity       integer      NOT NULL,
        open           integer      NOT NULL,
        PRIMARY KEY (snapshot_id, reservation_id)
      )`);
    // Cleanup deletes netted reservations all day long: vacuum the table after
    // ~1% churn instead of the default 20%, so dead rows do not pile up between runs.
    await q.query(`
      ALTER TABLE reservations SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE reservations RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)',
    );
    for (const table of [
      'snapshot_reservations',
      'snapshot_stock_locations',
      'snapshot_stock_levels',
      'snapshots',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
