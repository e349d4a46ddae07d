/**
 * npm run bench:compaction — reservation cleanup beside checkout, and replay.
 *
 * 1. Loads 1,000,000 netted historical reservations and 10,000 open ones
 *    (generate_series). For the default (paced) and an unpaced cleanup:
 *    - cleanup rows/s: the real compaction service alone on the history;
 *    - checkout latency: fixed arrival rates (open loop) of
 *      · checkout: reserveOrders from libs/reservations (Redis Lua
 *        check-and-reserve plus its Postgres intent rows), the path an order takes;
 *      · ledger: foldPartitionBatch of StockReserved/ReservationFulfilled
 *        batches, the write path into the very table cleanup deletes from;
 *      in alternating windows with the compaction service frozen (SIGSTOP: the
 *      idle baseline) and running, over a fresh history.
 * 2. Produces 1,000,000 events to a fresh topic and times rebuildFromLog (the
 *    replay fold + write into a fresh schema). Baselines: the target (60 s), the
 *    same decode + fold in memory without Kafka or Postgres (the floor no replay
 *    can beat) and foldEvents over all events at once.
 *
 * `BENCH_PARTS=replay` (or `cleanup`) runs one half alone.
 *
 * CPU from /proc: per row the cleanup deletes (the compaction service and every
 * postgres process) and per event replayed (this process, which replays, Kafka
 * and Postgres).
 */
