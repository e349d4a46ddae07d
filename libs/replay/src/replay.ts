import { Kafka } from '@stockflow/kafka';
import {
  Snapshot,
  SnapshotKey,
  connectDatabase,
  quoteSchema,
  Queryable,
  SnapshotRepository,
} from '@stockflow/persistence';
import { TableDiff, diffProjections } from './projection-diff';
import { RebuildStats, rebuildFromLog } from './rebuild';

export interface ReplayOptions {
  kafka: Kafka;
  databaseUrl: string;
  liveSchema: string;
  key: SnapshotKey;
  /** inventory.pools (with the environment's prefix). */
  poolsTopic: string;
  /** Fresh schema to rebuild into. */
  schema: string;
  /** Start from a snapshot: `true` for the newest one, or a snapshot id. */
  fromSnapshot?: true | number;
  /** Keep the rebuilt schema even when it equals live (it is always kept when it differs). */
  keepSchema?: boolean;
  concurrency: number;
  /** DATABASE_PREPARED_STATEMENTS (default true). */
  preparedStatements?: boolean;
}

export interface ReplayReport {
  /** Live as of the start of the replay: what the rebuild is compared with. */
  reference: Snapshot;
  start?: Snapshot;
  stats: RebuildStats;
  diffs: TableDiff[];
  identical: boolean;
  schemaKept: boolean;
}

/**
 * `npm run replay`: rebuild every projection from the log into a fresh schema
 * and compare it with live. The ledger keeps running meanwhile, so "live" is
 * pinned first: a snapshot taken now (one REPEATABLE READ transaction) records
 * the projections together with the offsets they reflect; the rebuild folds the
 * log up to exactly those offsets and is compared with that snapshot.
 */
export async function replay(options: ReplayOptions): Promise<ReplayReport> {
  const live = await connectDatabase({
    url: options.databaseUrl,
    schema: options.liveSchema,
    poolSize: 2,
    preparedStatements: options.preparedStatements,
  });
  try {
    const session = live.createQueryRunner();
    const reference = await new SnapshotRepository(session)
      .capture(options.key)
      .finally(() => session.release());
    const start = await startingSnapshot(live, options, reference);
    const stats = await rebuildFromLog({
      kafka: options.kafka,
      databaseUrl: options.databaseUrl,
      key: options.key,
      poolsTopic: options.poolsTopic,
      schema: options.schema,
      liveSchema: options.liveSchema,
      fromSnapshot: start,
      until: reference.offsets,
      concurrency: options.concurrency,
      preparedStatements: options.preparedStatements,
    });
    const diffs = await diffProjections(live, {
      liveSchema: options.liveSchema,
      reference,
      rebuiltSchema: options.schema,
    });
    const identical = diffs.every((d) => d.count === 0);
    const schemaKept = !identical || !!options.keepSchema;
    if (!schemaKept) await live.query(`DROP SCHEMA ${quoteSchema(options.schema)} CASCADE`);
    return { reference, start, stats, diffs, identical, schemaKept };
  } finally {
    await live.destroy();
  }
}

async function startingSnapshot(
  db: Queryable,
  options: ReplayOptions,
  reference: Snapshot,
): Promise<Snapshot | undefined> {
  if (options.fromSnapshot === undefined) return undefined;
  const snapshots = new SnapshotRepository(db);
  const start =
    options.fromSnapshot === true
      ? await snapshots.latest(options.key, reference.id)
      : await snapshots.find(options.fromSnapshot);
  if (!start)
    throw new Error(
      `no snapshot to start from (${options.fromSnapshot === true ? 'none taken yet' : `id ${options.fromSnapshot}`})`,
    );
  return start;
}
