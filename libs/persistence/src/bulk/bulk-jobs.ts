import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Queryable } from '../queryable';
import { sqlPool } from '../sql-pool';

export interface BulkError {
  /** Position of the event in the submitted array. */
  index: number;
  field: string;
  messages: string[];
}

export interface BulkJob {
  bulkId: string;
  status: 'processing' | 'completed' | 'failed';
  total: number;
  accepted: number;
  rejected: number;
  errors: BulkError[];
}

interface BulkJobRow {
  bulk_id: string;
  status: BulkJob['status'];
  total: number;
  accepted: number;
  rejected: number;
  errors: BulkError[];
}

/** Errors kept per job: enough to fix a feed, bounded so one bad file cannot bloat a row. */
export const MAX_BULK_ERRORS = 1000;

/**
 * Every statement on bulk_jobs (migration BulkJobs): one row per POST
 * /v1/events/bulk with its progress, kept for GET /v1/bulk/:bulkId.
 */
@Injectable()
export class BulkJobRepository {
  private readonly db: Queryable;

  constructor(db: DataSource) {
    this.db = sqlPool(db);
  }

  async create(bulkId: string, channel: string, total: number): Promise<void> {
    await this.db.query(
      `INSERT INTO bulk_jobs (bulk_id, channel, status, total) VALUES ($1, $2, 'processing', $3)`,
      [bulkId, channel, total],
    );
  }

  /** Adds one chunk's outcome; also serves as the job's heartbeat. */
  async recordProgress(
    bulkId: string,
    accepted: number,
    errors: BulkError[],
    rejected: number,
  ): Promise<void> {
    await this.db.query(
      `UPDATE bulk_jobs
          SET accepted = accepted + $2, rejected = rejected + $3, updated_at = now(),
              errors = CASE WHEN jsonb_array_length(errors) >= $5 THEN errors
                            ELSE (SELECT coalesce(jsonb_agg(e), '[]') FROM (
                                    SELECT e FROM jsonb_array_elements(errors || $4::jsonb) e LIMIT $5) x) END
        WHERE bulk_id = $1`,
      [bulkId, accepted, rejected, JSON.stringify(errors), MAX_BULK_ERRORS],
    );
  }

  async finish(bulkId: string, status: 'completed' | 'failed', error?: string): Promise<void> {
    await this.db.query(
      `UPDATE bulk_jobs SET status = $2, updated_at = now(),
              errors = CASE WHEN $3::text IS NULL THEN errors
                            ELSE errors || jsonb_build_array(jsonb_build_object('index', -1, 'field', '(job)', 'messages', jsonb_build_array($3::text))) END
        WHERE bulk_id = $1`,
      [bulkId, status, error ?? null],
    );
  }

  /** `channel` undefined (an operator) finds any channel's job. */
  async find(bulkId: string, channel: string | undefined): Promise<BulkJob | undefined> {
    const [row] = await this.db.query<BulkJobRow>(
      'SELECT bulk_id, status, total, accepted, rejected, errors FROM bulk_jobs WHERE bulk_id = $1 AND ($2::text IS NULL OR channel = $2)',
      [bulkId, channel ?? null],
    );
    return row
      ? {
          bulkId: row.bulk_id,
          status: row.status,
          total: row.total,
          accepted: row.accepted,
          rejected: row.rejected,
          errors: row.errors,
        }
      : undefined;
  }

  /**
   * A job whose process died stops sending heartbeats; after `staleSeconds` it is
   * marked failed so clients stop waiting. Resubmitting is safe: eventIds dedupe.
   */
  async failStale(staleSeconds: number): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }>(
      `WITH stale AS (
       UPDATE bulk_jobs SET status = 'failed', updated_at = now(),
              errors = errors || '[{"index": -1, "field": "(job)", "messages": ["interrupted: resubmit the file; events already accepted are deduplicated by eventId"]}]'
        WHERE status = 'processing' AND updated_at < now() - make_interval(secs => $1)
        RETURNING bulk_id)
       SELECT count(*)::int AS n FROM stale`,
      [staleSeconds],
    );
    return n;
  }
}