import 'reflect-metadata';
import { randomUUID } from 'crypto';
import Redis from 'ioredis';
import { CompressionTypes, Kafka, Partitioners, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { InventoryEvent } from '@stockflow/contracts';
import { emptyLedger, foldEvents } from '@stockflow/ledger-core';
import { connectDatabase } from '@stockflow/persistence';
import { REPLAY_CHUNK, ReplayedLedger, rebuildFromLog } from '@stockflow/replay';
import { RedisStock } from '@stockflow/reservations';
import {
  TestStack,
  createTestStack,
  generateWorkload,
  repoRoot,
  startService,
  waitFor,
} from '@stockflow/testing';
import { CheckoutLoad, Latencies, Measured, merge } from './compaction-load';
import { CpuMeter, infrastructureGroups, workSeconds } from './support/cpu-meter';
import { cpuTable, perUnit, benchResultJson } from './support/cpu-report';

/** What the bench-result line reports, filled in as the phases run. */
const result: Record<string, unknown> = {};
const infra = () => infrastructureGroups(repoRoot());
const HISTORY = Number(process.env.BENCH_HISTORY ?? 1_000_000);
const OPEN = Number(process.env.BENCH_OPEN ?? 10_000);
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 1_000_000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 4_000);
const CHECKOUT_RATE = Number(process.env.BENCH_CHECKOUT_RATE ?? 100);
const LEDGER_RATE = Number(process.env.BENCH_LEDGER_RATE ?? 10);
const SKUS = 1_000;
/** `cleanup`, `replay` or both (the default): the replay alone takes minutes on a loaded machine. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'cleanup,replay').split(','));

async function main(): Promise<void> {
  console.log(
    `bench:compaction  ${HISTORY} netted + ${OPEN} open reservations; replay of ${REPLAY_EVENTS} events`,
  );
  const stack = await createTestStack('benchcompaction');
  if (PARTS.has('cleanup')) await benchCleanup(stack);
  if (PARTS.has('replay')) await benchReplay(stack);
  await cleanup(stack);
  console.log(`bench-result: ${benchResultJson('compaction', result)}`);
}

async function benchCleanup(stack: TestStack): Promise<void> {
  const db = await connectDatabase({ url: stack.databaseUrl, poolSize: 12 });
  const redis = new Redis(stack.redisUrl);
  try {
    await loadHistory(db, true);
    const load = new CheckoutLoad({ stock: new RedisStock(redis, stack.redisKeyPrefix), db }, db, {
      checkoutRate: CHECKOUT_RATE,
      ledgerRate: LEDGER_RATE,
      skus: SKUS,
    });
    await load.run(2_000); // warm-up: counters hydrated, plans cached, JIT
    const modes: { name: string; env: Record<string, string> }[] = [
      { name: 'paced (default RESERVATION_CLEANUP_ROWS_PER_SECOND=10000)', env: {} },
      {
        name: 'unpaced (RESERVATION_CLEANUP_ROWS_PER_SECOND=0)',
        env: { RESERVATION_CLEANUP_ROWS_PER_SECOND: '0' },
      },
    ];
    const results = [];
    for (const [i, mode] of modes.entries()) {
      if (i > 0) await loadHistory(db, false);
      const rate = await cleanupRate(stack, db, mode.env);
      await loadHistory(db, false);
      const latency = await besideCheckout(stack, db, load, mode.env);
      results.push({ ...mode, rate, latency });
    }

    console.log('');
    console.log(
      '| cleanup of the history (no other load) | rows deleted | seconds | rows/s | open rows left |',
    );
    console.log('|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.name} | ${r.rate.deleted} | ${r.rate.seconds.toFixed(1)} | ${Math.round(r.rate.deleted / r.rate.seconds)} | ${r.rate.openLeft} |`,
      );
    }
    console.log('');
    console.log(
      `load: ${CHECKOUT_RATE} reserveOrders/s + ${LEDGER_RATE} ledger batches/s of 100 events (open loop); ` +
        `${ROUNDS} rounds of ${WINDOW_MS / 1000} s idle then ${WINDOW_MS / 1000} s with cleanup running`,
    );
    console.log(
      '| path | cleanup | idle p50 / p99 ms (baseline) | with cleanup p50 / p99 ms | p99 vs idle | median of round p99s, idle / cleanup | baseline: idle vs idle (median p99, even vs odd rounds) | p99 per round, idle/cleanup |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      for (const path of ['checkout', 'ledger'] as const) {
        const label =
          path === 'checkout'
            ? 'checkout reserveOrders (Redis Lua + intents)'
            : 'ledger reservation batch (100 events)';
        const [idle, busy] = [r.latency.idle[path], r.latency.busy[path]];
        const rounds = r.latency.rounds
          .map((x) => `${x.idle[path].p99.toFixed(0)}/${x.busy[path].p99.toFixed(0)}`)
          .join(' ');
        // The median of per-round p99s shrugs off one round hit by another engineer's test run.
        const [idleMedian, busyMedian] = (['idle', 'busy'] as const).map((k) =>
          median(r.latency.rounds.map((x) => x[k][path].p99)),
        );
        const medians = `${idleMedian.toFixed(1)} / ${busyMedian.toFixed(1)} (${pct(busyMedian, idleMedian)})`;
        // The same comparison between two halves of the idle rounds: how far apart
        // two windows with nothing changed land on this machine (the noise floor).
        const idleRounds = r.latency.rounds.map((x) => x.idle[path].p99);
        const [even, odd] = [0, 1].map((parity) =>
          median(idleRounds.filter((_, i) => i % 2 === parity)),
        );
        const noise = `${even.toFixed(1)} / ${odd.toFixed(1)} (${pct(odd, even)})`;
        if (path === 'checkout') {
          const mode = r.name.split(' ')[0];
          result[`${mode}CleanupRowsPerSecond`] = r.rate.deleted / r.rate.seconds;
          result[`${mode}CheckoutP99IdleMs`] = idleMedian;
          result[`${mode}CheckoutP99CleanupMs`] = busyMedian;
          result[`${mode}IdleVsIdleP99Ms`] = [even, odd];
          result[`${mode}CpuUsPerCleanedRow`] = perUnit(
            workSeconds(r.rate.cpu),
            r.rate.total,
            'µs',
          );
        }
        console.log(
          `| ${label} | ${r.name.split(' ')[0]} | ${fmt(idle)} | ${fmt(busy)} | ${pct(busy.p99, idle.p99)} | ${medians} | ${noise} | ${rounds} |`,
        );
      }
    }
  } finally {
    redis.disconnect();
    await db.destroy();
  }
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

async function startCleanup(stack: TestStack, env: Record<string, string>) {
  const service = await startService('compaction', {
    ...stack.env,
    COMPACTION_JOBS: 'reservation-cleanup',
    ...env,
  });
  const deleted = async () => {
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    return Number(
      /stockflow_compaction_items_total\{job="reservation-cleanup"\} (\d+)/.exec(metrics)?.[1] ?? 0,
    );
  };
  return { service, deleted };
}

/** The real compaction service alone on the history: rows/s from its first deletion to the last. */
async function cleanupRate(stack: TestStack, db: DataSource, env: Record<string, string>) {
  const { service, deleted } = await startCleanup(stack, env);
  const meter = new CpuMeter([
    { name: 'compaction', role: 'service', pids: () => [service.child.pid!] },
    ...infra().filter((g) => g.name.startsWith('postgres')),
  ]).start();
  try {
    let first: { at: bigint; count: number } | undefined;
    await waitFor(
      async () => {
        const count = await deleted();
        if (!first && count > 0) first = { at: process.hrtime.bigint(), count };
        return (await netted(db)) === 0;
      },
      { timeoutMs: 600_000, intervalMs: 100, what: 'history compacted' },
    );
    const total = await deleted();
    const cpu = meter.stop();
    console.log(
      cpuTable(
        `  cleanup ${env.RESERVATION_CLEANUP_ROWS_PER_SECOND === '0' ? 'unpaced' : 'paced'}`,
        cpu,
        total,
        'deleted row',
        'µs',
      ),
    );
    return {
      deleted: total - (first?.count ?? 0),
      seconds: first ? seconds(first.at) : NaN,
      openLeft: await openRows(db),
      cpu,
      total,
    };
  } finally {
    await service.stop();
  }
}

