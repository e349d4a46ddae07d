import { MigrationInterface, QueryRunner } from 'typeorm';

/** Status of POST /v1/events/bulk submissions, processed in the background. */
export class BulkJobs1764000000001 implements MigrationInterface {
  name = 'BulkJobs1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bulk_jobs (
        bulk_id    uuid        PRIMARY KEY,
        channel    varchar(32) NOT NULL,
        status     varchar(16) NOT NULL CHECK (status IN ('processing', 'completed', 'failed')),
        total      integer     NOT NULL,
        accepted   integer     NOT NULL DEFAULT 0,
        rejected   integer     NOT NULL DEFAULT 0,
        errors     jsonb       NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX bulk_jobs_processing_idx ON bulk_jobs (updated_at) WHERE status = 'processing'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS bulk_jobs');
  }
}
