import { Kafka, OffsetRange, readLogRanges } from '@stockflow/kafka';
import {
  Snapshot,
  SnapshotKey,
  connectDatabase,
  quoteSchema,
  runMigrations,
  sqlPool,
  LedgerProjections,
  SnapshotRepository,
  ConsumerOffsetRepository,
  PoolRepository,
} from '@stockflow/persistence';
import { PoolDirectory, emptyDirectory, foldPoolMessages } from '@stockflow/ledger-core';
import { JournalPipeline } from './journal-pipeline';
import { ReplayedLedger } from './replayed-ledger';

/**
 * Events decoded and folded at a time: small enough that Postgres starts writing
 * a fetched batch (~30,000 events) long before Node has folded all of it.
 */
export const REPLAY_CHUNK = 5_000;

export interface RebuildOptions {
  kafka: Kafka;
  databaseUrl: string;
  /** Whose offsets and journal to mirror: the ledger's group on the events topic. */
  key: SnapshotKey;
  /** inventory.pools (with the environment's prefix): folded whole into the `pools` table. */
  poolsTopic: string;
  /** Fresh schema to build into; must not exist yet. */
  schema: string;
  /** Where the snapshot to start from lives (the live schema). */
  liveSchema: string;
  /** Start from this snapshot instead of offset 0. */
  fromSnapshot?: Snapshot;
  /** Fold the log up to (excluding) these offsets, per partition. */
  until: ReadonlyMap<number, bigint>;
  concurrency: number;
  /** DATABASE_PREPARED_STATEMENTS (default true). */
  preparedStatements?: boolean;
}

export interface RebuildStats {
  events: number;
  applied: number;
  duplicates: number;
  rejected: number;
  seconds: number;
}

/**
 * Rebuilds every ledger projection from the log into a fresh schema with the
 * live ledger's rules: the same decode and pure fold (ReplayedLedger.fold) and
 * the same writers, chunk by chunk for the journal. The state
 * it folds against stays in memory (ReplayedLedger) and the projections are
 * written once, at the end: they are never read back, so a fault in how live
 * reads them shows up in the diff instead of being repeated here.
 */
export async function rebuildFromLog(options: RebuildOptions): Promise<RebuildStats> {
  await assertFreshSchema(options.databaseUrl, options.schema);
  await runMigrations({ url: options.databaseUrl, schema: options.schema });
  const db = await connectDatabase({
    url: options.databaseUrl,
    schema: options.schema,
    poolSize: options.concurrency,
    applicationName: 'stockflow-replay',
    preparedStatements: options.preparedStatements,
  });
  const sql = sqlPool(db);
  const stats: RebuildStats = { events: 0, applied: 0, duplicates: 0, rejected: 0, seconds: 0 };
  const started = process.hrtime.bigint();
  try {
    const start = options.fromSnapshot;
    if (start)
      await sql.transaction((tx) =>
        new SnapshotRepository(tx).restore(options.liveSchema, options.schema, start, options.key),
      );
    const ledger = start ? await ReplayedLedger.fromRestoredSnapshot(sql) : ReplayedLedger.empty();
    const journal = new JournalPipeline(sql, options.concurrency);
    const ranges = new Map<number, OffsetRange>();
    for (const [partition, to] of options.until) {
      ranges.set(partition, { from: start?.offsets.get(partition) ?? 0n, to });
    }
    await readLogRanges({
      kafka: options.kafka,
      topic: options.key.topic,
      ranges,
      concurrency: options.concurrency,
      onBatch: async (partition, messages) => {
        for (let i = 0; i < messages.length; i += REPLAY_CHUNK) {
          const chunk = messages.slice(i, i + REPLAY_CHUNK);
          const { result, rejected, sources } = await ledger.fold(chunk, partition);
          await journal.write(result.entries, sources);
          stats.events += chunk.length;
          stats.applied += result.entries.length;
          stats.duplicates += result.duplicates.length;
          stats.rejected += rejected.length;
        }
      },
    });
    await journal.drain();
    const pools = await foldPoolLog(options.kafka, options.poolsTopic);
    await sql.transaction(async (tx) => {
      const folded = ledger.state();
      await new LedgerProjections(tx).save(
        folded,
        [...folded.stock.keys()],
        [...folded.reservations.keys()],
      );
      await new PoolRepository(tx).replace(pools);
      for (const [partition, range] of ranges) {
        const key = { ...options.key, partition };
        const offsets = new ConsumerOffsetRepository(tx);
        await offsets.lock(key);
        await offsets.save(key, range.to);
      }
    });
  } finally {
    await db.destroy();
  }
  stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return stats;
}

/** Every pool definition in the log, folded (the topic is one small partition). */
async function foldPoolLog(kafka: Kafka, topic: string): Promise<PoolDirectory> {
  const admin = kafka.admin();
  await admin.connect();
  const [end] = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  let directory = emptyDirectory();
  await readLogRanges({
    kafka,
    topic,
    ranges: new Map([[0, { from: 0n, to: BigInt(end?.high ?? '0') }]]),
    concurrency: 1,
    onBatch: async (_partition, messages) => {
      directory = foldPoolMessages(directory, messages);
    },
  });
  return directory;
}

async function assertFreshSchema(url: string, schema: string): Promise<void> {
  quoteSchema(schema);
  const db = await connectDatabase({ url, poolSize: 1 });
  try {
    const rows = await db.query(
      'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1',
      [schema],
    );
    if (rows.length > 0)
      throw new Error(`schema ${schema} already exists: replay builds into a fresh schema only`);
  } finally {
    await db.destroy();
  }
}
