import { ChildProcess, spawn } from 'child_process';
import { createWriteStream, existsSync, mkdirSync } from 'fs';
import { createServer } from 'net';
import { dirname, join } from 'path';
import { waitFor } from './wait-for';

/** The repository root (works from the TypeScript sources and from dist/). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root (nest-cli.json) not found');
    dir = parent;
  }
  return dir;
}

const ROOT = repoRoot();

export interface ServiceProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM and wait for the exit (SIGKILL after 30 s, so a hung shutdown cannot hang the suite). */
  stop(): Promise<number | null>;
  /** SIGKILL: the process gets no chance to clean up. */
  kill(): Promise<void>;
}

/**
 * Ports are picked below the kernel's ephemeral range (ip_local_port_range,
 * 32768-60999 by default): a port from inside it can be handed to any outbound
 * connection or listen(0) between this check and the caller's own listen, which
 * made a private Postgres fail to start in CI. One process never gets the same
 * port twice.
 */
const PICK_FROM = 20_000;
const PICK_BELOW = 32_000;
const handedOut = new Set<number>();

/** A port that is free right now and that the OS will not hand to anyone else (other suites run in parallel on this machine). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = PICK_FROM + Math.floor(Math.random() * (PICK_BELOW - PICK_FROM));
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port in ${PICK_FROM}-${PICK_BELOW - 1} after 500 tries`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts a built service (`npm run build` first) as its own OS process, exactly as
 * in production, and waits until /health/ready answers 200.
 */
export async function startService(
  name: 'gateway' | 'ledger' | 'orders' | 'channel-sync' | 'compaction',
  env: Record<string, string>,
  /**
   * awaitReady false: return once it listens (a test that expects it to stay unready, e.g. refusing a foreign log).
   * listenFd (the gateway): serve `port` on this socket of bindSharedListenSocket, shared with other processes.
   */
  options: { port?: number; readyTimeoutMs?: number; awaitReady?: boolean; listenFd?: number } = {},
): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const logDir = join(ROOT, '.run', 'test-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}-${port}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  // SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every service a suite or benchmark starts.
  const nodeArgs = (process.env.SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const shared = options.listenFd !== undefined;
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(ROOT, 'dist/apps', name, 'src/main.js')],
    {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        ...(shared && { LISTEN_FD: '3' }),
      },
      // A shared socket goes in as fd 3; the IPC channel (fd 4) tells when this process listens on it.
      stdio: shared
        ? ['ignore', 'pipe', 'pipe', options.listenFd!, 'ipc']
        : ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  let dead = false;
  void exited.then(() => (dead = true));
  // With a shared socket, another process may be what answers the port: wait for this one's word.
  let listening = !shared;
  if (shared) {
    child.once('message', () => {
      listening = true;
      child.disconnect();
    });
  }
  await waitFor(
    async () => {
      if (dead) throw new Error(`${name} exited during startup; see ${logFile}`);
      if (!listening) return false;
      const res = await fetch(`${url}/health/ready`).catch(() => undefined);
      return options.awaitReady === false ? res !== undefined : res?.status === 200;
    },
    { timeoutMs: options.readyTimeoutMs ?? 60_000, what: `${name} ready (log: ${logFile})` },
  );
  return {
    name,
    port,
    url,
    child,
    logFile,
    exited,
    stop: async () => {
      if (dead) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    kill: async () => {
      if (!dead) child.kill('SIGKILL');
      await exited;
    },
  };
}
