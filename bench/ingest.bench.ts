/**
 * npm run bench:ingest — what one ingested event costs, from HTTP to folded.
 *
 * Real gateway and ledger; StockReceived events over BENCH_SKUS SKUs, posted to
 * POST /v1/events in requests of BENCH_BATCH events (every eventId fresh):
 *   1. saturated: autocannon with BENCH_CONNECTIONS connections for
 *      BENCH_SECONDS, as many requests as the gateway answers;
 *   2. paced: BENCH_RATE events/s on a fixed schedule (open loop), the rate
 *      bench:fanout ingests at.
 * Each CPU window runs from the start of the load until the ledger's stored
 * offsets reach the end of the log, so the folding of every accepted event is
 * inside it. Cost per event is the gateway's and the ledger's CPU (the target),
 * and every process's; the load generator is shown apart.
 *
 * Floor, same run: bare GET /health/live of the same gateway process at the
 * same connections, its requests per second and CPU per request.
 *
 * Why two rates: a share of every service's CPU is fixed per second (fetch
 * loops, heartbeats, metrics), so the cost per event at 1,000/s includes that
 * share spread over the events, and the saturated cost is what an event costs
 * once the box is busy (what sizing by cores divides by).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { Pool } from 'undici';
import { InventoryEvent } from '@stockflow/contracts';
import {
  ServiceProcess,
  TEST_TOKENS,
  createTestStack,
  repoRoot,
  startService,
} from '@stockflow/testing';
import { Admin } from 'kafkajs';
import { describeAnswers, openLoop } from './open-loop';
import {
  CpuGroup,
  CpuMeter,
  CpuUsage,
  benchGroup,
  groupSeconds,
  infrastructureGroups,
  workSeconds,
} from './support/cpu-meter';
import { benchResultJson, cpuTable, perUnit } from './support/cpu-report';
import { ledgerCaughtUp } from './support/ledger-catch-up';

const BATCH = Number(process.env.BENCH_BATCH ?? 10);
const SKUS = Number(process.env.BENCH_SKUS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RATE = Number(process.env.BENCH_RATE ?? 1000);

const HEADERS = {
  authorization: `Bearer ${TEST_TOKENS['3pl']}`,
  'content-type': 'application/json',
};

/** One window's outcome: events folded, and the CPU it took. */
interface Window {
  label: string;
  events: number;
  seconds: number;
  cpu: CpuUsage;
}

async function main(): Promise<void> {
  console.log(
    `bench:ingest  POST /v1/events, ${BATCH} events per request over ${SKUS} SKUs; saturated (${CONNECTIONS} connections) and paced (${RATE} events/s), ${SECONDS} s each`,
  );
  const stack = await createTestStack('benchingest');
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const admin = stack.kafka.admin();
  await admin.connect();
  const folded = { db, admin, topic: stack.topics.events };
  let services: ServiceProcess[] = [];
  try {
    services = [await startService('ledger', stack.env), await startService('gateway', stack.env)];
    const [, gateway] = services;
    const groups: CpuGroup[] = [
      ...services.map((s): CpuGroup => ({
        name: s.name,
        role: 'service',
        pids: () => [s.child.pid!],
      })),
      ...infrastructureGroups(repoRoot()),
      benchGroup(),
    ];
    const batches = new Batches();

    // Warm-up outside every window: JIT, connections, the SKUs' first rows.
    await autocannonRun({ ...batches.requests(gateway.url), duration: 3 });
    await ledgerCaughtUp(db, admin, stack.topics.events);

    const floorMeter = new CpuMeter(groups.filter((g) => g.name === 'gateway')).start();
    const floor = await autocannonRun({ url: `${gateway.url}/health/live`, duration: SECONDS });
    const floorCpu = floorMeter.stop();
    const floorUs = perUnit(workSeconds(floorCpu), floor.requests.total, 'µs');
    console.log(
      `  floor GET /health/live: ${Math.round(floor.perSecond)} req/s, gateway ${floorUs.toFixed(0)} µs per request`,
    );

    const saturated = await window('saturated', groups, folded, async () => {
      const r = await autocannonRun({ ...batches.requests(gateway.url), duration: SECONDS });
      console.log(
        `  saturated: ${Math.round(r.perSecond)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms [${codes(r)}]`,
      );
    });
    const client = new Pool(gateway.url, { connections: CONNECTIONS });
    const paced = await window(`paced at ${RATE}/s`, groups, folded, async () => {
      const run = await openLoop('paced', RATE / BATCH, SECONDS, async () => {
        const { body, ids } = batches.next();
        const res = await client.request({
          method: 'POST',
          path: '/v1/events',
          headers: HEADERS,
          body,
        });
        await res.body.dump();
        batches.answered(res.statusCode, ids);
        return res.statusCode;
      });
      console.log(
        `  paced: p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms [${describeAnswers(run)}]`,
      );
    });
    await client.close();

    if (saturated.events === 0 || paced.events === 0)
      throw new Error('bench:ingest: a window folded no events (see the answers above)');
    // Every eventId answered 202 is fresh and must be in the journal. The journal may
    // hold more: requests autocannon stopped waiting for were still accepted.
    const lost = await missingFromJournal(db, batches.accepted);
    console.log(`accepted ${batches.accepted.length} events (answered 202); lost ${lost}`);
    const ingestUs = (w: Window) =>
      perUnit(groupSeconds(w.cpu, 'gateway', 'ledger'), w.events, 'µs');
    const allUs = (w: Window) => perUnit(workSeconds(w.cpu), w.events, 'µs');
    for (const w of [saturated, paced]) {
      console.log(cpuTable(`  ${w.label}`, w.cpu, w.events, 'event', 'µs'));
    }
    console.log('');
    console.log(
      '| load | events/s (folded) | gateway + ledger µs per event | all processes µs per event |',
    );
    console.log('|---|---|---|---|');
    for (const w of [saturated, paced])
      console.log(
        `| ${w.label} | ${Math.round(w.events / w.seconds)} | ${ingestUs(w).toFixed(0)} | ${allUs(w).toFixed(0)} |`,
      );
    const perRequestUs = perUnit(
      groupSeconds(saturated.cpu, 'gateway'),
      saturated.events / BATCH,
      'µs',
    );
    console.log(
      `gateway per ${BATCH}-event request ${perRequestUs.toFixed(0)} µs saturated = ${(perRequestUs / floorUs).toFixed(1)}x its bare /health/live (${floorUs.toFixed(0)} µs); target <= 100 µs per event (gateway + ledger)`,
    );
    console.log(
      `bench-result: ${benchResultJson('ingest', {
        eventsPerSecond: saturated.events / saturated.seconds,
        floorPerSecond: floor.perSecond,
        cpuUsPerEvent: ingestUs(saturated),
        cpuUsPerEventAllProcesses: allUs(saturated),
        pacedEventsPerSecond: paced.events / paced.seconds,
        pacedCpuUsPerEvent: ingestUs(paced),
        pacedCpuUsPerEventAllProcesses: allUs(paced),
        gatewayUsPerRequest: perRequestUs,
        floorUsPerRequest: floorUs,
        cpuUsPerEventByProcess: Object.fromEntries(
          saturated.cpu.groups.map((g) => [g.name, perUnit(g.seconds, saturated.events, 'µs')]),
        ),
        lost,
      })}`,
    );
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await admin.disconnect();
    await db.end();
    await stack.teardown();
  }
}

