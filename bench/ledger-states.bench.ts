/**
 * npm run bench:ledger (second file) — what the quantity states and writes that
 * answer cost, each against its same-run comparison (issue 11, item 8).
 *
 * 1. Ledger throughput on the first wave's mix (statesRate 0) and on a mix with
 *    the new state events (statesRate 0.2): same count, same SKUs, same seed, each
 *    in a fresh test stack, timed as bench/ledger.bench.ts times it (from the first
 *    committed batch until stored offsets reach the log end). Target: the states
 *    mix within 10 % of the old one. Absolute rates on a shared machine say little;
 *    the ratio, measured minutes apart on the same machine, is the number.
 * 2. `POST /v1/events?wait=applied` round trip beside plain 202 ingest, one event
 *    per request at a fixed rate (an open loop, ./open-loop.ts), through a real
 *    gateway and ledger.
 */
import 'reflect-metadata';
import { Pool } from 'undici';
import {
  ServiceProcess,
  TEST_TOKENS,
  createTestStack,
  generateWorkload,
  makeEvent,
  startService,
} from '@stockflow/testing';
import { workSeconds } from './support/cpu-meter';
import { cpuTable, perUnit, benchResultJson } from './support/cpu-report';
import { measureLedgerCatchUp } from './support/ledger-catch-up';
import { PacedRun, describeAnswers, openLoop } from './open-loop';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const SKUS = Number(process.env.BENCH_SKUS ?? 10_000);
const STATES_RATE = Number(process.env.BENCH_STATES_RATE ?? 0.2);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 15);
const WAIT_TIMEOUT_MS = 10_000;
/** The ledger's fetch size per partition for the mix runs (the service's default unless set). */
const LEDGER_MAX_BYTES = process.env.BENCH_LEDGER_MAX_BYTES_PER_PARTITION;
const LEDGER_ENV: Record<string, string> = LEDGER_MAX_BYTES
  ? { LEDGER_MAX_BYTES_PER_PARTITION: LEDGER_MAX_BYTES }
  : {};

async function main(): Promise<void> {
  console.log(
    `bench:ledger-states  ${EVENTS} events over ${SKUS} SKUs: old mix vs statesRate ${STATES_RATE} (LEDGER_MAX_BYTES_PER_PARTITION=${LEDGER_MAX_BYTES ?? 'default'})`,
  );
  const old = await measureLedgerCatchUp(
    generateWorkload({ count: EVENTS, skus: SKUS, seed: 1, statesRate: 0 }),
    {
      stackLabel: 'benchstates',
      label: 'old mix (statesRate 0)',
      env: LEDGER_ENV,
    },
  );
  const states = await measureLedgerCatchUp(
    generateWorkload({ count: EVENTS, skus: SKUS, seed: 1, statesRate: STATES_RATE }),
    { stackLabel: 'benchstates', label: `states mix (statesRate ${STATES_RATE})`, env: LEDGER_ENV },
  );
  const mixRatio = states.rate / old.rate;
  const cpuOld = perUnit(workSeconds(old.cpu), old.events, 'µs');
  const cpuStates = perUnit(workSeconds(states.cpu), states.events, 'µs');

  console.log('');
  console.log(
    `wait=applied vs plain 202: ${RATE} writes/s for ${LATENCY_SECONDS} s each, one event per request`,
  );
  const latency = await measureRoundTrips();

  console.log('');
  console.log('| ledger mix | events | seconds | events/s | CPU µs per event (work) |');
  console.log('|---|---|---|---|---|');
  for (const [label, m, cpu] of [
    ['old (statesRate 0)', old, cpuOld],
    [`states (statesRate ${STATES_RATE})`, states, cpuStates],
  ] as const) {
    console.log(
      `| ${label} | ${m.events} | ${m.seconds.toFixed(2)} | ${Math.round(m.rate)} | ${cpu.toFixed(1)} |`,
    );
  }
  console.log(
    `states mix / old mix: ${mixRatio.toFixed(3)} events/s, ${(cpuStates / cpuOld).toFixed(3)} CPU per event   (target: events/s ratio >= 0.90)`,
  );
  console.log('');
  console.log(cpuTable('ledger, old mix', old.cpu, old.events, 'event', 'µs'));
  console.log(cpuTable('ledger, states mix', states.cpu, states.events, 'event', 'µs'));
  console.log('');
  console.log('| write | requests | sent/s | p50 ms | p99 ms | max ms | answers |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of [latency.plain, latency.wait]) {
    console.log(
      `| ${r.label} | ${r.latenciesMs.length} | ${r.sentPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${describeAnswers(r)} |`,
    );
  }
  console.log(
    `wait=applied p99 / plain p99: ${(latency.wait.p99 / latency.plain.p99).toFixed(2)}x`,
  );

  console.log(
    `bench-result: ${benchResultJson('ledger-states', {
      mixOldPerSecond: old.rate,
      mixStatesPerSecond: states.rate,
      mixRatio,
      cpuUsPerEventOld: cpuOld,
      cpuUsPerEventStates: cpuStates,
      waitP50Ms: latency.wait.p50,
      waitP99Ms: latency.wait.p99,
      plainP50Ms: latency.plain.p50,
      plainP99Ms: latency.plain.p99,
    })}`,
  );
}

/** Plain ingest then wait=applied, each at RATE requests/s, through one gateway and one ledger. */
async function measureRoundTrips(): Promise<{ plain: PacedRun; wait: PacedRun }> {
  const stack = await createTestStack('benchwait');
  const services: ServiceProcess[] = [];
  try {
    services.push(await startService('ledger', stack.env));
    const gateway = await startService('gateway', stack.env);
    services.push(gateway);
    // A keep-alive pool, not fetch(): the load generator must cost the shared CPU as little as it can.
    const pool = new Pool(gateway.url, { connections: 64 });
    let n = 0;
    const post = async (wait: boolean): Promise<number | string> => {
      const event = makeEvent('StockReceived', {
        sku: `W-${n++ % 1000}`,
        channel: 'pos',
        locationId: 'L0',
        quantity: 1,
      });
      const res = await pool.request({
        method: 'POST',
        path: wait ? `/v1/events?wait=applied&timeoutMs=${WAIT_TIMEOUT_MS}` : '/v1/events',
        headers: { authorization: `Bearer ${TEST_TOKENS.pos}`, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      const body = (await res.body.json()) as { results?: { outcome: string }[] };
      if (wait && res.statusCode === 200 && body.results?.[0]?.outcome !== 'applied')
        return 'not applied';
      return res.statusCode;
    };
    // Warm-up: connections open, the ledger's first batches and the results consumer are past their first-use costs.
    for (let i = 0; i < 20; i++) await Promise.all([post(false), post(true)]);
    const plain = await openLoop('plain POST /v1/events (202)', RATE, LATENCY_SECONDS, () =>
      post(false),
    );
    console.log(`  ${plain.label}: p50 ${plain.p50.toFixed(1)} ms, p99 ${plain.p99.toFixed(1)} ms`);
    const wait = await openLoop('POST /v1/events?wait=applied (200)', RATE, LATENCY_SECONDS, () =>
      post(true),
    );
    console.log(`  ${wait.label}: p50 ${wait.p50.toFixed(1)} ms, p99 ${wait.p99.toFixed(1)} ms`);
    await pool.close();
    return { plain, wait };
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await stack.teardown();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
