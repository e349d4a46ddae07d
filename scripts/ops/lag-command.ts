import { IsString } from 'class-validator';
import {
  BaseEnv,
  DEFAULT_LEDGER_GROUP_ID,
  WithDatabase,
  WithKafka,
  loadConfig,
  kafkaConnection,
} from '@stockflow/config';
import { topicNames } from '@stockflow/contracts';
import {
  ConsumerLagRow,
  createKafka,
  lagFromStoredOffsets,
  readConsumerLag,
} from '@stockflow/kafka';
import { ConsumerOffsetRepository, connectDatabase } from '@stockflow/persistence';
import { UsageError, parseArgs } from './cli-args';
import { printTable } from './table';

export const LAG_USAGE = `ops lag [--group GROUP]... [--json]
  Messages each consumer group is behind the log end, per partition: every group whose
  name starts with KAFKA_TOPIC_PREFIX + "stockflow" (or the --group ones), except the
  per-process readers (names ending in a UUID: stockflow-pools-*, stockflow-gateway-results-*).
  The ledger's group is measured against the offsets it stores in Postgres (DATABASE_URL),
  as its stockflow_consumer_lag metric is. KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, LEDGER_GROUP_ID.`;

class LagConfig extends WithDatabase(WithKafka(BaseEnv)) {
  @IsString()
  LEDGER_GROUP_ID = DEFAULT_LEDGER_GROUP_ID;
}

export async function lagCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['group'], booleans: ['json'] });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const config = loadConfig(LagConfig);
  const kafka = createKafka(kafkaConnection(config, 'ops'));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const prefix = `${config.KAFKA_TOPIC_PREFIX}stockflow`;
    const ledgerGroup = config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID;
    const groups = args.options.get('group') ?? (await deploymentGroups(admin, prefix));
    const rows: ConsumerLagRow[] = await readConsumerLag(
      admin,
      groups.filter((g) => g !== ledgerGroup),
    );
    if (groups.includes(ledgerGroup)) rows.push(...(await ledgerLag(config, admin, ledgerGroup)));
    rows.sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.topic.localeCompare(b.topic) ||
        a.partition - b.partition,
    );
    if (args.options.has('json')) console.log(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) console.log(`no consumer groups found (prefix ${prefix})`);
    else
      printTable(
        ['group', 'topic', 'partition', 'committed', 'logEnd', 'lag'],
        rows.map((r) => [
          r.group,
          r.topic,
          String(r.partition),
          String(r.committedOffset),
          String(r.logEndOffset),
          String(r.lag),
        ]),
      );
    return 0;
  } finally {
    await admin.disconnect();
  }
}

/** A group named for one process (`...-<uuid>`): the pool readers, the gateway's event-results readers. */
const PER_PROCESS_GROUP = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The deployment's groups. Per-process readers (each reads its topic for itself
 * and commits nothing that matters) are left out: they have no backlog to act
 * on, and one appears per process start.
 */
async function deploymentGroups(
  admin: Parameters<typeof lagFromStoredOffsets>[0],
  prefix: string,
): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups
    .map((g) => g.groupId)
    .filter((g) => g.startsWith(prefix) && !PER_PROCESS_GROUP.test(g))
    .sort();
}

async function ledgerLag(
  config: LagConfig,
  admin: Parameters<typeof lagFromStoredOffsets>[0],
  group: string,
) {
  const topic = topicNames(config.KAFKA_TOPIC_PREFIX).events;
  const db = await connectDatabase({
    url: config.DATABASE_URL,
    poolSize: 1,
    applicationName: 'stockflow-ops',
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  });
  try {
    return await lagFromStoredOffsets(
      admin,
      group,
      topic,
      await new ConsumerOffsetRepository(db).nextOffsets(group, topic),
    );
  } finally {
    await db.destroy();
  }
}
