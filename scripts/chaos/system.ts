import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '@stockflow/persistence';
import { ChannelReceiver, freePort, repoRoot, waitFor } from '@stockflow/testing';
import { PrivateStack } from './private-stack';

export const SERVICES = ['gateway', 'ledger', 'orders', 'channel-sync', 'compaction'] as const;
/** The supervisor's second orders instance needs a free port too: its default (3012) may be another stack's. */
const EXTRA_PORTS = ['orders-2'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The channels that sell and the tokens of the run (development-style values, loopback only). */
export const TOKENS = {
  web: 'chaos-web',
  amazon: 'chaos-amazon',
  pos: 'chaos-pos',
  '3pl': 'chaos-3pl',
} as const;
export const OPERATOR_TOKEN = 'chaos-operator';
/** Webhook channels channel-sync serves; each one's receiver records what it was sent. */
export const SYNCED_CHANNELS = ['web', 'amazon'] as const;
export const SAFETY_STOCK = 1;

/**
 * Stockflow as `npm start` runs it: every built service under the supervisor
 * (scripts/supervise.ts restarts what dies), over the private stack. Whatever
 * the supervisor runs (one instance of each, or more) is what the faults hit.
 */
export interface System {
  gatewayUrl: string;
  ports: Record<ServiceName, number>;
  receivers: Record<(typeof SYNCED_CHANNELS)[number], ChannelReceiver>;
  logFile: string;
  /** Pids of the running processes of a service (children of the supervisor). */
  pids(name: ServiceName): number[];
  /** Waits until every service answers /health/ready. */
  ready(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = repoRoot();

function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 is the ppid; the command (field 2) may hold spaces, so split after ')'.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent)
        found.push(Number(entry));
    } catch {
      /* exited while we looked */
    }
  }
  return found;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

export async function startSystem(stack: PrivateStack, databaseUrl: string): Promise<System> {
  await runMigrations({ url: databaseUrl });
  const receivers = {
    web: await ChannelReceiver.start({ record: true }),
    amazon: await ChannelReceiver.start({ record: true }),
  };
  const channelsFile = join(stack.dir, 'channels.json');
  writeFileSync(
    channelsFile,
    JSON.stringify(
      SYNCED_CHANNELS.map((name) => ({
        name,
        adapter: 'webhook',
        endpoint: `${receivers[name].url}/stock`,
        secret: `${name}-secret`,
        safetyStock: SAFETY_STOCK,
        // Retries outlast every fault of the run: a channel must catch up by itself.
        retryBaseMs: 100,
        retryMaxMs: 1_000,
        maxAttempts: 1_000,
      })),
    ),
  );
  const ports = Object.fromEntries(
    await Promise.all(
      [...SERVICES, ...EXTRA_PORTS].map(async (s) => [s, await freePort()] as const),
    ),
  ) as Record<ServiceName | (typeof EXTRA_PORTS)[number], number>;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: stack.redisUrl,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: '',
    CHANNELS_FILE: channelsFile,
    CHANNEL_TOKENS: Object.entries(TOKENS)
      .map(([c, t]) => `${c}:${t}`)
      .join(','),
    OPERATOR_TOKENS: OPERATOR_TOKEN,
    CHECKOUT_ASYNC: '1',
    // Cash at the till is decided inline: sync and async orders race for the same units.
    CHECKOUT_SYNC_PAYMENT_METHODS: 'pos_cash',
    // Orders still `received` after a fault are queued again soon, not in a minute.
    ORDERS_REQUEUE_AFTER_SECONDS: '5',
    COMPACTION_IDLE_DELAY_MS: '200',
    LOG_LEVEL: 'warn',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    PORT: String(ports.gateway),
    LEDGER_PORT: String(ports.ledger),
    ORDERS_PORT: String(ports.orders),
    ORDERS_2_PORT: String(ports['orders-2']),
    CHANNEL_SYNC_PORT: String(ports['channel-sync']),
    COMPACTION_PORT: String(ports.compaction),
  };
  // Outside the stack's scratch dir: the services' log outlives the run, for whoever reads its verdicts.
  const logDir = join(ROOT, '.run', 'chaos');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `services-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const log = createWriteStream(logFile);
  const supervisor: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'dist/scripts/supervise.js')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  supervisor.stdout!.pipe(log);
  supervisor.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => supervisor.once('exit', () => resolve()));

  const system: System = {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    ports,
    receivers,
    logFile,
    pids: (name) =>
      childrenOf(supervisor.pid!).filter((pid) =>
        cmdline(pid).includes(`dist/apps/${name}/src/main.js`),
      ),
    ready: (timeoutMs) =>
      waitFor(
        async () => {
          const answers = await Promise.all(
            SERVICES.map((s) =>
              fetch(`http://127.0.0.1:${ports[s]}/health/ready`).then(
                (r) => r.status === 200,
                () => false,
              ),
            ),
          );
          return answers.every(Boolean);
        },
        { timeoutMs, intervalMs: 250, what: `every service ready (log: ${logFile})` },
      ),
    stop: async () => {
      const services = childrenOf(supervisor.pid!);
      if (supervisor.exitCode === null) supervisor.kill('SIGTERM');
      const timer = setTimeout(() => supervisor.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      // A supervisor that had to be SIGKILLed leaves its children: end them by pid.
      for (const pid of services) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      await Promise.all(Object.values(receivers).map((r) => r.close()));
    },
  };
  return system;
}
