import { Admin } from 'kafkajs';
import { Client, Pool } from 'pg';
import { InventoryEvent } from '@stockflow/contracts';
import {
  ServiceProcess,
  createTestStack,
  produceEvents,
  repoRoot,
  startService,
  waitFor,
} from '@stockflow/testing';
import { CpuMeter, CpuUsage, benchGroup, infrastructureGroups } from './cpu-meter';

export interface CatchUp {
  seconds: number;
  /** Events folded per second after the first committed batch. */
  rate: number;
  events: number;
  cpu: CpuUsage;
}

/**
 * The ledger's own throughput: produce `events` to a fresh test stack, start the
 * real ledger, and time from its first committed batch until the stored offsets
 * reach the log end (neither the producer nor the group join counts), with the
 * CPU of the ledger, Kafka, Postgres and Redis over that window.
 */
export async function measureLedgerCatchUp(
  events: InventoryEvent[],
  options: { stackLabel: string; label: string; env?: Record<string, string> },
): Promise<CatchUp> {
  const stack = await createTestStack(options.stackLabel);
  const db = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  const folded = () => foldedRecords(db, stack.topics.events);
  let ledger: ServiceProcess | undefined;
  try {
    const produceStart = process.hrtime.bigint();
    await produceEvents(stack.kafka, stack.topics.events, events, 10_000);
    console.log(
      `  ${options.label}: produced ${events.length} events in ${secondsSince(produceStart).toFixed(2)} s`,
    );
    const launched = process.hrtime.bigint();
    ledger = await startService('ledger', { ...stack.env, ...options.env });
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
    const elapsed = secondsSince(firstBatch);
    const cpu = meter.stop();
    console.log(
      `  ${options.label}: start to first batch ${(Number(firstBatch - launched) / 1e9).toFixed(2)} s; then caught up in ${elapsed.toFixed(2)} s`,
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

export function secondsSince(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** Resolves once the stored offsets of `topic` reach its end: every event produced so far is folded. */
export async function ledgerCaughtUp(
  db: Pick<Client, 'query'>,
  admin: Admin,
  topic: string,
): Promise<void> {
  const ends = await admin.fetchTopicOffsets(topic);
  const end = ends.reduce((sum, p) => sum + Number(p.high), 0);
  await waitFor(async () => (await foldedRecords(db, topic)) >= end, {
    timeoutMs: 300_000,
    intervalMs: 100,
    what: 'the ledger folded every event',
  });
}

/** How many records of `topic` the ledger has folded: the sum of its stored offsets. */
async function foldedRecords(db: Pick<Client, 'query'>, topic: string): Promise<number> {
  const { rows } = await db.query(
    'SELECT coalesce(sum(next_offset), 0)::bigint AS n FROM consumer_offsets WHERE topic = $1',
    [topic],
  );
  return Number(rows[0].n);
}
