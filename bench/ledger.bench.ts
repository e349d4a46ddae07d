/**
 * npm run bench:ledger — ledger throughput with the exactly-once write path.
 *
 * Produces 200,000 events over 10,000 SKUs to a fresh topic, then starts the real
 * ledger service and times from its first committed batch until every event is
 * folded (stored offsets reach the log end): the ledger's own throughput, not the
 * producer's or the group join's (both printed too). Baseline, same machine, same run, same data: one Postgres transaction per
 * event (the naive exactly-once path), over the first BASELINE_EVENTS events.
 *
 * CPU per event from /proc over each timed window: the ledger, Kafka, every
 * postgres process and Redis for the service; this process and Postgres for the
 * baseline (which runs its transactions from here).
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { InventoryEvent } from '@stockflow/contracts';
import { foldEvents } from '@stockflow/ledger-core';
import {
  clientTransaction,
  loadLedgerSlice,
  lockOffset,
  saveOffset,
  writeBatch,
} from '@stockflow/persistence';
import {
  createTestStack,
  generateWorkload,
  produceEvents,
  repoRoot,
  startService,
  waitFor,
} from '@stockflow/testing';
import {
  CpuMeter,
  CpuUsage,
  benchGroup,
  infrastructureGroups,
  workSeconds,
} from './support/cpu-meter';
import { cpuTable, perUnit, benchResultJson } from './support/cpu-report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SKUS = Number(process.env.BENCH_SKUS ?? 10_000);
const BASELINE_EVENTS = Number(process.env.BENCH_BASELINE_EVENTS ?? 10_000);

async function main(): Promise<void> {
  const events = generateWorkload({ count: EVENTS, skus: SKUS, seed: 1 });
  console.log(
    `bench:ledger  ${EVENTS} events over ${SKUS} SKUs (every event type, ~1% duplicates)`,
  );

  const batched = await measureLedgerService(events);
  const baseline = await measureOneTransactionPerEvent(events.slice(0, BASELINE_EVENTS));

  console.log('');
  console.log('| path | events | seconds | events/s |');
  console.log('|---|---|---|---|');
  console.log(
    `| ledger service (batch per partition, 1 tx/batch) | ${EVENTS} | ${batched.seconds.toFixed(2)} | ${Math.round(batched.rate)} |`,
  );
  console.log(
    `| baseline (1 tx per event) | ${BASELINE_EVENTS} | ${baseline.seconds.toFixed(2)} | ${Math.round(baseline.rate)} |`,
  );
  console.log(
    `speed-up: ${(batched.rate / baseline.rate).toFixed(1)}x   (targets: >= 20,000 events/s and >= 10x)`,
  );
  console.log('');
  console.log(cpuTable('ledger service', batched.cpu, batched.events, 'event', 'µs'));
  console.log(
    cpuTable(
      'baseline (1 tx per event, run from this process)',
      baseline.cpu,
      BASELINE_EVENTS,
      'event',
      'µs',
    ),
  );
  const cpuUsPerEvent = perUnit(workSeconds(batched.cpu), batched.events, 'µs');
  const baselineCpuUsPerEvent = perUnit(workSeconds(baseline.cpu), BASELINE_EVENTS, 'µs');
  console.log(
    `CPU per event: ${cpuUsPerEvent.toFixed(1)} µs batched vs ${baselineCpuUsPerEvent.toFixed(1)} µs one transaction per event (bench process counted as the ledger there)`,
  );
  console.log(
    `bench-result: ${benchResultJson('ledger', {
      eventsPerSecond: batched.rate,
      baselinePerSecond: baseline.rate,
      speedUp: batched.rate / baseline.rate,
      cpuUsPerEvent,
      cpuUsPerEventLedger: perUnit(
        batched.cpu.groups.find((g) => g.name === 'ledger')!.seconds,
        batched.events,
        'µs',
      ),
      cpuUsPerEventByProcess: Object.fromEntries(
        batched.cpu.groups.map((g) => [g.name, perUnit(g.seconds, batched.events, 'µs')]),
      ),
      baselineCpuUsPerEvent,
    })}`,
  );
}

async function measureLedgerService(events: InventoryEvent[]) {
  const stack = await createTestStack('benchledger');
  const db = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  const folded = async () =>
    Number(
      (await db.query('SELECT coalesce(sum(next_offset), 0)::bigint AS n FROM consumer_offsets'))
        .rows[0].n,
    );
  let ledger: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const produceStart = process.hrtime.bigint();
    await produceEvents(stack.kafka, stack.topics.events, events, 10_000);
    console.log(`  produced ${events.length} events in ${seconds(produceStart).toFixed(2)} s`);

    const launched = process.hrtime.bigint();
    ledger = await startService('ledger', stack.env);
    await waitFor(async () => (await folded()) > 0, {
      timeoutMs: 120_000,
      intervalMs: 20,
      what: 'first batch',
    });
    const firstBatch = process.hrtime.bigint();
    const meter = new CpuMeter([
      { name: 'ledger', role: 'service', pids: () => [ledger!.child.pid!] },
      ...infrastructureGroups(repoRoot()),
      benchGroup('bench (polls the offsets)'),
    ]).start();
    const before = await folded();
    await waitFor(async () => (await folded()) >= events.length, {
      timeoutMs: 600_000,
      intervalMs: 50,
      what: 'caught up',
    });
    const elapsed = seconds(firstBatch);
    const cpu: CpuUsage = meter.stop();
    console.log(
      `  ledger start to first batch ${(Number(firstBatch - launched) / 1e9).toFixed(2)} s; then caught up in ${elapsed.toFixed(2)} s`,
    );
    return {
      seconds: elapsed,
      rate: (events.length - before) / elapsed,
      events: events.length - before,
      cpu,
    };
  } finally {
    await ledger?.stop();
    await db.end();
    await stack.teardown();
  }
}

async function measureOneTransactionPerEvent(events: InventoryEvent[]) {
  const stack = await createTestStack('benchbaseline');
  const db = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  const client = await db.connect();
  const tx = clientTransaction(client);
  const key = { groupId: 'baseline', topic: 'baseline', partition: 0 };
  try {
    const meter = new CpuMeter([
      // No Kafka on this path: its row would be other users' traffic only.
      ...infrastructureGroups(repoRoot()).filter((g) => g.name !== 'kafka'),
      // The baseline's ledger is this process: its CPU is the work here, not load.
      { name: 'bench (is the ledger here)', role: 'service', pids: () => [process.pid] },
    ]).start();
    const started = process.hrtime.bigint();
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      await client.query('BEGIN');
      await lockOffset(tx, key);
      const before = await loadLedgerSlice(
        tx,
        [event.sku],
        'reservationId' in event ? [event.reservationId] : [],
        [event.eventId],
      );
      const result = foldEvents(before, [event]);
      await writeBatch(
        tx,
        result,
        new Map([[event.eventId, { event, position: { partition: 0, offset: String(i) } }]]),
      );
      await saveOffset(tx, key, BigInt(i + 1));
      await client.query('COMMIT');
    }
    const elapsed = seconds(started);
    return { seconds: elapsed, rate: events.length / elapsed, cpu: meter.stop() };
  } finally {
    client.release();
    await db.end();
    await stack.teardown();
  }
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
