import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Binds each stored offset to the log it came from: the Kafka cluster id and
 * the fingerprint of the last applied record (the "anchor"; kafkajs cannot
 * read topic ids). Both NULL on existing rows: the ledger binds them with its
 * next batch and meanwhile checks only that the offset lies inside the log.
 */
export class OffsetsLogBinding1768000000100 implements MigrationInterface {
  name = 'OffsetsLogBinding1768000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE consumer_offsets ADD COLUMN cluster_id varchar(64), ADD COLUMN anchor varchar(64)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consumer_offsets DROP COLUMN anchor, DROP COLUMN cluster_id`);
  }
}
