import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index of channel-sync.dlq, so operators can list and replay a channel's dead
 * letters without scanning the topic. Kafka stays the record (this table is
 * rebuilt by reading the topic from the start); `status` is the only state of
 * its own: where a replay of the row stands.
 */
export class ChannelDeadLetters1767000000000 implements MigrationInterface {
  name = 'ChannelDeadLetters1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_dead_letters (
        id               bigserial    PRIMARY KEY,
        channel          varchar(64),
        sku              varchar(64),
        code             varchar(64)  NOT NULL,
        reason           text         NOT NULL,
        attempts         integer      NOT NULL,
        failed_at        timestamptz  NOT NULL,
        record           jsonb        NOT NULL,
        kafka_partition  integer      NOT NULL,
        kafka_offset     bigint       NOT NULL,
        status           varchar(16)  NOT NULL DEFAULT 'dead'
                         CHECK (status IN ('dead', 'replaying', 'replayed', 'replay_failed')),
        replayed_at      timestamptz,
        replayed_version bigint,
        UNIQUE (kafka_partition, kafka_offset)
      )`);
    // channel IS NULL: poison messages of the input topic (listed as channel `_input`).
    await q.query(
      `CREATE INDEX channel_dead_letters_channel_idx ON channel_dead_letters (channel, status, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS channel_dead_letters`);
  }
}
