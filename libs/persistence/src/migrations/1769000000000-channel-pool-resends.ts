import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per channel, the inventory.pools position up to which channel-sync has sent
 * the channel the numbers pool changes moved. A pass cut short by a restart, or
 * a pool change made while channel-sync was down, is re-sent from there.
 */
export class ChannelPoolResends1769000000000 implements MigrationInterface {
  name = 'ChannelPoolResends1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_pool_resends (
        channel      varchar(64) PRIMARY KEY,
        pool_version bigint      NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE channel_pool_resends`);
  }
}
