import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quantity states per location (committed, held, damaged, quality control,
 * safety stock, incoming by document), reservations taken at locations, and the
 * journal's state deltas and reference documents (docs/ledger.md, docs/pools.md).
 * Projections of an existing deployment should be rebuilt with `npm run replay`
 * after this migration: reservations made before it carry no allocations.
 */
const LOCATION_STATES = `
  ADD COLUMN committed       bigint NOT NULL DEFAULT 0,
  ADD COLUMN reserved        bigint NOT NULL DEFAULT 0,
  ADD COLUMN damaged         bigint NOT NULL DEFAULT 0,
  ADD COLUMN quality_control bigint NOT NULL DEFAULT 0,
  ADD COLUMN safety_stock    bigint NOT NULL DEFAULT 0,
  ADD COLUMN incoming        jsonb  NOT NULL DEFAULT '{}'`;
const ALLOCATIONS = `
  ADD COLUMN kind        varchar(8) NOT NULL DEFAULT 'order',
  ADD COLUMN allocations jsonb      NOT NULL DEFAULT '[]'`;

export class LocationsAndStates1768000000000 implements MigrationInterface {
  name = 'LocationsAndStates1768000000000';

  async up(q: QueryRunner): Promise<void> {
    // Live tables and their snapshot copies gain the same columns.
    for (const table of ['stock_locations', 'snapshot_stock_locations'])
      await q.query(`ALTER TABLE ${table} ${LOCATION_STATES}`);
    for (const table of ['reservations', 'snapshot_reservations'])
      await q.query(`ALTER TABLE ${table} ${ALLOCATIONS}`);
    await q.query(`UPDATE reservations SET kind = 'hold' WHERE reservation_id LIKE 'hold:%'`);
    await q.query(`
      ALTER TABLE journal
        ADD COLUMN available_delta        bigint,
        ADD COLUMN state_deltas           jsonb,
        ADD COLUMN allocations            jsonb,
        ADD COLUMN reference_document_uri varchar(255)`);
    // GET /v1/ledger?reference=: one document's entries, newest first.
    await q.query(`
      CREATE INDEX journal_reference_idx ON journal (reference_document_uri, recorded_at DESC, event_id)
      WHERE reference_document_uri IS NOT NULL`);
    // Pool definitions as the ledger folded them from inventory.pools (replay compares them).
    await q.query(`
      CREATE TABLE pools (
        pool_id    varchar(128) PRIMARY KEY,
        locations  jsonb        NOT NULL,
        channels   jsonb        NOT NULL,
        version    integer      NOT NULL,
        updated_at timestamptz  NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS pools`);
    await q.query(`DROP INDEX IF EXISTS journal_reference_idx`);
    await q.query(
      `ALTER TABLE journal DROP COLUMN available_delta, DROP COLUMN state_deltas, DROP COLUMN allocations, DROP COLUMN reference_document_uri`,
    );
    for (const table of ['reservations', 'snapshot_reservations']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN kind, DROP COLUMN allocations`);
    }
    for (const table of ['stock_locations', 'snapshot_stock_locations']) {
      await q.query(`
        ALTER TABLE ${table} DROP COLUMN committed, DROP COLUMN reserved, DROP COLUMN damaged,
          DROP COLUMN quality_control, DROP COLUMN safety_stock, DROP COLUMN incoming`);
    }
  }
}
