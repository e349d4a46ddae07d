import { writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  ChannelReceiver,
  ServiceProcess,
  TestStack,
  createTestStack,
  makeEvent,
  startService,
  waitFor,
} from '@stockflow/testing';
import { Sample, scrape, series } from './scrape';
import { startAll } from './start-all';

/** Readiness waits on Kafka consumer groups; on a loaded shared broker that can take over a minute. */
const SLOW_START = { readyTimeoutMs: 150_000 };

const SKUS = Array.from({ length: 12 }, (_, i) => `MET-${i}`);
const total = (samples: Sample[]) => samples.reduce((sum, s) => sum + s.value, 0);

describe('metrics an operator can alert on (GET /metrics of real service processes)', () => {
  let stack: TestStack;
  let ledger: ServiceProcess;
  let orders: ServiceProcess;
  let channelSync: ServiceProcess;
  let receiver: ChannelReceiver;
  let producer: Producer;
  let db: Client;
  let ledgerGroup: string;

  const receive = (sku: string, quantity = 1) =>
    makeEvent('StockReceived', { sku, locationId: 'WH-1', quantity });
  const produce = (events: object[]) =>
    producer.send({
      topic: stack.topics.events,
      messages: events.map((e) => ({ key: (e as { sku: string }).sku, value: JSON.stringify(e) })),
    });

  beforeAll(async () => {
    stack = await createTestStack('metrics');
    ledgerGroup = `${stack.env.KAFKA_TOPIC_PREFIX}stockflow-ledger`;
    receiver = await ChannelReceiver.start({ secret: 'metrics-secret' });
    const channelsFile = join(tmpdir(), `metrics-channels-${process.pid}.json`);
    writeFileSync(
      channelsFile,
      JSON.stringify([
        {
          name: 'web',
          adapter: 'webhook',
          endpoint: `${receiver.url}/hooks`,
          secret: 'metrics-secret',
          safetyStock: 0,
        },
      ]),
    );
    const env = { ...stack.env, METRICS_REFRESH_MS: '300' };
    [ledger, orders, channelSync] = await startAll([
      startService('ledger', env, SLOW_START),
      startService('orders', env, SLOW_START),
      startService('channel-sync', { ...env, CHANNELS_FILE: channelsFile }, SLOW_START),
    ]);
    producer = stack.kafka.producer();
    await producer.connect();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await db?.end();
    await Promise.all([ledger?.stop(), orders?.stop(), channelSync?.stop()]);
    await receiver?.close();
    await stack?.teardown();
  });

  it('every service exports the process and event-loop metrics', async () => {
    for (const service of [ledger, orders, channelSync]) {
      const samples = await scrape(service.url);
      expect(series(samples, 'process_cpu_seconds_total')[0]?.value).toBeGreaterThan(0);
      expect(series(samples, 'nodejs_eventloop_lag_seconds')[0]?.value).toBeGreaterThanOrEqual(0);
      expect(series(samples, 'nodejs_heap_size_used_bytes')[0]?.value).toBeGreaterThan(0);
    }
  });

  it("reports the ledger's lag from its Postgres offsets: above zero while it is held back, zero once it caught up", async () => {
    await produce(SKUS.map((sku) => receive(sku)));
    const ledgerLag = async () =>
      series(await scrape(ledger.url), 'stockflow_consumer_lag', { group: ledgerGroup });
    const stored = async () =>
      Number(
        (
          await db.query('SELECT sum(next_offset) AS n FROM consumer_offsets WHERE group_id = $1', [
            ledgerGroup,
          ])
        ).rows[0].n,
      );
    // The gauge was 0 before anything was produced too: wait for the ledger itself first.
    await waitFor(async () => (await stored()) === SKUS.length, {
      timeoutMs: 90_000,
      what: 'ledger folded the receipts',
    });
    await waitFor(
      async () => {
        const rows = await ledgerLag();
        return rows.length === 6 && total(rows) === 0;
      },
      { timeoutMs: 30_000, what: 'ledger lag 0 on all 6 partitions' },
    );

    // Hold the ledger back: its batches wait on the offset rows this transaction locks.
    await db.query('BEGIN');
    await db.query('SELECT * FROM consumer_offsets WHERE group_id = $1 FOR UPDATE', [ledgerGroup]);
    try {
      await produce(SKUS.map((sku) => receive(sku, 2)));
      await waitFor(async () => total(await ledgerLag()) === SKUS.length, {
        timeoutMs: 30_000,
        what: 'ledger lag 12',
      });
    } finally {
      await db.query('COMMIT');
    }
    await waitFor(async () => total(await ledgerLag()) === 0, {
      timeoutMs: 90_000,
      what: 'ledger lag back to 0',
    });
    const rows = await ledgerLag();
    expect(rows.map((r) => r.labels.partition).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(rows.every((r) => r.labels.topic === stack.topics.events)).toBe(true);
  });

  it('reports the lag of the orders consumers and of every channel group, zero once they caught up', async () => {
    const prefix = stack.env.KAFKA_TOPIC_PREFIX;
    await waitFor(
      async () => {
        const lag = series(await scrape(orders.url), 'stockflow_consumer_lag');
        const groups = new Set(lag.map((s) => s.labels.group));
        return groups.has(`${prefix}stockflow-orders-stock-levels`) && total(lag) === 0;
      },
      { timeoutMs: 90_000, what: 'orders lag reported and 0' },
    );
    await waitFor(
      async () => {
        const lag = series(await scrape(channelSync.url), 'stockflow_consumer_lag');
        const groups = new Set(lag.map((s) => s.labels.group));
        return (
          groups.has(`${prefix}stockflow-channel-sync.web`) &&
          groups.has(`${prefix}stockflow-channel-sync.input`) &&
          total(lag) === 0
        );
      },
      { timeoutMs: 90_000, what: 'channel-sync lag reported and 0' },
    );
    expect(receiver.calls.length).toBeGreaterThan(0);
  });

  it('reports DLQ depth, outbox depth and totals without SKU labels', async () => {
    await producer.send({
      topic: stack.topics.events,
      messages: [{ key: 'MET-0', value: '{"not":"an event"}' }],
    });
    await waitFor(
      async () => {
        const depth = series(await scrape(ledger.url), 'stockflow_dlq_depth', {
          topic: stack.topics.eventsDlq,
        });
        return depth[0]?.value === 1;
      },
      { timeoutMs: 90_000, what: 'inventory.events.dlq depth 1' },
    );

    const ordersSamples = await scrape(orders.url);
    expect(series(ordersSamples, 'stockflow_outbox_depth')[0]?.value).toBe(0);
    const syncSamples = await scrape(channelSync.url);
    expect(
      series(syncSamples, 'stockflow_dlq_depth', { topic: stack.topics.channelSyncDlq })[0]?.value,
    ).toBe(0);

    // A POS sale below zero counts in a total; no series names the SKU.
    await produce([makeEvent('ItemSold', { sku: 'MET-NEG', locationId: 'WH-1', quantity: 5 })]);
    await waitFor(
      async () => {
        const negative = series(await scrape(ledger.url), 'stockflow_ledger_negative_stock_total');
        return (
          negative.length === 1 &&
          negative[0].value === 1 &&
          Object.keys(negative[0].labels).length === 0
        );
      },
      { timeoutMs: 90_000, what: 'negative stock total 1' },
    );
    for (const service of [ledger, orders, channelSync]) {
      expect((await scrape(service.url)).filter((s) => 'sku' in s.labels)).toEqual([]);
    }
  });

  it('stops cleanly on SIGTERM while the metric refreshers run (exit 0)', async () => {
    expect(await Promise.all([ledger.stop(), orders.stop(), channelSync.stop()])).toEqual([
      0, 0, 0,
    ]);
  });
});
