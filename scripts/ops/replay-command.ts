import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import {
  BaseEnv,
  DEFAULT_LEDGER_GROUP_ID,
  WithDatabase,
  WithKafka,
  loadConfig,
  kafkaConnection,
} from '@stockflow/config';
import { topicNames } from '@stockflow/contracts';
import { createKafka } from '@stockflow/kafka';
import { ReplayReport, replay } from '@stockflow/replay';
import { EXIT, UsageError, one, parseArgs } from './cli-args';

export const REPLAY_USAGE = `ops replay [--from-snapshot[=<id>]] [--schema=<name>] [--keep-schema]
  Rebuilds every ledger projection from the log (from offset 0, or from a snapshot) into a
  fresh schema and compares it with live. Exit 0: identical; 1: differences (the rebuilt
  schema is kept); 2: the replay itself failed. DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX.`;

class ReplayConfig extends WithDatabase(WithKafka(BaseEnv)) {
  /** Schema of the live projections. */
  @Matches(/^[a-z_][a-z0-9_]*$/, {
    message: 'DATABASE_SCHEMA must be a plain lower-case identifier',
  })
  DATABASE_SCHEMA = 'public';

  /** The ledger's consumer group (as in the ledger's config), whose offsets say how far live is. */
  @IsString()
  LEDGER_GROUP_ID = DEFAULT_LEDGER_GROUP_ID;

  /** Partitions folded in parallel (one Postgres connection each). */
  @IsInt()
  @Min(1)
  @Max(32)
  REPLAY_CONCURRENCY = 2;
}

/** Thrown when the replay itself failed (not a difference): exit 2. */
class ReplayFailed extends Error {}

function fromSnapshot(args: ReturnType<typeof parseArgs>): true | number | undefined {
  const raw = args.options.get('from-snapshot')?.at(-1);
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  const id = Number(raw);
  if (!Number.isInteger(id))
    throw new UsageError('--from-snapshot=<id> needs a snapshot id (an integer)');
  return id;
}

function print(report: ReplayReport, schema: string): void {
  const offsets = (o: Map<number, bigint>) =>
    [...o].map(([p, n]) => `${p}:${n}`).join(' ') || '(none)';
  const s = report.stats;
  console.log(
    `live reference: snapshot ${report.reference.id}, offsets [${offsets(report.reference.offsets)}]`,
  );
  console.log(
    report.start
      ? `started from snapshot ${report.start.id}, offsets [${offsets(report.start.offsets)}]`
      : 'started from offset 0',
  );
  console.log(
    `folded ${s.events} events in ${s.seconds.toFixed(1)} s (${Math.round(s.events / Math.max(s.seconds, 1e-9))}/s): ` +
      `${s.applied} applied, ${s.duplicates} duplicates, ${s.rejected} rejected`,
  );
  for (const diff of report.diffs) {
    console.log(`${diff.table}: ${diff.count === 0 ? 'identical' : `${diff.count} rows differ`}`);
    for (const row of diff.rows) {
      console.log(
        `  ${row.key}\n    live:    ${JSON.stringify(row.live)}\n    rebuilt: ${JSON.stringify(row.rebuilt)}`,
      );
    }
    if (diff.count > diff.rows.length)
      console.log(`  ... and ${diff.count - diff.rows.length} more`);
  }
  console.log(
    report.identical
      ? 'rebuild = live'
      : `REBUILD DIFFERS FROM LIVE (rebuilt schema kept: ${schema})`,
  );
  if (report.identical && report.schemaKept) console.log(`rebuilt schema kept: ${schema}`);
}

export async function replayCommand(argv: string[]): Promise<number> {
  // --from-snapshot is both a flag and `--from-snapshot=<id>`: accept it as a boolean or with `=`.
  const normalized = argv.map((a) => (a === '--from-snapshot' ? '--from-snapshot=true' : a));
  const args = parseArgs(normalized, {
    values: ['from-snapshot', 'schema'],
    booleans: ['keep-schema'],
  });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const start = fromSnapshot(args);
  const config = loadConfig(ReplayConfig);
  const schema =
    one(args, 'schema') ?? `replay_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const report = await replay({
    kafka: createKafka(kafkaConnection(config, 'replay')),
    databaseUrl: config.DATABASE_URL,
    liveSchema: config.DATABASE_SCHEMA,
    key: { groupId: config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID, topic: topics.events },
    poolsTopic: topics.pools,
    schema,
    fromSnapshot: start,
    keepSchema: args.options.has('keep-schema'),
    concurrency: config.REPLAY_CONCURRENCY,
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  }).catch((error: unknown) => {
    throw new ReplayFailed(
      `replay failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
  });
  print(report, schema);
  return report.identical ? EXIT.ok : EXIT.failed;
}

export function isReplayFailure(error: unknown): boolean {
  return error instanceof ReplayFailed;
}