/**
 * Runs `load` and waits until the ledger folded everything it posted, inside
 * one CPU window; its events are the journal rows the window added (the
 * journal is counted outside the window).
 */
async function window(
  label: string,
  groups: CpuGroup[],
  { db, admin, topic }: { db: Client; admin: Admin; topic: string },
  load: () => Promise<void>,
): Promise<Window> {
  const before = await journalRows(db);
  const meter = new CpuMeter(groups).start();
  const started = Date.now();
  await load();
  await ledgerCaughtUp(db, admin, topic);
  const seconds = (Date.now() - started) / 1000;
  const cpu = meter.stop();
  return { label, events: (await journalRows(db)) - before, seconds, cpu };
}

async function journalRows(db: Client): Promise<number> {
  return (await db.query('SELECT count(*)::int AS n FROM journal')).rows[0].n;
}

/** How many of these eventIds the journal does not hold. */
async function missingFromJournal(db: Client, eventIds: string[]): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS id
     WHERE NOT EXISTS (SELECT 1 FROM journal WHERE event_id = id)`,
    [eventIds],
  );
  return rows[0].n;
}

/** Bodies of BATCH fresh StockReceived events (SKUs round robin), and the eventIds of every body answered 202. */
class Batches {
  readonly accepted: string[] = [];
  private n = 0;

  next(): { body: string; ids: string[] } {
    const events: InventoryEvent[] = Array.from({ length: BATCH }, () => ({
      eventId: randomUUID(),
      type: 'StockReceived',
      sku: `ING-${this.n++ % SKUS}`,
      channel: '3pl',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      locationId: 'WH',
      quantity: 1,
    }));
    return { body: JSON.stringify(events), ids: events.map((e) => e.eventId) };
  }

  answered(status: number, ids: string[]): void {
    if (status === 202) this.accepted.push(...ids);
  }

  /** autocannon's requests: the context of a connection carries its request's ids to the answer. */
  requests(base: string): autocannon.Options {
    return {
      url: `${base}/v1/events`,
      method: 'POST',
      headers: HEADERS,
      requests: [
        {
          setupRequest: (req, context) => {
            const { body, ids } = this.next();
            context.ids = ids;
            return { ...req, body };
          },
          onResponse: (status, _body, context) => this.answered(status, context.ids as string[]),
        },
      ],
    };
  }
}

function autocannonRun(
  options: autocannon.Options,
): Promise<autocannon.Result & { perSecond: number }> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) =>
      error ? reject(error) : resolve({ ...result, perSecond: result.requests.average }),
    );
  });
}

function codes(r: autocannon.Result): string {
  return Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}: ${s.count}`)
    .join(', ');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
