import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, repoRoot } from './service-process';

const run = promisify(execFile);
const ROOT = repoRoot();

export interface PrivateBroker {
  brokers: string;
  /** SIGSTOP: the broker process is frozen (connections stay open, nothing answers). */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/**
 * A single-node broker of this test's own (scripts/kafka.sh on free ports, its
 * own cache and data dir): one that may be frozen without disturbing the
 * shared broker on 9092 that other suites use.
 */
export async function startPrivateBroker(
  label: string,
  /** More scripts/kafka.sh settings, e.g. extra listeners and their config. */
  extraEnv: Record<string, string> = {},
): Promise<PrivateBroker> {
  const [port, controllerPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), `sf-${label}-`));
  const cache = join(ROOT, '.cache', `kafka-${label}`);
  // Reuse the jars the suite's own broker resolved (same pom, same marker): no second resolution.
  const jars = join(ROOT, '.cache', 'kafka', 'libs');
  if (existsSync(join(jars, '.resolved')) && !existsSync(join(cache, 'libs'))) {
    mkdirSync(cache, { recursive: true });
    symlinkSync(jars, join(cache, 'libs'));
  }
  const env = {
    ...(process.env as Record<string, string>),
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_CACHE_DIR: cache,
    KAFKA_DATA_DIR: dataDir,
    KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
    ...extraEnv,
  };
  const kafkaSh = (command: 'start' | 'stop') =>
    run('bash', [join(ROOT, 'scripts/kafka.sh'), command], { env, timeout: 240_000 });
  await kafkaSh('start');
  const pid = Number(readFileSync(join(cache, 'kafka.pid'), 'utf8'));
  return {
    brokers: `127.0.0.1:${port}`,
    freeze: () => process.kill(pid, 'SIGSTOP'),
    thaw: () => process.kill(pid, 'SIGCONT'),
    stop: async () => {
      try {
        process.kill(pid, 'SIGCONT'); // a frozen broker cannot stop
      } catch {
        /* gone already */
      }
      await kafkaSh('stop').catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
