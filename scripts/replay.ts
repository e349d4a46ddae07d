/**
 * npm run replay [-- --from-snapshot[=<id>]] [--schema=<name>] [--keep-schema]
 *
 * Rebuilds every ledger projection from the log (from offset 0, or from a
 * snapshot) into a fresh Postgres schema, compares it with live and prints every
 * difference. Exit code 0: identical; 1: differences (the rebuilt schema is kept
 * for inspection); 2: the replay itself failed; 78: bad configuration.
 */
import 'reflect-metadata';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { BaseEnv, ConfigError, WithDatabase, WithKafka, loadConfig } from '@stockflow/config';
import { topicNames } from '@stockflow/contracts';
import { createKafka } from '@stockflow/kafka';
import { ReplayReport, replay } from '@stockflow/replay';

class ReplayConfig extends WithDatabase(WithKafka(BaseEnv)) {
  /** Schema of the live projections. */
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_SCHEMA must be a plain lower-case identifier' })
  DATABASE_SCHEMA = 'public';

  /** The ledger's consumer group (as in the ledger's config), whose offsets say how far live is. */
  @IsString()
  LEDGER_GROUP_ID = 'stockflow-ledger';

  /** Partitions folded in parallel (one Postgres connection each). */
  @IsInt() @Min(1) @Max(32)
  REPLAY_CONCURRENCY = 2;
}

function parseArgs(argv: string[]): { fromSnapshot?: true | number; schema?: string; keepSchema: boolean } {
  const args: { fromSnapshot?: true | number; schema?: string; keepSchema: boolean } = { keepSchema: false };
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if (name === '--from-snapshot') args.fromSnapshot = value === undefined ? true : Number(value);
    else if (name === '--schema' && value) args.schema = value;
    else if (name === '--keep-schema') args.keepSchema = true;
    else throw new ConfigError([`unknown argument ${arg} (use --from-snapshot[=<id>], --schema=<name>, --keep-schema)`]);
  }
  if (typeof args.fromSnapshot === 'number' && !Number.isInteger(args.fromSnapshot)) {
    throw new ConfigError(['--from-snapshot=<id> needs a snapshot id (an integer)']);
  }
  return args;
}

function print(report: ReplayReport, schema: string): void {
  const offsets = (o: Map<number, bigint>) => [...o].map(([p, n]) => `${p}:${n}`).join(' ') || '(none)';
  const s = report.stats;
  console.log(`live reference: snapshot ${report.reference.id}, offsets [${offsets(report.reference.offsets)}]`);
  console.log(report.start ? `started from snapshot ${report.start.id}, offsets [${offsets(report.start.offsets)}]` : 'started from offset 0');
  console.log(
    `folded ${s.events} events in ${s.seconds.toFixed(1)} s (${Math.round(s.events / Math.max(s.seconds, 1e-9))}/s): ` +
      `${s.applied} applied, ${s.duplicates} duplicates, ${s.rejected} rejected`,
  );
  for (const diff of report.diffs) {
    console.log(`${diff.table}: ${diff.count === 0 ? 'identical' : `${diff.count} rows differ`}`);
    for (const row of diff.rows) {
      console.log(`  ${row.key}\n    live:    ${JSON.stringify(row.live)}\n    rebuilt: ${JSON.stringify(row.rebuilt)}`);
    }
    if (diff.count > diff.rows.length) console.log(`  ... and ${diff.count - diff.rows.length} more`);
  }
  console.log(report.identical ? 'rebuild = live' : `REBUILD DIFFERS FROM LIVE (rebuilt schema kept: ${schema})`);
  if (report.identical && report.schemaKept) console.log(`rebuilt schema kept: ${schema}`);
}

async function main(): Promise<number> {
  const config = loadConfig(ReplayConfig);
  const args = parseArgs(process.argv.slice(2));
  const schema = args.schema ?? `replay_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const report = await replay({
    kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-replay` }),
    databaseUrl: config.DATABASE_URL,
    liveSchema: config.DATABASE_SCHEMA,
    key: { groupId: config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID, topic: topics.events },
    poolsTopic: topics.pools,
    schema,
    fromSnapshot: args.fromSnapshot,
    keepSchema: args.keepSchema,
    concurrency: config.REPLAY_CONCURRENCY,
  });
  print(report, schema);
  return report.identical ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    console.error(`replay failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
