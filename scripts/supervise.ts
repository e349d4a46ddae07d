/**
 * A small process supervisor for `npm start`: runs every built service in the
 * foreground, the way Supervisor runs queue consumers in production.
 *
 * - Each service is `node dist/apps/<name>/src/main.js` with its own PORT;
 *   services not built yet are skipped, so a partial checkout still starts.
 * - Output lines are prefixed with the service name, so one terminal stays readable.
 * - A crashed service is restarted after 1 s, 2 s, 4 s ... up to 30 s; a crash
 *   loop must not burn the CPU the healthy services need, and a service that
 *   stayed up for 60 s is considered healthy again (delay back to 1 s).
 * - SIGINT/SIGTERM: SIGTERM to every child (they drain and commit offsets),
 *   up to 20 s, then SIGKILL for stragglers; exit 0.
 *
 * - The public port ($PORT, default 3000) is one socket this process binds and
 *   two gateway processes inherit and listen on (bindSharedListenSocket): the
 *   kernel spreads connections between them, so killing either leaves the port
 *   served, and while both are down connections wait in its backlog.
 *
 * Env: children inherit ours plus PORT. The gateways take $PORT (default 3000)
 * because its port is the public base URL; the others use fixed ports unless
 * LEDGER_PORT, ORDERS_PORT, ORDERS_2_PORT, CHANNEL_SYNC_PORT or COMPACTION_PORT say otherwise
 * (a second stack beside a running one, e.g. the npm start SIGTERM test), and
 * the gateway is pointed at the orders and channel-sync ports chosen here.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, Writable } from 'node:stream';
import { bindSharedListenSocket } from '@stockflow/runtime';

const port = (variable: string, fallback: number): number =>
  Number(process.env[variable] ?? fallback);
/**
 * `app` is the built service; `name` labels its output. Checkout stays up through
 * the death of any one process (docs/faults.md): orders runs twice (the gateway
 * sends a request one instance cannot take to the other) and so does the
 * gateway, both on the one public socket (`sharesPublicSocket`).
 */
const SERVICES: ReadonlyArray<{
  name: string;
  app: string;
  port: number;
  sharesPublicSocket?: boolean;
}> = [
  { name: 'gateway', app: 'gateway', port: port('PORT', 3000), sharesPublicSocket: true },
  { name: 'gateway-2', app: 'gateway', port: port('PORT', 3000), sharesPublicSocket: true },
  { name: 'ledger', app: 'ledger', port: port('LEDGER_PORT', 3001) },
  { name: 'orders', app: 'orders', port: port('ORDERS_PORT', 3002) },
  { name: 'orders-2', app: 'orders', port: port('ORDERS_2_PORT', 3012) },
  { name: 'channel-sync', app: 'channel-sync', port: port('CHANNEL_SYNC_PORT', 3003) },
  { name: 'compaction', app: 'compaction', port: port('COMPACTION_PORT', 3004) },
];
const portOf = (name: string): number => SERVICES.find((s) => s.name === name)!.port;
/** What every child gets besides its PORT: where the gateway finds its upstreams. */
const UPSTREAMS = {
  ORDERS_URL:
    process.env.ORDERS_URL ??
    ['orders', 'orders-2'].map((name) => `http://127.0.0.1:${portOf(name)}`).join(','),
  CHANNEL_SYNC_URL: process.env.CHANNEL_SYNC_URL ?? `http://127.0.0.1:${portOf('channel-sync')}`,
};
/** Where a gateway finds the public socket: the first fd after stdin, stdout and stderr. */
const PUBLIC_SOCKET_FD_IN_CHILD = 3;

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
const SHUTDOWN_GRACE_MS = 20_000;

// Compiled to dist/scripts/supervise.js: the repository root is two levels up.
const ROOT = resolve(__dirname, '..', '..');
const NAME_WIDTH = Math.max(...SERVICES.map((s) => s.name.length));

interface Supervised {
  name: string;
  port: number;
  main: string;
  /** The public socket's fd in this process, for the gateways. */
  publicSocketFd?: number;
  child?: ChildProcess;
  startedAt: number;
  lastDelayMs: number; // 0 until the first restart
  restartTimer?: NodeJS.Timeout;
}

let stopping = false;

/**
 * Delay before the next restart. Doubles on every crash that came soon after
 * the previous start; a run of HEALTHY_AFTER_MS or more starts the series over.
 */
