/**
 * bench:proxy — the gateway proxy's CPU per proxied `POST /v1/orders`, beside
 * the floor of one bare HTTP hop, measured in the same run.
 *
 * Each process is a child of its own (bench/support/proxy-process.ts) that
 * reports its own CPU (process.cpuUsage, minus what it spends idle, measured
 * just before): a stand-in upstream answering 202 at once (its cost is
 * not the proxy's), the floor (a Fastify answering the same 202 itself), and
 * the proxy (Fastify + registerUpstreams) in front of one or two upstream
 * instances, as `ORDERS_URL` names them (two under `npm start`, one in k8s). The load is autocannon from this
 * process, a 180-byte order body with the headers a client sends.
 *
 * PROXY_BASELINE=/path/to/dist/apps/gateway/src/proxy/upstream-proxy.js (a
 * build of another commit, its node_modules reachable) adds that proxy's rows,
 * interleaved with the current one's, so before and after share the machine's
 * moment. PROXY_RATE (100) requests per second offered to every row (an open
 * loop: the same work for each, below what the slowest row can take),
 * PROXY_SECONDS (8) per window, PROXY_ROUNDS (3) of each row.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadAverage } from './support/bench-env';
import { benchResultJson } from './support/cpu-report';

const SECONDS = Number(process.env.PROXY_SECONDS ?? 8);
const ROUNDS = Number(process.env.PROXY_ROUNDS ?? 3);
// Every row gets the same offered rate: CPU per request then compares work done, not how
// well a process batches when saturated (on a shared machine the saturation point moves).
const RATE = Number(process.env.PROXY_RATE ?? 100);
const CONNECTIONS = 16;
const BODY = JSON.stringify({
  lines: [
    { sku: 'SKU-000001', quantity: 1 },
    { sku: 'SKU-000002', quantity: 2 },
  ],
  payment: { method: 'card' },
  metadata: { cart: 'cart-00000001', source: 'web' },
});
const CURRENT = join(__dirname, '..', 'apps', 'gateway', 'src', 'proxy', 'upstream-proxy.js');

interface Child {
  process: ChildProcess;
  url: string;
  /** The child's CPU so far, in µs (it answers a `cpu` line on stdin). */
  cpu: () => Promise<number>;
}

const IDLE_SECONDS = 3;

interface Row {
  label: string;
  requests: number;
  perSecond: number;
  p99: number;
  non2xx: number;
  cpuSeconds: number;
}

async function main(): Promise<void> {
  const baseline = process.env.PROXY_BASELINE;
  console.log(`bench:proxy  load average before: ${loadAverage()}`);
  const upstreams = [await start('upstream'), await start('upstream')];
  const targets: { label: string; args: string[] }[] = [
    { label: 'floor (bare hop)', args: ['floor'] },
  ];
  for (const [name, module] of [
    ['current', CURRENT],
    ...(baseline ? [['baseline', baseline]] : []),
  ]) {
    targets.push({
      label: `${name}, 2 instances`,
      args: ['proxy', module, upstreams.map((u) => u.url).join(',')],
    });
    targets.push({ label: `${name}, 1 instance`, args: ['proxy', module, upstreams[0].url] });
  }
  const rows = new Map<string, Row[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const child = await start(...target.args);
        try {
          await load(child.url, 2); // warm-up outside the window: JIT, pools filling
          // What the process spends doing nothing (timers, GC of the warm-up), taken off the window.
          const idleFrom = await child.cpu();
          await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
          const idlePerSecond = (await child.cpu()) - idleFrom;
          const before = await child.cpu();
          const started = Date.now();
          const r = await load(child.url, SECONDS);
          const spent = (await child.cpu()) - before;
          const wall = (Date.now() - started) / 1000;
          const cpuSeconds = Math.max(0, spent - (idlePerSecond / IDLE_SECONDS) * wall) / 1e6;
          const row = { label: target.label, ...r, cpuSeconds };
          rows.set(target.label, [...(rows.get(target.label) ?? []), row]);
          console.log(
            `round ${round + 1}  ${target.label.padEnd(24)} ${String(r.perSecond).padStart(6)} req/s  p99 ${r.p99} ms  non-2xx ${r.non2xx}  ${microsPer(row).toFixed(1)} µs CPU per request  (load ${loadAverage()})`,
          );
        } finally {
          await stop(child);
        }
      }
    }
  } finally {
    await Promise.all(upstreams.map(stop));
  }

  // The median round: a shared machine disturbs single rounds either way.
  const median = (label: string) => {
    const sorted = rows
      .get(label)!
      .map(microsPer)
      .sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const floor = median('floor (bare hop)');
  console.log('\n| process under load | µs CPU per request (median round) | x floor | rounds |');
  console.log('|---|---|---|---|');
  for (const target of targets) {
    const all = rows.get(target.label)!.map((r) => microsPer(r).toFixed(1));
    console.log(
      `| ${target.label} | ${median(target.label).toFixed(1)} | ${(median(target.label) / floor).toFixed(2)} | ${all.join(', ')} |`,
    );
  }
  const fields: Record<string, unknown> = {
    loadAverage: loadAverage(),
    floorMicros: floor,
    currentTwoInstancesMicros: median('current, 2 instances'),
    currentOneInstanceMicros: median('current, 1 instance'),
  };
  if (baseline) {
    fields.baselineTwoInstancesMicros = median('baseline, 2 instances');
    fields.baselineOneInstanceMicros = median('baseline, 1 instance');
  }
  console.log(`\nload average after: ${loadAverage()}`);
  console.log(`bench-result: ${benchResultJson('proxy', fields)}`);
}

function microsPer(row: Row): number {
  return (row.cpuSeconds * 1e6) / Math.max(1, row.requests);
}

function load(url: string, duration: number): Promise<Omit<Row, 'label' | 'cpuSeconds'>> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/v1/orders`,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        overallRate: RATE,
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer web-dev-token',
          'user-agent': 'bench-proxy',
          accept: 'application/json',
        },
        requests: [{ setupRequest: (req) => ({ ...req, body: BODY }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const codes = result.statusCodeStats ?? {};
        const ok = Object.entries(codes)
          .filter(([code]) => code.startsWith('2'))
          .reduce((n, [, stat]) => n + stat.count, 0);
        resolve({
          requests: result.requests.total,
          perSecond: Math.round(result.requests.average),
          p99: result.latency.p99,
          non2xx: result.requests.total - ok,
        });
      },
    );
  });
}

function start(...args: string[]): Promise<Child> {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'proxy-process.js'), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers: ((micros: number) => void)[] = [];
  const cpu = () =>
    new Promise<number>((resolve) => {
      answers.push(resolve);
      child.stdin!.write('cpu\n');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`proxy-process ${args[0]} exited ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /^listening (\d+)$/.exec(line)?.[1];
      if (port) resolve({ process: child, url: `http://127.0.0.1:${port}`, cpu });
      const micros = /^cpu (\d+)$/.exec(line)?.[1];
      if (micros) answers.shift()?.(Number(micros));
    });
  });
}

function stop(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGTERM');
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
