import { StoredOffset } from '@stockflow/contracts';
import { Queryable } from '../queryable';

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
    await this.db.query(
      `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
       ON CONFLICT DO NOTHING`,
      [key.groupId, key.topic, key.partition],
    );
    const rows = await this.db.query<{ next_offset: string }>(
      'SELECT next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE',
      [key.groupId, key.topic, key.partition],
    );
    return BigInt(rows[0].next_offset);
  }

  /**
   * Moves the offset. With a binding, the row also records which log it counts
   * in; without one (replay, benchmarks) the row keeps no binding, so a stale
   * one can never vouch for an offset it did not come with.
   */
  async save(key: OffsetKey, nextOffset: bigint, binding?: LogBinding): Promise<void> {
    await this.db.query(
      `UPDATE consumer_offsets SET next_offset = $4, cluster_id = $5, anchor = $6, updated_at = now()
       WHERE group_id = $1 AND topic = $2 AND partition = $3`,
      [
        key.groupId,
        key.topic,
        key.partition,
        nextOffset.toString(),
        binding?.clusterId ?? null,
        binding?.anchor ?? null,
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
