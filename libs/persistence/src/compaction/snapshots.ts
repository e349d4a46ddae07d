import { Queryable } from '../queryable';
import { quoteSchema } from '../schema-name';

/** Whose offsets a snapshot records: the ledger's consumer group on the events topic. */
export interface SnapshotKey {
  groupId: string;
  topic: string;
}

export interface Snapshot {
  id: number;
  takenAt: Date;
  /** Age by the database clock when read (the app's clock may differ). */
  ageSeconds: number;
  /** partition -> next offset the ledger had not applied yet when the snapshot was taken. */
  offsets: Map<number, bigint>;
}

/**
 * Every statement on snapshots and its row tables (snapshot_stock_levels,
 * snapshot_stock_locations, snapshot_reservations; migration Snapshots), over
 * the Queryable it is built on: a session, a pool or a transaction.
 */
export class SnapshotRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Copies the projections and the offsets they reflect into a new snapshot.
   * The repository must be over ONE connection (a QueryRunner or a pg client): the copy runs
   * in a REPEATABLE READ transaction, so every table and consumer_offsets are read
   * at the same instant, while the ledger keeps committing (MVCC readers never
   * block writers). The ledger moves projections and offsets in one transaction,
   * so that instant is always a batch boundary.
   */
  async capture(key: SnapshotKey): Promise<Snapshot> {
    await this.db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      const [row] = await this.db.query<SnapshotRow>(
        `INSERT INTO snapshots (group_id, topic, offsets)
         SELECT $1::varchar, $2::varchar, COALESCE(jsonb_object_agg(partition::text, next_offset), '{}')
         FROM consumer_offsets WHERE group_id = $1 AND topic = $2
         RETURNING id, taken_at, offsets, 0 AS age_seconds`,
        [key.groupId, key.topic],
      );
      await this.db.query(
        `INSERT INTO snapshot_stock_levels (snapshot_id, sku, on_hand, reserved, version)
         SELECT $1, sku, on_hand, reserved, version FROM stock_levels`,
        [row.id],
      );
      await this.db.query(
        `INSERT INTO snapshot_stock_locations (snapshot_id, sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming)
         SELECT $1, sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming FROM stock_locations`,
        [row.id],
      );
      await this.db.query(
        `INSERT INTO snapshot_reservations (snapshot_id, reservation_id, sku, order_id, quantity, open, kind, allocations)
         SELECT $1, reservation_id, sku, order_id, quantity, open, kind, allocations FROM reservations WHERE open > 0`,
        [row.id],
      );
      await this.db.query('COMMIT');
      return toSnapshot(row);
    } catch (error) {
      await this.db.query('ROLLBACK');
      throw error;
    }
  }

  /** The newest snapshot of `key` (optionally: taken before snapshot `beforeId`). */
  async latest(key: SnapshotKey, beforeId?: number): Promise<Snapshot | undefined> {
    const [row] = await this.db.query<SnapshotRow>(
      `SELECT id, taken_at, offsets, extract(epoch FROM now() - taken_at)::float8 AS age_seconds FROM snapshots
       WHERE group_id = $1 AND topic = $2 AND id < $3 ORDER BY id DESC LIMIT 1`,
      [key.groupId, key.topic, beforeId ?? Number.MAX_SAFE_INTEGER],
    );
    return row ? toSnapshot(row) : undefined;
  }

  async find(id: number): Promise<Snapshot | undefined> {
    const [row] = await this.db.query<SnapshotRow>(
      'SELECT id, taken_at, offsets, extract(epoch FROM now() - taken_at)::float8 AS age_seconds FROM snapshots WHERE id = $1',
      [id],
    );
    return row ? toSnapshot(row) : undefined;
  }

  /** Keeps the newest `keep` snapshots of `key`; their rows go with them (ON DELETE CASCADE). */
  async prune(key: SnapshotKey, keep: number): Promise<number> {
    const [{ pruned }] = await this.db.query<{ pruned: number }>(
      `WITH gone AS (
         DELETE FROM snapshots WHERE group_id = $1 AND topic = $2 AND id NOT IN (
           SELECT id FROM snapshots WHERE group_id = $1 AND topic = $2 ORDER BY id DESC LIMIT $3)
         RETURNING 1
       )
       SELECT count(*)::int AS pruned FROM gone`,
      [key.groupId, key.topic, keep],
    );
    return pruned;
  }

  /**
   * Loads snapshot `id` of schema `source` as the starting state of the (freshly
   * migrated, empty) schema `target`: projections, consumer offsets, and the
   * journal up to the snapshot's offsets. The journal is append-only history that
   * the ledger deduplicates eventIds against, so a rebuild that starts from a
   * snapshot needs that prefix to treat a late re-sent event as the duplicate it is.
   */
  async restore(
    source: string,
    target: string,
    snapshot: Snapshot,
    key: SnapshotKey,
  ): Promise<void> {
    const [from, to] = [quoteSchema(source), quoteSchema(target)];
    await this.db.query(
      `INSERT INTO ${to}.stock_levels (sku, on_hand, reserved, version)
       SELECT sku, on_hand, reserved, version FROM ${from}.snapshot_stock_levels WHERE snapshot_id = $1`,
      [snapshot.id],
    );
    await this.db.query(
      `INSERT INTO ${to}.stock_locations (sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming)
       SELECT sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming FROM ${from}.snapshot_stock_locations WHERE snapshot_id = $1`,
      [snapshot.id],
    );
    await this.db.query(
      `INSERT INTO ${to}.reservations (reservation_id, sku, order_id, quantity, open, kind, allocations)
       SELECT reservation_id, sku, order_id, quantity, open, kind, allocations FROM ${from}.snapshot_reservations WHERE snapshot_id = $1`,
      [snapshot.id],
    );
    const partitions = [...snapshot.offsets.keys()];
    await this.db.query(
      `INSERT INTO ${to}.consumer_offsets (group_id, topic, partition, next_offset)
       SELECT $1, $2, * FROM unnest($3::int[], $4::bigint[])`,
      [
        key.groupId,
        key.topic,
        partitions,
        partitions.map((p) => snapshot.offsets.get(p)!.toString()),
      ],
    );
    await this.db.query(
      `INSERT INTO ${to}.journal SELECT j.* FROM ${from}.journal j
       JOIN unnest($1::int[], $2::bigint[]) AS o(partition, next_offset)
         ON j.kafka_partition = o.partition AND j.kafka_offset < o.next_offset`,
      [partitions, partitions.map((p) => snapshot.offsets.get(p)!.toString())],
    );
  }
}

interface SnapshotRow {
  id: string;
  taken_at: Date;
  offsets: Record<string, number>;
  age_seconds: number;
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return {
    id: Number(row.id),
    takenAt: new Date(row.taken_at),
    ageSeconds: Number(row.age_seconds),
    offsets: new Map(Object.entries(row.offsets).map(([p, o]) => [Number(p), BigInt(o)])),
  };
}