/**
 * Idle and cleanup windows alternate (the service is frozen with SIGSTOP in the
 * idle ones), so that both see the same background noise of this shared machine.
 */
async function besideCheckout(
  stack: TestStack,
  db: DataSource,
  load: CheckoutLoad,
  env: Record<string, string>,
) {
  const { service } = await startCleanup(stack, env);
  const rounds: { idle: Measured; busy: Measured }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      service.child.kill('SIGSTOP');
      const idle = await load.run(WINDOW_MS);
      service.child.kill('SIGCONT');
      rounds.push({ idle, busy: await load.run(WINDOW_MS) });
    }
  } finally {
    service.child.kill('SIGCONT');
    await service.stop();
  }
  // What is left of this history is not needed any more.
  await db.query('DELETE FROM reservations WHERE open = 0');
  return { rounds, idle: merge(rounds.map((r) => r.idle)), busy: merge(rounds.map((r) => r.busy)) };
}

/** 1,000,000 netted rows (oldest first by updated_at, as cleanup reads them) and, the first time, 10,000 open ones. */
async function loadHistory(db: DataSource, first: boolean): Promise<void> {
  const started = process.hrtime.bigint();
  const batch = randomUUID().slice(0, 8);
  if (first) {
    await db.query(
      `INSERT INTO stock_levels (sku, on_hand, reserved, version)
       SELECT 'SKU-' || g, 1000000000, 0, 1 FROM generate_series(0, $1 - 1) g`,
      [SKUS],
    );
    await db.query(
      `INSERT INTO reservations (reservation_id, sku, order_id, quantity, open)
       SELECT 'open-' || g, 'SKU-' || (g % $2), 'o-open-' || g, 2, 2 FROM generate_series(1, $1) g`,
      [OPEN, SKUS],
    );
  }
  await db.query(
    `INSERT INTO reservations (reservation_id, sku, order_id, quantity, open, updated_at)
     SELECT 'hist-' || $3 || '-' || g, 'SKU-' || (g % $2), 'o-' || g, 1 + g % 3, 0, now() - interval '1 day' + g * interval '1 ms'
     FROM generate_series(1, $1) g`,
    [HISTORY, SKUS, batch],
  );
  await db.query('VACUUM ANALYZE reservations');
  console.log(
    `  loaded ${HISTORY} netted reservations${first ? ` and ${OPEN} open ones` : ''} in ${seconds(started).toFixed(1)} s`,
  );
}

async function benchReplay(stack: TestStack): Promise<void> {
  const workload = () => generateWorkload({ count: REPLAY_EVENTS, skus: 10_000, seed: 3 });
  const produced = process.hrtime.bigint();
  await produceFast(stack, workload());
  console.log('');
  console.log(`replay: produced ${REPLAY_EVENTS} events in ${seconds(produced).toFixed(1)} s`);
  const admin = stack.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(stack.topics.events);
  await admin.disconnect();
  // Replay runs in this process: it is the work here, not load.
  const meter = new CpuMeter([
    { name: 'bench (replays)', role: 'service', pids: () => [process.pid] },
    ...infra(),
  ]).start();
  const stats = await rebuildFromLog({
    kafka: stack.kafka,
    databaseUrl: stack.databaseUrl,
    key: { groupId: 'bench-replay', topic: stack.topics.events },
    poolsTopic: stack.topics.pools,
    schema: 'replay_bench',
    liveSchema: 'public',
    until: new Map(ends.map((e) => [e.partition, BigInt(e.high)])),
    concurrency: 2,
  });
  const cpu = meter.stop();
  // The baselines run after the rebuild, on the same workload regenerated from
  // its seed: a million events held in this process during the rebuild would
  // slow its garbage collection, which `npm run replay` (a process of its own)
  // never pays.
  const events = workload();
  const folded = process.hrtime.bigint();
  foldEvents(emptyLedger(), events);
  const foldSeconds = seconds(folded);
  const inMemorySeconds = await replayInMemory(events);
  console.log('');
  console.log('| replay of the log | events | seconds | events/s |');
  console.log('|---|---|---|---|');
  console.log(
    `| rebuildFromLog (Kafka read + decode + fold + write, 2 partitions in parallel) | ${stats.events} | ${stats.seconds.toFixed(1)} | ${Math.round(stats.events / stats.seconds)} |`,
  );
  console.log(`| baseline: target | ${REPLAY_EVENTS} | 60.0 | ${Math.round(REPLAY_EVENTS / 60)} |`);
  console.log(
    `| baseline: the same decode + fold in memory, no Kafka, no Postgres (the floor) | ${REPLAY_EVENTS} | ${inMemorySeconds.toFixed(1)} | ${Math.round(REPLAY_EVENTS / inMemorySeconds)} |`,
  );
  console.log(
    `| baseline: foldEvents over all events as one batch (no decode, no I/O) | ${REPLAY_EVENTS} | ${foldSeconds.toFixed(1)} | ${Math.round(REPLAY_EVENTS / foldSeconds)} |`,
  );
  console.log(
    `(${stats.applied} applied, ${stats.duplicates} duplicates, ${stats.rejected} rejected)`,
  );
  console.log(cpuTable('rebuildFromLog', cpu, stats.events, 'event', 'µs'));
  console.log(
    `replay took ${(stats.seconds / inMemorySeconds).toFixed(2)}x the same-run in-memory floor (target <= 2x)`,
  );
  Object.assign(result, {
    replaySeconds: stats.seconds,
    replayFloorSeconds: inMemorySeconds,
    replayFloorRatio: stats.seconds / inMemorySeconds,
    foldOnlySeconds: foldSeconds,
    replayEvents: stats.events,
    cpuUsPerReplayedEvent: perUnit(workSeconds(cpu), stats.events, 'µs'),
    cpuUsPerReplayedEventByProcess: Object.fromEntries(
      cpu.groups.map((g) => [g.name, perUnit(g.seconds, stats.events, 'µs')]),
    ),
  });
}

