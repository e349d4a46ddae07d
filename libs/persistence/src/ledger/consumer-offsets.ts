import { Queryable } from '../queryable';

export interface OffsetKey {
  groupId: string;
  topic: string;
  partition: number;
}

/**
 * Locks a partition's stored offset for the rest of the transaction and returns
 * it. The row lock fences a zombie consumer that still believes it owns the
 * partition after a rebalance: it waits, then sees the advanced offset and skips.
 */
export async function lockOffset(db: Queryable, key: OffsetKey): Promise<bigint> {
  await db.query(
    `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
     ON CONFLICT DO NOTHING`,
    [key.groupId, key.topic, key.partition],
  );
  const rows = await db.query(
    'SELECT next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE',
    [key.groupId, key.topic, key.partition],
  );
  return BigInt(rows[0].next_offset);
}

export async function saveOffset(db: Queryable, key: OffsetKey, nextOffset: bigint): Promise<void> {
  await db.query(
    `UPDATE consumer_offsets SET next_offset = $4, updated_at = now()
     WHERE group_id = $1 AND topic = $2 AND partition = $3`,
    [key.groupId, key.topic, key.partition, nextOffset.toString()],
  );
}

/** Stored offsets of a group on a topic, to resume from on partition assignment. */
export async function readOffsets(db: Queryable, groupId: string, topic: string): Promise<Map<number, string>> {
  const rows = await db.query('SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [
    groupId,
    topic,
  ]);
  return new Map(rows.map((r: { partition: number; next_offset: string }) => [r.partition, String(r.next_offset)]));
}
