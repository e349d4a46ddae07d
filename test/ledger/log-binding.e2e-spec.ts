import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { topicNames } from '@stockflow/contracts';
import { contractTopicConfigs, createKafka, ensureTopics } from '@stockflow/kafka';
import { runMigrations } from '@stockflow/persistence';
import {
  ServiceProcess,
  TEST_TOKENS,
  connections,
  createTestDatabase,
  dropTestDatabase,
  freePort,
  makeEvent,
  produceEvents,
  repoRoot,
  startService,
  waitFor,
  Json,
} from '@stockflow/testing';

const run = promisify(execFile);
const ROOT = repoRoot();

/**
 * Offsets bound to the log they came from. The ledger's offsets live in
 * Postgres; when the broker's storage is replaced under a kept database (a new
 * cluster answering at the same address), resuming them would skip every record
 * below the old offsets without a word. The ledger must refuse instead: a log
 * line and a readiness failure naming both cluster ids, nothing applied.
 *
 * Runs a broker of its own (never the shared one): its data dir is wiped
 * between the two halves of the test.
 */
describe('ledger offsets bound to their log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sf-log-binding-'));
  let env: Record<string, string> = {};
  let brokers = '';
  let kafka: Kafka;
  let db: Pool;
  let adminUrl = '';
  let databaseUrl = '';
  let ledger: ServiceProcess | undefined;
  const topics = topicNames('test.logbinding.');

  const kafkaSh = (command: 'start' | 'stop') =>
    run('bash', [join(ROOT, 'scripts/kafka.sh'), command], { env, timeout: 240_000 });
  const journalRows = async () =>
    Number((await db.query('SELECT count(*)::int AS n FROM journal')).rows[0].n);
  const offsets = async () =>
    (
      await db.query(
        'SELECT partition, next_offset::text AS next, cluster_id, anchor FROM consumer_offsets ORDER BY partition',
      )
    ).rows;
  const receipts = (n: number, sku: string) =>
    Array.from({ length: n }, () =>
      makeEvent('StockReceived', { sku, channel: '3pl', locationId: 'WH-1', quantity: 1 }),
    );

  beforeAll(async () => {
    const [port, controllerPort] = [await freePort(), await freePort()];
    brokers = `127.0.0.1:${port}`;
    env = {
      ...(process.env as Record<string, string>),
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      // Jars, config and pid file in a cache of its own (kept between runs: the jars resolve once).
      KAFKA_CACHE_DIR: join(ROOT, '.cache', 'kafka-log-binding'),
      KAFKA_DATA_DIR: dataDir,
      KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
    };
    // Reuse the jars the suite's own broker resolved (same pom, same marker): no second resolution.
    const jars = join(ROOT, '.cache', 'kafka', 'libs');
    if (existsSync(join(jars, '.resolved')) && !existsSync(join(env.KAFKA_CACHE_DIR, 'libs'))) {
      mkdirSync(env.KAFKA_CACHE_DIR, { recursive: true });
      symlinkSync(jars, join(env.KAFKA_CACHE_DIR, 'libs'));
    }
    await kafkaSh('start');
    kafka = createKafka({ brokers, clientId: 'test-log-binding' });
    await ensureTopics(kafka, contractTopicConfigs(topics));
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'logbinding');
    await runMigrations({ url: databaseUrl });
    db = new Pool({ connectionString: databaseUrl, max: 2 });
  }, 400_000);

  afterAll(async () => {
    await ledger?.stop();
    await db?.end();
    await kafkaSh('stop').catch(() => undefined);
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  const ledgerEnv = () => ({
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: 'test.logbinding.',
    CHANNEL_TOKENS: `3pl:${TEST_TOKENS['3pl']}`,
    LOG_LEVEL: 'info',
  });

  it('refuses to resume offsets after the broker storage was replaced, naming both clusters, applying nothing', async () => {
    // First life: 40 records applied, offsets stored with the cluster id and the last record's fingerprint.
    ledger = await startService('ledger', ledgerEnv());
    await produceEvents(kafka, topics.events, [...receipts(20, 'LB-1'), ...receipts(20, 'LB-2')]);
    await waitFor(async () => (await journalRows()) === 40, {
      timeoutMs: 90_000,
      what: 'the ledger to apply 40 events',
    });
    await ledger.stop();
    ledger = undefined;
    const before = await offsets();
    const oldCluster = before[0].cluster_id as string;
    expect(oldCluster).toMatch(/^\S{10,}$/);
    expect(before.every((r) => r.cluster_id === oldCluster && typeof r.anchor === 'string')).toBe(
      true,
    );

    // The broker loses its storage: a new cluster (new id) at the same address, the topics re-created empty,
    // then fewer records than the old offsets cover, the case that was silently skipped.
    await kafkaSh('stop');
    rmSync(dataDir, { recursive: true, force: true });
    await kafkaSh('start');
    await ensureTopics(kafka, contractTopicConfigs(topics));
    await produceEvents(kafka, topics.events, [...receipts(3, 'LB-1'), ...receipts(3, 'LB-2')]);
    const admin = kafka.admin();
    await admin.connect();
    const newCluster = (await admin.describeCluster()).clusterId;
    await admin.disconnect();
    expect(newCluster).not.toBe(oldCluster);

    ledger = await startService('ledger', ledgerEnv(), { awaitReady: false });
    let readiness: Json;
    await waitFor(
      async () => {
        const res = await fetch(`${ledger!.url}/health/ready`);
        readiness = await res.json().catch(() => undefined);
        return (
          res.status === 503 && /refusing to consume/.test(readiness?.checks?.['log-binding'] ?? '')
        );
      },
      { timeoutMs: 90_000, what: 'the ledger to refuse the foreign log on /health/ready' },
    );
    const why: string = readiness.checks['log-binding'];
    expect(why).toContain(oldCluster);
    expect(why).toContain(newCluster);
    expect(why).toMatch(/npm run replay/);
    // The child's output reaches its log file through a pipe: the line may land just after /health/ready says it.
    const refusal = new RegExp(
      `refusing to consume test\\.logbinding\\.inventory\\.events: .*${oldCluster}.*${newCluster}`,
    );
    const logFile = ledger.logFile;
    await waitFor(async () => refusal.test(readFileSync(logFile, 'utf8')), {
      timeoutMs: 10_000,
      what: 'the refusal naming both clusters in the ledger log',
    });

    // Still refusing a while later, and nothing was applied or moved.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await fetch(`${ledger.url}/health/ready`)).status).toBe(503);
    expect(await journalRows()).toBe(40);
    expect(await offsets()).toEqual(before);
  }, 400_000);
});
