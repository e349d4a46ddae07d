import { Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  Snapshot,
  SnapshotKey,
  connectDatabase,
  foldPartitionBatch,
  quoteSchema,
  restoreSnapshot,
  runMigrations,
  sqlPool,
} from '@stockflow/persistence';
import { OffsetRange, readLogRanges } from './log-reader';

export interface RebuildOptions {
  kafka: Kafka;
  databaseUrl: string;
  /** Whose offsets and journal to mirror: the ledger's group on the events topic. */
  key: SnapshotKey;
  /** Fresh schema to build into; must not exist yet. */
  schema: string;
  /** Where the snapshot to start from lives (the live schema). */
  liveSchema: string;
  /** Start from this snapshot instead of offset 0. */
  fromSnapshot?: Snapshot;
  /** Fold the log up to (excluding) these offsets, per partition. */
  until: ReadonlyMap<number, bigint>;
  concurrency: number;
}

export interface RebuildStats {
  events: number;
  applied: number;
  duplicates: number;
  rejected: number;
  seconds: number;
}

/**
 * Rebuilds every ledger projection from the log into a fresh schema, batch by
 * batch through foldPartitionBatch: the very code path of the live ledger (the
 * same decode, pure fold, projection writer and offset bookkeeping), minus the
 * publishing of dead letters and stock levels.
 */
export async function rebuildFromLog(options: RebuildOptions): Promise<RebuildStats> {
  await assertFreshSchema(options.databaseUrl, options.schema);
  await runMigrations({ url: options.databaseUrl, schema: options.schema });
  const db = await connectDatabase({
    url: options.databaseUrl,
    schema: options.schema,
    poolSize: options.concurrency,
    applicationName: 'stockflow-replay',
  });
  const stats: RebuildStats = { events: 0, applied: 0, duplicates: 0, rejected: 0, seconds: 0 };
  const started = process.hrtime.bigint();
  try {
    const start = options.fromSnapshot;
    if (start) {
      await db.transaction((tx) => restoreSnapshot(tx, options.liveSchema, options.schema, start, options.key));
    }
    const ranges = new Map<number, OffsetRange>();
    for (const [partition, to] of options.until) {
      ranges.set(partition, { from: start?.offsets.get(partition) ?? 0n, to });
    }
    await readLogRanges({
      kafka: options.kafka,
      topic: options.key.topic,
      ranges,
      concurrency: options.concurrency,
      onBatch: (partition, messages) => foldInto(db, options.key, partition, messages, stats),
    });
  } finally {
    await db.destroy();
  }
  stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return stats;
}

async function foldInto(
  db: DataSource,
  key: SnapshotKey,
  partition: number,
  messages: KafkaMessage[],
  stats: RebuildStats,
): Promise<void> {
  await sqlPool(db).transaction(async (tx) => {
    // A rebuild can always be run again: no need to wait for the WAL flush per batch.
    await tx.query('SET LOCAL synchronous_commit = off');
    const { result, rejected } = await foldPartitionBatch(tx, { ...key, partition }, messages);
    stats.events += messages.length;
    stats.applied += result.entries.length;
    stats.duplicates += result.duplicates.length;
    stats.rejected += rejected.length;
  });
}

async function assertFreshSchema(url: string, schema: string): Promise<void> {
  quoteSchema(schema);
  const db = await connectDatabase({ url, poolSize: 1 });
  try {
    const rows = await db.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    if (rows.length > 0) throw new Error(`schema ${schema} already exists: replay builds into a fresh schema only`);
  } finally {
    await db.destroy();
  }
}
