import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger projections. Everything here is derived from the Kafka log and can be
 * rebuilt by replay; `consumer_offsets` is what makes the write path exactly-once
 * (offsets move in the same transaction as the projection rows).
 */
export class LedgerSchema1764000000000 implements MigrationInterface {
  name = 'LedgerSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_levels (
        sku        varchar(64) PRIMARY KEY,
        on_hand    bigint      NOT NULL,
        reserved   bigint      NOT NULL,
        version    bigint      NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stock_locations (
        sku         varchar(64)  NOT NULL,
        location_id varchar(128) NOT NULL,
        on_hand     bigint       NOT NULL,
        PRIMARY KEY (sku, location_id)
      )`);
    // Open reservations only: rows whose `open` reached 0 are netted and are
    // deleted by compaction in small batches (the journal keeps the history).
    await q.query(`
      CREATE TABLE reservations (
        reservation_id varchar(128) PRIMARY KEY,
        sku            varchar(64)  NOT NULL,
        order_id       varchar(128),
        quantity       integer      NOT NULL,
        open           integer      NOT NULL CHECK (open >= 0),
        updated_at     timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX reservations_netted_idx ON reservations (updated_at) WHERE open = 0`,
    );
    await q.query(`
      CREATE TABLE journal (
        event_id        uuid         PRIMARY KEY,
        sku             varchar(64)  NOT NULL,
        version         bigint       NOT NULL,
        type            varchar(32)  NOT NULL,
        channel         varchar(32)  NOT NULL,
        occurred_at     timestamptz  NOT NULL,
        on_hand_delta   bigint       NOT NULL,
        reserved_delta  bigint       NOT NULL,
        location_deltas jsonb        NOT NULL,
        reservation_id  varchar(128),
        went_negative   boolean      NOT NULL,
        event           json         NOT NULL, -- json, not jsonb: stored as sent, no parse cost on the hot path
        kafka_partition integer      NOT NULL,
        kafka_offset    bigint       NOT NULL,
        recorded_at     timestamptz  NOT NULL DEFAULT now(),
        UNIQUE (sku, version)
      )`);
    await q.query(`
      CREATE TABLE consumer_offsets (
        group_id    varchar(255) NOT NULL,
        topic       varchar(255) NOT NULL,
        partition   integer      NOT NULL,
        next_offset bigint       NOT NULL,
        updated_at  timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic, partition)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'consumer_offsets',
      'journal',
      'reservations',
      'stock_locations',
      'stock_levels',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
