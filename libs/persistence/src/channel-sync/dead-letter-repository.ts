import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelDeadLetter } from '@stockflow/contracts';

export const REPLAY_STATUSES = ['dead', 'replaying', 'replayed', 'replay_failed'] as const;
export type ReplayStatus = (typeof REPLAY_STATUSES)[number];

export interface IndexedDeadLetter {
  id: number;
  record: ChannelDeadLetter;
  status: ReplayStatus;
  replayedAt: string | null;
  replayedVersion: number | null;
  kafkaPartition: number;
  kafkaOffset: string;
}

/** A channel_dead_letters row as Postgres answers it. */
interface DeadLetterRow {
  id: string;
  channel: string | null;
  sku: string | null;
  code: string;
  reason: string;
  attempts: number;
  failed_at: Date;
  record: ChannelDeadLetter;
  kafka_partition: number;
  kafka_offset: string;
  status: ReplayStatus;
  replayed_at: Date | null;
  replayed_version: string | null;
}

/**
 * Every statement on channel_dead_letters (migration ChannelDeadLetters), the
 * index of channel-sync.dlq that operators list and replay from.
 */
@Injectable()
export class ChannelDeadLetterRepository {
  constructor(private readonly db: DataSource) {}

  /** Idempotent: a record read twice from the topic is indexed once. */
  async index(
    entries: { partition: number; offset: string; record: ChannelDeadLetter }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const r = entries.map((e) => e.record);
    await this.db.query(
      `INSERT INTO channel_dead_letters (channel, sku, code, reason, attempts, failed_at, record, kafka_partition, kafka_offset)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::int[], $6::timestamptz[],
                            $7::jsonb[], $8::int[], $9::bigint[])
       ON CONFLICT (kafka_partition, kafka_offset) DO NOTHING`,
      [
        r.map((x) => x.channel),
        r.map((x) => x.sku),
        r.map((x) => x.code),
        r.map((x) => x.reason),
        r.map((x) => x.attempts),
        r.map((x) => x.failedAt),
        r.map((x) => JSON.stringify(x)),
        entries.map((e) => e.partition),
        entries.map((e) => e.offset),
      ],
    );
  }

  /** Newest first, keyset-paginated on id. `channel` null: poison input. */
  async list(
    channel: string | null,
    statuses: readonly ReplayStatus[],
    limit: number,
    before?: number,
  ): Promise<IndexedDeadLetter[]> {
    const rows: DeadLetterRow[] = await this.db.query(
      `SELECT * FROM channel_dead_letters
       WHERE channel IS NOT DISTINCT FROM $1 AND status = ANY($2) AND id < $3
       ORDER BY id DESC LIMIT $4`,
      [channel, statuses, before ?? Number.MAX_SAFE_INTEGER, limit],
    );
    return rows.map(toIndexed);
  }

  /**
   * Marks the channel's unreplayed dead letters (optionally of some SKUs) as
   * replaying and returns them. `replaying` rows are taken again: a replay cut
   * short by a restart is finished by the next one.
   */
  async claimForReplay(channel: string, skus?: string[]): Promise<IndexedDeadLetter[]> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
    const rows: DeadLetterRow[] = await this.db.query(
      `WITH claimed AS (
         UPDATE channel_dead_letters SET status = 'replaying'
         WHERE channel = $1 AND status IN ('dead', 'replaying') AND ($2::varchar[] IS NULL OR sku = ANY($2))
         RETURNING *)
       SELECT * FROM claimed ORDER BY id`,
      [channel, skus ?? null],
    );
    return rows.map(toIndexed);
  }

  async settleReplay(
    ids: number[],
    status: 'replayed' | 'replay_failed',
    version: number,
  ): Promise<void> {
    await this.db.query(
      `UPDATE channel_dead_letters SET status = $2, replayed_at = now(), replayed_version = $3
       WHERE id = ANY($1) AND status = 'replaying'`,
      [ids, status, version],
    );
  }

  /** The replay status of each row (rows that are gone are absent). */
  async replayStatuses(ids: number[]): Promise<Map<number, ReplayStatus>> {
    const rows: { id: string; status: ReplayStatus }[] = await this.db.query(
      'SELECT id, status FROM channel_dead_letters WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [Number(r.id), r.status]));
  }

  /** Settled rows back to `replaying`: a follow-up delivery of a newer state settles them again. */
  async reopenReplay(ids: number[]): Promise<void> {
    await this.db.query(
      `UPDATE channel_dead_letters SET status = 'replaying' WHERE id = ANY($1) AND status = 'replayed'`,
      [ids],
    );
  }

  /** Dead letters still waiting for a replay (`dead` or `replaying`), per channel; null = poison input. */
  async depths(): Promise<Map<string | null, number>> {
    const rows: { channel: string | null; depth: number }[] = await this.db.query(
      `SELECT channel, count(*)::int AS depth FROM channel_dead_letters
        WHERE status IN ('dead', 'replaying') GROUP BY channel`,
    );
    return new Map(rows.map((r) => [r.channel, r.depth]));
  }
}

function toIndexed(row: DeadLetterRow): IndexedDeadLetter {
  return {
    id: Number(row.id),
    record: row.record,
    status: row.status,
    replayedAt: row.replayed_at ? new Date(row.replayed_at).toISOString() : null,
    replayedVersion: row.replayed_version === null ? null : Number(row.replayed_version),
    kafkaPartition: row.kafka_partition,
    kafkaOffset: String(row.kafka_offset),
  };
}
