import { ChildProcess, execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { topicNames } from '@stockflow/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { contractTopicConfigs, ensureTopics } from '@stockflow/kafka';
import { freePort, repoRoot, waitFor } from '@stockflow/testing';

const run = promisify(execFile);
const ROOT = repoRoot();

/**
 * The chaos suite's own infrastructure, on loopback and free ports, so it can
 * freeze, restart and flush it without touching what anyone else uses: a Kafka
 * broker (scripts/kafka.sh with its own port and data dir), a Postgres cluster
 * (initdb + pg_ctl in a temp dir) and a redis-server.
 */
export interface PrivateStack {
  dir: string;
  kafkaBrokers: string;
  databaseUrl: string;
  redisUrl: string;
  kafkaPid(): number;
  /** pg_ctl restart -m fast: every connection is dropped, the server is back once it answers. */
  restartPostgres(): Promise<void>;
  /** The Redis process dies (SIGKILL, nothing persisted) and a new one starts on the same port. */
  restartRedis(): Promise<void>;
  flushRedis(): Promise<void>;
  stop(): Promise<void>;
}

/** Postgres refuses to run as root: the cluster then belongs to the `postgres` OS user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

async function startKafka(
  dir: string,
): Promise<{ brokers: string; pid: () => number; stop: () => Promise<void> }> {
  const [port, controllerPort] = [await freePort(), await freePort()];
  const cache = join(dir, 'kafka');
  mkdirSync(cache, { recursive: true });
  // Reuse the jars the main broker resolved (same pom, same marker): no second download.
  const jars = join(ROOT, '.cache', 'kafka', 'libs');
  if (existsSync(join(jars, '.resolved'))) symlinkSync(jars, join(cache, 'libs'));
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_CACHE_DIR: cache,
    KAFKA_DATA_DIR: join(cache, 'data'),
    KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
    // The topics are created below through kafkajs: one request instead of a JVM per topic.
    KAFKA_CONTRACT_TOPICS: '0',
  };
  const script = join(ROOT, 'scripts/kafka.sh');
  await run('bash', [script, 'start'], { env, timeout: 240_000 });
  await createTopicsAndCoordinator(`127.0.0.1:${port}`);
  return {
    brokers: `127.0.0.1:${port}`,
    pid: () => Number(readFileSync(join(cache, 'kafka.pid'), 'utf8').trim()),
    stop: async () => {
      await run('bash', [script, 'stop'], { env, timeout: 90_000 }).catch(() => undefined);
    },
  };
}

/**
 * The contract topics, then one group lookup: a fresh broker creates
 * __consumer_offsets on the first one and answers "coordinator loading" until
 * then, which would make the first services to join crash once.
 */
async function createTopicsAndCoordinator(brokers: string): Promise<void> {
  // Quiet: "coordinator not available" is the expected answer until the lookup below succeeds.
  const kafka = new Kafka({
    clientId: 'chaos-setup',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
  });
  await ensureTopics(kafka, contractTopicConfigs(topicNames('')));
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () =>
        admin.describeGroups(['chaos-warmup']).then(
          () => true,
          () => false,
        ),
      { timeoutMs: 60_000, what: 'the group coordinator of the private broker' },
    );
  } finally {
    await admin.disconnect();
  }
}

async function startPostgres(
  dir: string,
): Promise<{ url: string; restart: () => Promise<void>; stop: () => Promise<void> }> {
  const data = join(dir, 'pg');
  mkdirSync(data, { recursive: true });
  if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres', dir]);
  chmodSync(dir, 0o755);
  const pg = (args: string[]) => {
    const [cmd, argv] = asPostgresUser(args[0], args.slice(1));
    return run(cmd, argv, { timeout: 120_000 });
  };
  await pg(['initdb', '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // fsync off: the suite tests the services' behaviour across a restart, not the disk's.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const log = join(dir, 'postgres.log');
  await pg(['pg_ctl', '-D', data, '-l', log, '-o', options, '-w', 'start']).catch((error) => {
    // The run deletes its directory on the way out: keep what the server said.
    const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-15) : [];
    throw new Error(
      `${(error as Error).message.trim()}\npostgres.log:\n${tail.join('\n') || '(empty)'}`,
    );
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await pg(['pg_ctl', '-D', data, '-l', log, '-o', options, '-m', 'fast', '-w', 'restart']);
    },
    stop: async () => {
      await pg(['pg_ctl', '-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    },
  };
}

async function startRedis(dir: string): Promise<{
  url: string;
  restart: () => Promise<void>;
  flush: () => Promise<void>;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(
      async () =>
        (
          await run('redis-cli', ['-p', String(port), 'ping']).catch(() => ({ stdout: '' }))
        ).stdout.includes('PONG'),
      {
        timeoutMs: 20_000,
        what: `redis-server on ${port}`,
      },
    );
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    restart: async () => {
      await kill();
      await launch();
    },
    flush: async () => {
      await run('redis-cli', ['-p', String(port), 'flushall']);
    },
    stop: kill,
  };
}

export async function startPrivateStack(): Promise<PrivateStack> {
  for (const tool of ['redis-server', 'redis-cli', 'initdb', 'pg_ctl', 'java']) {
    const found = await run('bash', ['-c', `command -v ${tool}`]).catch(() => undefined);
    if (!found)
      throw new Error(
        `chaos: ${tool} is not on PATH; the suite starts its own Postgres, Redis and Kafka`,
      );
  }
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-chaos-'));
  writeFileSync(
    join(dir, 'README'),
    'scratch space of one `npm run chaos` run; removed at its end\n',
  );
  const stops: (() => Promise<void>)[] = [];
  try {
    // Side by side: the broker's JVM start is most of the wait.
    const started = await Promise.allSettled([
      startPostgres(dir),
      startRedis(dir),
      startKafka(dir),
    ]);
    for (const s of started) if (s.status === 'fulfilled') stops.push(s.value.stop);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [postgres, redis, kafka] = started.map(
      (s) => (s as PromiseFulfilledResult<unknown>).value,
    ) as [
      Awaited<ReturnType<typeof startPostgres>>,
      Awaited<ReturnType<typeof startRedis>>,
      Awaited<ReturnType<typeof startKafka>>,
    ];
    return {
      dir,
      kafkaBrokers: kafka.brokers,
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      kafkaPid: kafka.pid,
      restartPostgres: postgres.restart,
      restartRedis: redis.restart,
      flushRedis: redis.flush,
      stop: async () => {
        await Promise.all(stops.map((s) => s()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(stops.map((s) => s()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
