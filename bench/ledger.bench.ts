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
  ConsumerOffsetRepository,
  LedgerProjections,
} from '@stockflow/persistence';
import { createTestStack, generateWorkload, repoRoot } from '@stockflow/testing';
import { CpuMeter, infrastructureGroups, workSeconds } from './support/cpu-meter';
import { cpuTable, perUnit, benchResultJson } from './support/cpu-report';
import { measureLedgerCatchUp, secondsSince } from './support/ledger-catch-up';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SKUS = Number(process.env.BENCH_SKUS ?? 10_000);
const BASELINE_EVENTS = Number(process.env.BENCH_BASELINE_EVENTS ?? 10_000);

async function main(): Promise<void> {
  const events = generateWorkload({ count: EVENTS, skus: SKUS, seed: 1 });
  console.log(
    `bench:ledger  ${EVENTS} events over ${SKUS} SKUs (every event type, ~1% duplicates)`,
  );

  const batched = await measureLedgerCatchUp(events, {
    stackLabel: 'benchledger',
    label: 'ledger',
  });
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
      await new ConsumerOffsetRepository(tx).lock(key);
      const projections = new LedgerProjections(tx);
      const before = await projections.slice(
        [event.sku],
        'reservationId' in event ? [event.reservationId] : [],
        [event.eventId],
      );
      const result = foldEvents(before, [event]);
      await projections.write(
        result.state,
        [result],
        new Map([[event.eventId, { event, position: { partition: 0, offset: String(i) } }]]),
      );
      await new ConsumerOffsetRepository(tx).save(key, BigInt(i + 1));
      await client.query('COMMIT');
    }
    const elapsed = secondsSince(started);
    return { seconds: elapsed, rate: events.length / elapsed, cpu: meter.stop() };
  } finally {
    client.release();
    await db.end();
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
