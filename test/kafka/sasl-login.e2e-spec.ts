import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { ConfigError, kafkaConnection, loadConfig } from '@stockflow/config';
import { topicNames } from '@stockflow/contracts';
import { contractTopicConfigs, createKafka, ensureTopics } from '@stockflow/kafka';
import { runMigrations } from '@stockflow/persistence';
import {
  ServiceProcess,
  TEST_TOKENS,
  connections,
  createTestDatabase,
  dropTestDatabase,
  makeEvent,
  produceEvents,
  repoRoot,
  startService,
  waitFor,
} from '@stockflow/testing';
import { LedgerConfig } from '../../apps/ledger/src/ledger.config';
import { SaslBroker, startSaslBroker } from './sasl-broker';

const run = promisify(execFile);

/**
 * Services log in to Kafka as Strimzi users do: SCRAM-SHA-512 over TLS, the
 * password from a mounted Secret file, the cluster's CA from another. Runs a
 * broker of its own with such a listener, and checks the real config loader and
 * client factory (kafkaConnection + createKafka) get in with the right login and
 * are refused, clearly, with a wrong one; then the ledger service and `npm run
 * ops` do the same as processes.
 */
describe('Kafka login with SASL/SCRAM over TLS (a broker of its own)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-sasl-'));
  const prefix = 'test.sasl.';
  const topics = topicNames(prefix);
  const user = 'stockflow-ledger';
  let broker: SaslBroker;
  let passwordFile = '';
  let wrongPasswordFile = '';
  let adminUrl = '';
  let databaseUrl = '';
  let db: Pool;
  let ledger: ServiceProcess | undefined;

  beforeAll(async () => {
    broker = await startSaslBroker(dir, { [user]: 'right-password' });
    passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, 'right-password'); // as Kubernetes mounts a Secret key: no newline
    wrongPasswordFile = join(dir, 'wrong-password');
    writeFileSync(wrongPasswordFile, 'wrong-password\n');
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'sasl');
    await runMigrations({ url: databaseUrl });
    db = new Pool({ connectionString: databaseUrl, max: 2 });
  }, 400_000);

  afterAll(async () => {
    await ledger?.stop();
    await db?.end();
    await broker?.stop().catch(() => undefined);
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  /** What the strimzi overlay sets on the ledger's pod (k8s/overlays/strimzi). */
  const loginEnv = (password = passwordFile, ca: string | null = broker.caFile) => ({
    KAFKA_BROKERS: broker.saslBrokers,
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: user,
    KAFKA_SASL_PASSWORD_FILE: password,
    KAFKA_SSL: 'true',
    ...(ca ? { KAFKA_SSL_CA_FILE: ca } : {}),
  });
  const client = (env: Record<string, string>): Kafka => {
    const config = loadConfig(LedgerConfig, { ...env, DATABASE_URL: databaseUrl });
    return createKafka(kafkaConnection(config, 'test'));
  };

  it('produces and consumes through the SCRAM listener with the configured login', async () => {
    const kafka = client(loginEnv());
    await ensureTopics(kafka, contractTopicConfigs(topics));
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: topics.pools, messages: [{ key: 'k', value: 'logged in' }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: `${prefix}sasl-reader` });
    const seen: string[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: topics.pools, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message.value!.toString());
        },
      });
      await waitFor(() => seen.length > 0, { timeoutMs: 60_000, what: 'the message back' });
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(['logged in']);
  }, 120_000);

  it('is refused with a wrong password, by an authentication error and without retrying', async () => {
    const admin = client(loginEnv(wrongPasswordFile)).admin();
    const error = await admin.connect().then(
      () => undefined,
      (e: Error) => e,
    );
    await admin.disconnect();
    expect(error?.name).toBe('KafkaJSSASLAuthenticationError');
    expect(error?.message).toMatch(
      /SASL SCRAM SHA512 authentication failed: .*invalid credentials/,
    );
  }, 60_000);

  it('refuses the broker without the cluster CA (its certificate is not trusted)', async () => {
    const admin = client(loginEnv(passwordFile, null)).admin();
    const error = await admin.connect().then(
      () => undefined,
      (e: Error) => e,
    );
    await admin.disconnect();
    expect(String(error?.message)).toMatch(/certificate/);
  }, 120_000);

  it('stops a half-configured service at startup, naming the variable', () => {
    const noPassword = { ...loginEnv(), KAFKA_SASL_PASSWORD_FILE: '' };
    expect(() => loadConfig(LedgerConfig, noPassword)).toThrow(ConfigError);
    expect(() => loadConfig(LedgerConfig, noPassword)).toThrow(
      /KAFKA_SASL_PASSWORD=\(hidden\): KAFKA_SASL_PASSWORD \(or KAFKA_SASL_PASSWORD_FILE\) is required when KAFKA_SASL_MECHANISM is set/,
    );
  });

  const ledgerEnv = (password: string) => ({
    ...loginEnv(password),
    DATABASE_URL: databaseUrl,
    CHANNEL_TOKENS: `3pl:${TEST_TOKENS['3pl']}`,
    LOG_LEVEL: 'warn',
  });

  it('runs the ledger service logged in as its user: it folds an event and `npm run ops -- lag` sees its group', async () => {
    ledger = await startService('ledger', ledgerEnv(passwordFile), { readyTimeoutMs: 150_000 });
    const event = makeEvent('StockReceived', {
      sku: 'SASL-1',
      channel: '3pl',
      locationId: 'WH-1',
      quantity: 4,
    });
    await produceEvents(client(loginEnv()), topics.events, [event]);
    await waitFor(
      async () =>
        (await db.query('SELECT 1 FROM journal WHERE event_id = $1', [event.eventId])).rowCount ===
        1,
      { timeoutMs: 90_000, what: 'the ledger to fold the event' },
    );
    const ops = await run(
      process.execPath,
      [join(repoRoot(), 'dist/scripts/ops.js'), 'lag', '--json'],
      {
        env: { ...process.env, ...ledgerEnv(passwordFile), KAFKA_CLIENT_ID: 'stockflow' },
        timeout: 60_000,
      },
    );
    const rows: { group: string; topic: string }[] = JSON.parse(ops.stdout);
    expect(rows).toContainEqual(
      expect.objectContaining({ group: `${prefix}stockflow-ledger`, topic: topics.events }),
    );
  }, 400_000);

  it('a ledger with a wrong password exits at startup with the broker refusal in its log', async () => {
    await ledger?.stop();
    ledger = undefined;
    let failed: ServiceProcess | undefined;
    const started = await startService('ledger', ledgerEnv(wrongPasswordFile), {
      readyTimeoutMs: 90_000,
    }).then(
      (s) => ((failed = s), undefined),
      (e: Error) => e,
    );
    await failed?.stop();
    expect(started?.message).toMatch(/ledger exited during startup; see (\S+)/);
    const logFile = /see (\S+)/.exec(started!.message)![1];
    expect(readFileSync(logFile, 'utf8')).toMatch(
      /SASL SCRAM SHA512 authentication failed: .*invalid credentials/,
    );
  }, 120_000);
});
