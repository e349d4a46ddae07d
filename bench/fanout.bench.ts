/**
 * npm run bench:fanout — stock changes fanned out to three channels, end to end.
 *
 * Real gateway, ledger and channel-sync; three local HTTP receivers act as the
 * channels (two signed webhooks, one Shopify-style). BENCH_RATE changes a second
 * (StockReceived of 1 unit, so `available` equals the SKU's version) over
 * BENCH_SKUS SKUs for BENCH_SECONDS, posted to POST /v1/events in requests of
 * BENCH_BATCH events. A change's latency is from the start of its HTTP request
 * to the first receipt, at a channel, of a version at least as new (coalescing
 * folds several changes into one call, which then delivers all of them).
 *
 * Baseline, same run: the same changes from HTTP ingest to their stock-level
 * message on inventory.stock-levels (what the ledger takes before channel sync
 * can start); the difference is channel sync's own share.
 *
 * CPU from /proc, load start to all delivered, for every process on the path
 * (gateway, ledger, channel-sync, Kafka, Postgres, Redis), per change and per
 * channel delivery; the load generator and the channel receivers apart.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { InventoryEvent } from '@stockflow/contracts';
import {
  ServiceProcess,
  TEST_TOKENS,
  createTestStack,
  repoRoot,
  seededRandom,
  startService,
  waitFor,
} from '@stockflow/testing';
import {
  CpuGroup,
  CpuMeter,
  benchGroup,
  groupSeconds,
  infrastructureGroups,
  workSeconds,
} from './support/cpu-meter';
import { cpuTable, perUnit, benchResultJson } from './support/cpu-report';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SKUS = Number(process.env.BENCH_SKUS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BATCH = Number(process.env.BENCH_BATCH ?? 10);
/** Sends in flight per channel: at ~1,000 updates/s and tens of ms a call (on a loaded box), 16 would cap throughput. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);

/** A receipt of version `version` of `sku` at time `at`. */
type Receipt = { sku: string; version: number; at: number };
/** A change: the `version`-th event of `sku`, whose request started at `sentAt`. */
type Change = { sku: string; version: number; sentAt: number };

const skuName = (i: number) => `FAN-${i}`;

