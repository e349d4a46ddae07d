import { StoredOffset } from '@stockflow/contracts';
import { Queryable } from '../queryable';
import { preparedSql } from '../prepared-statements';

export interface OffsetKey {
  groupId: string;
  topic: string;
  partition: number;
}

/** Where an offset was read: the cluster and the last applied record (see offset-binding.ts in contracts). */
export interface LogBinding {
  clusterId: string;
  anchor: string;
}

/** Where one partition's offset moves to, and the log it counts in (see save). */
export interface OffsetMove {
  partition: number;
  nextOffset: bigint;
  binding?: LogBinding;
}

interface StoredOffsetRow {
  partition: number;
  next_offset: string;
  cluster_id: string | null;
  anchor: string | null;
}

/**
 * Every statement on consumer_offsets (migrations LedgerSchema,
 * OffsetsLogBinding): the offsets the ledger (and replay) stored in the same
 * transaction as the projections they account for. Built over that
 * transaction, or over the pool for reads.
 */
export class ConsumerOffsetRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Locks a partition's stored offset for the rest of the transaction and returns
   * it. The row lock fences a zombie consumer that still believes it owns the
   * partition after a rebalance: it waits, then sees the advanced offset and skips.
   */
  async lock(key: OffsetKey): Promise<bigint> {
    const locked = await this.lockAll(key.groupId, key.topic, [key.partition]);
    return locked.get(key.partition)!;
  }

  /**
   * lock() for several partitions of one topic in two statements, whatever
   * their count: rows are created if missing, then locked in ascending
   * partition order (ORDER BY runs before FOR UPDATE), so two consumers that
   * both hold some of them during a rebalance wait instead of deadlocking.
   */
  async lockAll(
    groupId: string,
    topic: string,
    partitions: readonly number[],
  ): Promise<Map<number, bigint>> {
    const sorted = [...new Set(partitions)].sort((a, b) => a - b);
    await this.db.query(
      preparedSql(`INSERT INTO consumer_offsets (group_id, topic, partition, next_offset)
       SELECT $1, $2, p, 0 FROM unnest($3::int[]) AS p
       ON CONFLICT DO NOTHING`),
      [groupId, topic, sorted],
    );
    const rows = await this.db.query<{ partition: number; next_offset: string }>(
      `SELECT partition, next_offset FROM consumer_offsets
       WHERE group_id = $1 AND topic = $2 AND partition = ANY($3::int[])
       ORDER BY partition FOR UPDATE`,
      [groupId, topic, sorted],
    );
    return new Map(rows.map((r) => [r.partition, BigInt(r.next_offset)]));
  }

  /**
   * Moves the offset. With a binding, the row also records which log it counts
   * in; without one (replay, benchmarks) the row keeps no binding, so a stale
   * one can never vouch for an offset it did not come with.
   */
  async save(key: OffsetKey, nextOffset: bigint, binding?: LogBinding): Promise<void> {
    await this.saveAll(key.groupId, key.topic, [{ partition: key.partition, nextOffset, binding }]);
  }

  /** save() for several partitions of one topic in one statement. */
  async saveAll(groupId: string, topic: string, moves: readonly OffsetMove[]): Promise<void> {
    if (moves.length === 0) return;
    await this.db.query(
      `UPDATE consumer_offsets c
       SET next_offset = m.next_offset, cluster_id = m.cluster_id, anchor = m.anchor, updated_at = now()
       FROM unnest($3::int[], $4::bigint[], $5::varchar[], $6::varchar[]) AS m(partition, next_offset, cluster_id, anchor)
       WHERE c.group_id = $1 AND c.topic = $2 AND c.partition = m.partition`,
      [
        groupId,
        topic,
        moves.map((m) => m.partition),
        moves.map((m) => m.nextOffset.toString()),
        moves.map((m) => m.binding?.clusterId ?? null),
        moves.map((m) => m.binding?.anchor ?? null),
      ],
    );
  }

  /** partition -> next offset to read of a group on a topic (what a snapshot records, what lag counts from). */
  async nextOffsets(groupId: string, topic: string): Promise<Map<number, bigint>> {
    const stored = await this.stored(groupId, topic);
    return new Map([...stored].map(([partition, offset]) => [partition, offset.nextOffset]));
  }

  /** Stored offsets of a group on a topic with what binds them to their log. */
  async stored(groupId: string, topic: string): Promise<Map<number, StoredOffset>> {
    const rows = await this.db.query<StoredOffsetRow>(
      'SELECT partition, next_offset, cluster_id, anchor FROM consumer_offsets WHERE group_id = $1 AND topic = $2',
      [groupId, topic],
    );
    return new Map(
      rows.map((r) => [
        r.partition,
        {
          partition: r.partition,
          nextOffset: BigInt(r.next_offset),
          clusterId: r.cluster_id,
          anchor: r.anchor,
        },
      ]),
    );
  }
}