export function restartDelay(lastDelayMs: number, uptimeMs: number): number {
  if (lastDelayMs === 0 || uptimeMs >= HEALTHY_AFTER_MS) return FIRST_DELAY_MS;
  return Math.min(lastDelayMs * 2, MAX_DELAY_MS);
}

function log(name: string, line: string, out: Writable = process.stdout): void {
  out.write(`[${name.padEnd(NAME_WIDTH)}] ${line}\n`);
}

function pipeLines(name: string, from: Readable | null, to: Writable): void {
  if (from) createInterface({ input: from }).on('line', (line) => log(name, line, to));
}

function start(service: Supervised): void {
  service.startedAt = Date.now();
  const socket = service.publicSocketFd;
  const child = spawn(process.execPath, [service.main], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...UPSTREAMS,
      PORT: String(service.port),
      ...(socket !== undefined && { LISTEN_FD: String(PUBLIC_SOCKET_FD_IN_CHILD) }),
    },
    stdio: socket !== undefined ? ['ignore', 'pipe', 'pipe', socket] : ['ignore', 'pipe', 'pipe'],
  });
  service.child = child;
  pipeLines(service.name, child.stdout, process.stdout);
  pipeLines(service.name, child.stderr, process.stderr);
  log('supervise', `started ${service.name} (pid ${child.pid}, port ${service.port})`);

  child.on('exit', (code, signal) => onExit(service, signal ?? `code ${code}`));
  // A failed spawn emits only 'error' (no 'exit'): handle it as a crash.
  child.on('error', (error) => {
    log('supervise', `${service.name}: ${error.message}`, process.stderr);
    if (child.pid === undefined) onExit(service, 'spawn failed');
  });
}

function onExit(service: Supervised, how: string): void {
  service.child = undefined;
  if (stopping) return;
  const uptimeMs = Date.now() - service.startedAt;
  service.lastDelayMs = restartDelay(service.lastDelayMs, uptimeMs);
  log(
    'supervise',
    `${service.name} exited (${how}) after ${Math.round(uptimeMs / 1000)} s; ` +
      `restarting in ${service.lastDelayMs / 1000} s`,
    process.stderr,
  );
  service.restartTimer = setTimeout(() => {
    service.restartTimer = undefined;
    if (!stopping) start(service);
  }, service.lastDelayMs);
}

function running(services: Supervised[]): Supervised[] {
  return services.filter((s) => s.child !== undefined);
}

async function shutdown(services: Supervised[], signal: string): Promise<void> {
  if (stopping) return; // a second Ctrl-C while draining changes nothing
  stopping = true;
  log('supervise', `${signal}: stopping ${running(services).length} service(s)`);
  for (const s of services) clearTimeout(s.restartTimer); // no restart may race the shutdown
  for (const s of running(services)) s.child?.kill('SIGTERM');

  const deadline = Date.now() + SHUTDOWN_GRACE_MS;
  while (running(services).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const s of running(services)) {
    log(
      'supervise',
      `${s.name} still running after ${SHUTDOWN_GRACE_MS / 1000} s; SIGKILL`,
      process.stderr,
    );
    s.child?.kill('SIGKILL');
  }
  log('supervise', 'all services stopped');
  process.exit(0);
}

function bindPublicSocket(port: number): number {
  try {
    return bindSharedListenSocket(port);
  } catch (error) {
    log(
      'supervise',
      `${(error as Error).message} (is another stack on it? set PORT)`,
      process.stderr,
    );
    process.exit(1);
  }
}

function main(): void {
  const services: Supervised[] = [];
  let publicSocketFd: number | undefined;
  for (const { name, app, port, sharesPublicSocket } of SERVICES) {
    const entry = join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
    if (!existsSync(entry)) {
      log('supervise', `skipping ${name}: ${entry} does not exist (not built yet)`);
      continue;
    }
    if (sharesPublicSocket) publicSocketFd ??= bindPublicSocket(port);
    services.push({
      name,
      port,
      main: entry,
      publicSocketFd: sharesPublicSocket ? publicSocketFd : undefined,
      startedAt: 0,
      lastDelayMs: 0,
    });
  }
  if (services.length === 0) {
    log('supervise', 'no service is built; run `npm run build` first', process.stderr);
    process.exit(1);
  }
  process.on('SIGINT', () => void shutdown(services, 'SIGINT'));
  process.on('SIGTERM', () => void shutdown(services, 'SIGTERM'));
  services.forEach(start);
}

if (require.main === module) main();