async function main(): Promise<void> {
  console.log(
    `bench:fanout  ${RATE} changes/s over ${SKUS} SKUs for ${SECONDS} s, ${BATCH} events per request, 3 channels, ${CONCURRENCY} sends in flight each`,
  );
  console.log(
    `  machine at start: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${cpuPressure()}`,
  );
  const stack = await createTestStack('benchfanout');
  const names = ['web', 'marketplace', 'shop'] as const;
  const farm = await startChannels(names.length);
  const urls = farm.ports.map((port) => `http://127.0.0.1:${port}`);
  const items = Object.fromEntries(
    Array.from({ length: SKUS }, (_, i) => [skuName(i), 100_000 + i]),
  );
  const skuOfItem = new Map(Object.entries(items).map(([sku, item]) => [String(item), sku]));
  const dir = mkdtempSync(join(tmpdir(), 'bench-fanout-'));
  const channelsFile = join(dir, 'channels.json');
  writeFileSync(
    channelsFile,
    JSON.stringify([
      {
        name: 'web',
        adapter: 'webhook',
        endpoint: `${urls[0]}/stock`,
        secret: 'bench-web',
        safetyStock: 0,
        concurrency: CONCURRENCY,
      },
      {
        name: 'marketplace',
        adapter: 'webhook',
        endpoint: `${urls[1]}/stock`,
        secret: 'bench-mkt',
        safetyStock: 0,
        concurrency: CONCURRENCY,
      },
      {
        name: 'shop',
        adapter: 'shopify',
        endpoint: urls[2],
        secret: 'bench-shop',
        safetyStock: 0,
        concurrency: CONCURRENCY,
        locationId: 1,
        inventoryItemIds: items,
      },
    ]),
  );
  // Shopify's body has no version; with 1-unit receipts only, available is the version.
  const receiptsOf = Object.fromEntries(
    names.map((name, i) => [
      name,
      () =>
        farm.receipts[i].map((r) => ({
          ...r,
          sku: name === 'shop' ? skuOfItem.get(r.sku)! : r.sku,
        })),
    ]),
  );

  const services: ServiceProcess[] = [];
  const consumer = stack.kafka.consumer({
    groupId: `bench-baseline-${randomUUID()}`,
    maxWaitTimeInMs: 50,
  });
  try {
    services.push(await startService('ledger', stack.env));
    services.push(
      await startService('channel-sync', { ...stack.env, CHANNELS_FILE: channelsFile }),
    );
    const gateway = await startService('gateway', {
      ...stack.env,
      CHANNEL_SYNC_URL: services[1].url,
    });
    services.push(gateway);

    const levels: Receipt[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: stack.topics.stockLevels, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const at = Date.now();
        for (const m of batch.messages) {
          const level = JSON.parse(m.value!.toString());
          levels.push({ sku: level.sku, version: level.version, at });
        }
      },
    });

    // Warm-up: every SKU gets version 1 at every channel (also proves the wiring).
    const versions = new Map<string, number>();
    // A keep-alive pool, not fetch(): the load generator must cost the shared CPU as little as it can.
    const ingest = new Pool(gateway.url, { connections: 32 });
    const post = async (events: InventoryEvent[]) => {
      const res = await ingest.request({
        method: 'POST',
        path: '/v1/events',
        headers: {
          authorization: `Bearer ${TEST_TOKENS['3pl']}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(events),
      });
      await res.body.dump();
      if (res.statusCode !== 202) throw new Error(`POST /v1/events answered ${res.statusCode}`);
    };
    const change = (sku: string): InventoryEvent => {
      versions.set(sku, (versions.get(sku) ?? 0) + 1);
      return {
        eventId: randomUUID(),
        type: 'StockReceived',
        sku,
        channel: '3pl',
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        locationId: 'WH',
        quantity: 1,
      };
    };
    await post(Array.from({ length: SKUS }, (_, i) => change(skuName(i))));
    await allDelivered(receiptsOf, versions, 120_000);
    const callsBefore = farm.receipts.map((r) => r.length);
    const levelsBefore = levels.length;
    const meter = new CpuMeter([
      ...services.map((s): CpuGroup => ({
        name: s.name,
        role: 'service',
        pids: () => [s.child.pid!],
      })),
      ...infrastructureGroups(repoRoot()),
      // Stand-ins for the channels' own machines: not the cost of our work.
      { name: 'channel receivers', role: 'load', pids: () => [farm.child.pid!] },
      benchGroup(),
    ]).start();
    console.log('  warm-up done: every SKU at version 1 on every channel');

    // Load: requests on a fixed schedule, never waiting for one another (an open loop).
    const random = seededRandom(7);
    const changes: Change[] = [];
    const requests = Math.round((RATE * SECONDS) / BATCH);
    const intervalMs = (1000 * BATCH) / RATE;
    const inFlight: Promise<unknown>[] = [];
    const started = Date.now();
    for (let k = 0; k < requests; k++) {
      const due = started + k * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const events = Array.from({ length: BATCH }, () =>
        change(skuName(Math.floor(random() * SKUS))),
      );
      const sentAt = Date.now();
      for (const e of events)
        changes.push({ sku: e.sku, version: versions.get(e.sku)! - countAfter(events, e), sentAt });
      inFlight.push(post(events));
    }
    await Promise.all(inFlight);
    const loadSeconds = (Date.now() - started) / 1000;
    await allDelivered(receiptsOf, versions, 120_000);

    const cpu = meter.stop();
    console.log(
      `  posted ${changes.length} changes in ${loadSeconds.toFixed(1)} s (${Math.round(changes.length / loadSeconds)}/s); load average now ${loadavg()[0].toFixed(2)}; ${cpuPressure()}`,
    );
    const delivered = farm.receipts.reduce((sum, r, i) => sum + r.length - callsBefore[i], 0);
    console.log(cpuTable('  load start to all delivered', cpu, changes.length, 'change', 'µs'));
    console.log(`  mean call duration seen by channel-sync: ${await meanCallMs(services[1])}`);
    console.log('');
    console.log('| path | p50 ms | p90 ms | p99 ms | max ms | calls (messages) | changes |');
    console.log('|---|---|---|---|---|---|---|');
    const ledgerP99Ms = row(
      'baseline: ingest -> inventory.stock-levels',
      latencies(changes, levels),
      levels.length - levelsBefore,
      changes.length,
    );
    const channelP99s = names.map((name, i) => {
      const calls = farm.receipts[i].length - callsBefore[i];
      return row(
        `ingest -> ${name} (${name === 'shop' ? 'shopify' : 'webhook'})`,
        latencies(changes, receiptsOf[name]()),
        calls,
        changes.length,
      );
    });
    const p99Ms = Math.max(...channelP99s);
    const ingestUs = perUnit(groupSeconds(cpu, 'gateway', 'ledger'), changes.length, 'µs');
    const deliveryUs = perUnit(groupSeconds(cpu, 'channel-sync'), delivered, 'µs');
    console.log(
      `target: p99 under 250 ms end to end (HTTP ingest to channel receipt) and <= 1.5x the stock-levels p99: ${p99Ms} ms, ${(p99Ms / ledgerP99Ms).toFixed(2)}x`,
    );
    console.log(
      `CPU: ${perUnit(workSeconds(cpu), changes.length, 'µs').toFixed(0)} µs per change all processes; gateway + ledger ${ingestUs.toFixed(0)} µs per ingested event (target <= 100); channel-sync ${deliveryUs.toFixed(0)} µs per channel delivery (${delivered} calls)`,
    );
    console.log(
      `bench-result: ${benchResultJson('fanout', {
        p99Ms,
        ledgerP99Ms,
        p99Ratio: p99Ms / ledgerP99Ms,
        cpuUsPerChange: perUnit(workSeconds(cpu), changes.length, 'µs'),
        cpuUsPerIngestedEvent: ingestUs,
        cpuUsPerDelivery: deliveryUs,
        cpuUsPerChangeByProcess: Object.fromEntries(
          cpu.groups.map((g) => [g.name, perUnit(g.seconds, changes.length, 'µs')]),
        ),
        delivered,
        changes: changes.length,
        changesPerSecond: changes.length / loadSeconds,
      })}`,
    );
  } finally {
    await consumer.disconnect();
    await Promise.all(services.map((s) => s.stop()));
    farm.child.disconnect();
    await stack.teardown();
  }
}

/** Mean of stockflow_channel_sync_call_seconds per channel, from channel-sync's /metrics. */
async function meanCallMs(channelSync: ServiceProcess): Promise<string> {
  const text = await (await fetch(`${channelSync.url}/metrics`)).text();
  const value = (metric: string, channel: string) =>
    Number(new RegExp(`^${metric}\\{channel="${channel}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return ['web', 'marketplace', 'shop']
    .map(
      (c) =>
        `${c} ${((1000 * value('stockflow_channel_sync_call_seconds_sum', c)) / value('stockflow_channel_sync_call_seconds_count', c)).toFixed(1)} ms`,
    )
    .join(', ');
}

/** Linux PSI: share of the last 10 s in which some runnable task waited for a CPU (shared machines). */
function cpuPressure(): string {
  try {
    const some = /some avg10=(\S+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    return `CPU pressure ${some}% (tasks waiting for a core)`;
  } catch {
    return 'CPU pressure n/a';
  }
}

/** Forks the channel receivers (bench/fanout-channels.ts) and collects their receipts. */
function startChannels(count: number) {
  const child = fork(join(__dirname, 'fanout-channels.js'), [String(count)]);
  const receipts: Receipt[][] = Array.from({ length: count }, () => []);
  return new Promise<{ child: typeof child; ports: number[]; receipts: Receipt[][] }>((resolve) => {
    child.on(
      'message',
      (m: { ports?: number[]; receipts?: [number, string, number, number][] }) => {
        if (m.ports) resolve({ child, ports: m.ports, receipts });
        for (const [index, sku, version, at] of m.receipts ?? [])
          receipts[index].push({ sku, version, at });
      },
    );
  });
}

/** How many events after `e` in the same request touch its SKU (their versions come later). */
function countAfter(events: InventoryEvent[], e: InventoryEvent): number {
  return events.slice(events.indexOf(e) + 1).filter((x) => x.sku === e.sku).length;
}

async function allDelivered(
  receiptsOf: Record<string, () => Receipt[]>,
  versions: Map<string, number>,
  timeoutMs: number,
) {
  await waitFor(
    () =>
      Object.values(receiptsOf).every((receipts) => {
        const newest = new Map<string, number>();
        for (const r of receipts()) newest.set(r.sku, Math.max(r.version, newest.get(r.sku) ?? 0));
        return [...versions].every(([sku, v]) => newest.get(sku) === v);
      }),
    { timeoutMs, intervalMs: 250, what: 'every channel at the newest version of every SKU' },
  );
}

/** Per change: time from its request to the first receipt of a version at least as new. */
function latencies(changes: Change[], receipts: Receipt[]): number[] {
  const bySku = new Map<string, Receipt[]>();
  for (const r of receipts) bySku.set(r.sku, [...(bySku.get(r.sku) ?? []), r]);
  return changes.map((c) => {
    const first = (bySku.get(c.sku) ?? [])
      .filter((r) => r.version >= c.version)
      .reduce((a, b) => (b.at < a.at ? b : a));
    return first.at - c.sentAt;
  });
}

/** Prints a latency row; returns its p99. */
function row(path: string, values: number[], calls: number, changes: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(
    `| ${path} | ${q(0.5)} | ${q(0.9)} | ${q(0.99)} | ${sorted.at(-1)} | ${calls} | ${changes} |`,
  );
  return q(0.99);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
