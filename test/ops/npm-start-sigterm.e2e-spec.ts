import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import {
  connections,
  createTestDatabase,
  dropTestDatabase,
  freePort,
  repoRoot,
  waitFor,
} from '@stockflow/testing';

/**
 * `kill <pid of npm start>` (one SIGTERM to the npm process, nothing else) must
 * stop everything npm start started: the Kafka broker it launched, the
 * supervisor and every service. This runs the real `npm start` as a user would,
 * beside any other stack on the machine: its own ports, its own broker (own
 * data dir), database and Redis key prefix.
 */
const ROOT = repoRoot();
const SERVICE_PORT_VARIABLES = [
  'PORT',
  'LEDGER_PORT',
  'ORDERS_PORT',
  'ORDERS_2_PORT',
  'CHANNEL_SYNC_PORT',
  'COMPACTION_PORT',
];

/** Every live process whose parent chain leads to `root` (read from /proc). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the ppid; the command name (field 2) may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited while we looked */
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-npm-start-'));
  const logFile = join(dir, 'npm-start.log');
  let npm: ChildProcess | undefined;
  let started: number[] = [];
  let databaseUrl = '';
  let adminUrl = '';
  let redisUrl = '';
  const redisKeyPrefix = `test:npmstart:${randomBytes(3).toString('hex')}:`;

  afterAll(async () => {
    // Whatever the test saw, leave nothing behind (by pid: only what this test started).
    for (const pid of [npm?.pid ?? 0, ...started])
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl).catch(() => undefined);
    if (redisUrl) {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${redisKeyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the broker, the supervisor and every service when its own process gets SIGTERM', async () => {
    const conn = await connections();
    adminUrl = conn.databaseAdminUrl;
    redisUrl = conn.redisUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'npmstart');
    const ports = await Promise.all(SERVICE_PORT_VARIABLES.map(() => freePort()));
    const [kafkaPort, controllerPort, deadChannelPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const cache = join(dir, 'kafka');
    // Reuse the jars the suite's own broker resolved (same pom, same marker): no second download.
    const jars = join(ROOT, '.cache', 'kafka', 'libs');
    if (existsSync(join(jars, '.resolved'))) {
      mkdirSync(cache, { recursive: true });
      symlinkSync(jars, join(cache, 'libs'));
    }
    const channelsFile = join(dir, 'channels.json');
    writeFileSync(
      channelsFile,
      JSON.stringify([
        {
          name: 'web',
          adapter: 'webhook',
          endpoint: `http://127.0.0.1:${deadChannelPort}/stock`,
          secret: 'test-secret',
          safetyStock: 0,
        },
      ]),
    );
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...Object.fromEntries(SERVICE_PORT_VARIABLES.map((name, i) => [name, String(ports[i])])),
      KAFKA_PORT: String(kafkaPort),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      KAFKA_CACHE_DIR: cache,
      KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
      KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      CHANNELS_FILE: channelsFile,
      LOG_LEVEL: 'warn',
    };
    delete env.ORDERS_URL;
    delete env.CHANNEL_SYNC_URL;
    const log = createWriteStream(logFile);
    npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    npm.stdout!.pipe(log);
    npm.stderr!.pipe(log);
    const npmExited = new Promise<void>((resolve) => npm!.once('exit', () => resolve()));

    // Build, broker, migrations, five services: minutes on a loaded two-core machine.
    await waitFor(
      async () => {
        const answers = await Promise.all(
          ports.map((port) =>
            fetch(`http://127.0.0.1:${port}/health/live`).then(
              (r) => r.status === 200,
              () => false,
            ),
          ),
        );
        return answers.every(Boolean);
      },
      {
        timeoutMs: 480_000,
        intervalMs: 1_000,
        what: `every service of npm start to answer (log: ${logFile})`,
      },
    );
    const kafkaPid = Number(readFileSync(join(cache, 'kafka.pid'), 'utf8'));
    started = [...descendants(npm.pid!), kafkaPid];
    // npm, sh/bash, the supervisor, five services, the broker (launched with setsid: not a descendant).
    expect(started.length).toBeGreaterThanOrEqual(7);
    expect(alive(kafkaPid)).toBe(true);

    process.kill(npm.pid!, 'SIGTERM');

    await npmExited;
    await waitFor(() => started.every((pid) => !alive(pid)), {
      timeoutMs: 90_000,
      what: `every process npm start started (${started.join(', ')}) to exit (log: ${logFile})`,
    });
    const output = readFileSync(logFile, 'utf8');
    expect(output).toContain('all services stopped');
    expect(output).toContain('kafka.sh: stopped');
  }, 720_000);
});