/**
 * What rebuildFromLog does per chunk of log messages, minus reading Kafka and
 * writing Postgres. Messages are encoded chunk by chunk, outside the timing, so
 * that a million of them are never alive at once (a replay holds one fetch).
 */
async function replayInMemory(events: InventoryEvent[]): Promise<number> {
  const ledger = ReplayedLedger.empty();
  let elapsed = 0;
  for (let i = 0; i < events.length; i += REPLAY_CHUNK) {
    const chunk = events.slice(i, i + REPLAY_CHUNK).map((e, n) => ({
      key: Buffer.from(e.sku),
      value: Buffer.from(JSON.stringify(e)),
      offset: String(i + n),
    }));
    const started = process.hrtime.bigint();
    await ledger.fold(chunk, 0);
    elapsed += seconds(started);
  }
  return elapsed;
}

/**
 * The log is only the bench's input, so its producer trades the services'
 * guarantees for speed: leader-only acks, no compression, not idempotent.
 * Sends of 5,000 messages (~180 KB per partition, far from the broker's 1 MiB
 * batch limit): in a probe at load 20, 5,000 x 8 in flight produced 25 % faster
 * than 20,000 x 4 at 40 % less bench CPU; 4 in flight leave the broker less to
 * sit on at once. A broker shared
 * with other test runs can sit on a produce for longer than kafkajs' 30 s
 * request timeout (what stalled this at load 25), so its own client waits two
 * minutes. A retried send may double some events in the log: the replay
 * dedupes them by eventId and its event count shows them.
 */
async function produceFast(stack: TestStack, events: InventoryEvent[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'bench-replay-log',
    brokers: stack.env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.WARN,
    requestTimeout: 120_000,
  });
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: false,
    retry: { retries: 3 },
  });
  await producer.connect();
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < events.length; i += PRODUCE_BATCH) {
    const messages = events
      .slice(i, i + PRODUCE_BATCH)
      .map((e) => ({ key: e.sku, value: JSON.stringify(e) }));
    inFlight.push(
      producer.send({
        topic: stack.topics.events,
        acks: 1,
        compression: CompressionTypes.None,
        messages,
      }),
    );
    if (inFlight.length >= PRODUCE_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  await producer.disconnect();
}

const PRODUCE_BATCH = 5_000;
const PRODUCE_IN_FLIGHT = 4;

async function cleanup(stack: TestStack): Promise<void> {
  const redis = new Redis(stack.redisUrl);
  const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
  for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
  redis.disconnect();
  await stack.teardown();
}

const netted = async (db: DataSource) =>
  Number((await db.query('SELECT count(*) FROM reservations WHERE open = 0'))[0].count);
const openRows = async (db: DataSource) =>
  Number((await db.query('SELECT count(*) FROM reservations WHERE open > 0'))[0].count);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (l: Latencies) => `${l.p50.toFixed(2)} / ${l.p99.toFixed(2)}`;
const pct = (value: number, base: number) =>
  `${value >= base ? '+' : ''}${(((value - base) / base) * 100).toFixed(0)}%`;

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
