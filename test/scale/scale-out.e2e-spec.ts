import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { InventoryEvent } from '@stockflow/contracts';
import {
  ChannelReceiver,
  ServiceProcess,
  TEST_OPERATOR_TOKEN,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  expectedProjections,
  generateWorkload,
  produceEvents,
  readEventLog,
  readProjections,
  startService,
  waitFor,
} from '@stockflow/testing';
import { writeChannelsFile } from './channels-file';

/**
 * Scale-out (issue 12, item 5): three ledger, two orders and two channel-sync
 * instances share the work through their consumer groups while instances
 * leave (SIGTERM, SIGKILL) and join under load, so partitions move between
 * them mid-stream. Afterwards the projections equal the pure fold of the log
 * exactly once, the scarce SKUs are sold exactly to their stock and no
 * further, every order is decided, and both channels show every SKU's
 * sellable quantity.
 */
const SCARCE = ['SCALE-HOT-1', 'SCALE-HOT-2'];
const UNITS = 60;
const ORDERS = 300;
const CHANNELS = ['web', 'amazon'] as const;
const SETTLE_MS = 180_000;

describe('scale-out: 3 ledgers, 2 orders, 2 channel-syncs with instances joining and leaving', () => {
  let stack: TestStack;
  let db: Pool;
  const receivers = {} as Record<(typeof CHANNELS)[number], ChannelReceiver>;
  let channelsFile: string;
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let ordersEnv: Record<string, string>;
  let syncEnv: Record<string, string>;

  const start = async (
    name: Parameters<typeof startService>[0],
    env: Record<string, string>,
    port?: number,
  ) => {
    const service = await startService(name, env, { port, readyTimeoutMs: 180_000 });
    running.push(service);
    return service;
  };
  const leave = async (service: ServiceProcess, how: 'stop' | 'kill') => {
    await (how === 'stop' ? service.stop() : service.kill());
    running.splice(running.indexOf(service), 1);
  };

  beforeAll(async () => {
    stack = await createTestStack('scaleout');
    db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
    for (const c of CHANNELS) receivers[c] = await ChannelReceiver.start();
    channelsFile = writeChannelsFile(CHANNELS.map((c) => ({ name: c, url: receivers[c].url })));
    ordersEnv = {
      ...stack.env,
      CHECKOUT_SYNC_PAYMENT_METHODS: 'pos_cash',
      ORDERS_REQUEUE_AFTER_SECONDS: '5',
    };
    syncEnv = { ...stack.env, CHANNELS_FILE: channelsFile, CHANNEL_COMMIT_INTERVAL_MS: '200' };
    await Promise.all([
      start('ledger', stack.env),
      start('ledger', stack.env),
      start('ledger', stack.env),
      start('channel-sync', syncEnv),
      start('channel-sync', syncEnv),
    ]);
    const [orders1] = await Promise.all([start('orders', ordersEnv), start('orders', ordersEnv)]);
    gateway = await start('gateway', {
      ...stack.env,
      ORDERS_URL: orders1.url,
      CHANNELS_FILE: channelsFile,
    });
  }, 600_000);

  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await Promise.all(Object.values(receivers).map((r) => r.close()));
    await db?.end();
    await stack?.teardown();
  });

  const instances = (name: string) => running.filter((s) => s.name === name);

  async function placeAll(orderIds: string[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < orderIds.length) {
        const orderId = orderIds[next++];
        const sku = SCARCE[next % SCARCE.length];
        const channel = next % 3 === 0 ? 'pos' : next % 3 === 1 ? 'web' : 'amazon';
        const payment = channel === 'pos' ? 'pos_cash' : 'card';
        // Retried with the same orderId until answered: idempotent, whatever instance decides it.
        for (;;) {
          const res = await api(gateway.url, 'POST', '/v1/orders', {
            token: TEST_TOKENS[channel],
            body: { orderId, lines: [{ sku, quantity: 1 }], payment: { method: payment } },
          }).catch(() => undefined);
          if (res && [201, 202, 409].includes(res.status)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
  }

  it('folds every event exactly once, sells the scarce stock exactly, decides every order and converges the channels', async () => {
    const receipts = SCARCE.map((sku) => ({
      eventId: randomUUID(),
      type: 'StockReceived',
      sku,
      channel: '3pl',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      locationId: 'wh-1',
      quantity: UNITS,
    })) as InventoryEvent[];
    await produceEvents(stack.kafka, stack.topics.events, receipts);
    await waitFor(
      async () => {
        const all = await Promise.all(
          SCARCE.map((sku) =>
            api(gateway.url, 'GET', `/v1/stock/${sku}`, { token: TEST_TOKENS.web }),
          ),
        );
        return all.every((r) => r.status === 200 && r.body.available === UNITS);
      },
      { timeoutMs: SETTLE_MS, what: 'the scarce stock in the ledger' },
    );
    // Checkout reads Redis: wait until both orders instances' counters can have it.
    await new Promise((r) => setTimeout(r, 2000));

    const workload = generateWorkload({ count: 30_000, skus: 200, seed: 12, skuPrefix: 'SCALE-' });
    const orderIds = Array.from({ length: ORDERS }, (_, i) => `scale-${i}`);
    const producing = (async () => {
      for (let i = 0; i < workload.length; i += 3_000) {
        await produceEvents(stack.kafka, stack.topics.events, workload.slice(i, i + 3_000), 1_000);
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    const placing = placeAll(orderIds);

    // Membership changes while both streams run: every group rebalances at least twice.
    const journalRows = async () =>
      (await db.query('SELECT count(*)::int AS n FROM journal')).rows[0].n as number;
    await waitFor(async () => (await journalRows()) > 5_000, {
      timeoutMs: SETTLE_MS,
      what: '5,000 events folded',
    });
    await leave(instances('ledger')[0], 'kill');
    await leave(instances('channel-sync')[0], 'stop');
    await start('ledger', stack.env);
    await waitFor(async () => (await journalRows()) > 15_000, {
      timeoutMs: SETTLE_MS,
      what: '15,000 events folded',
    });
    await leave(instances('orders')[1], 'kill');
    await leave(instances('ledger')[1], 'stop');
    await Promise.all([start('channel-sync', syncEnv), start('orders', ordersEnv)]);
    await Promise.all([producing, placing]);
    expect(instances('ledger')).toHaveLength(2);
    await start('ledger', stack.env);

    // Every order decided, the scarce units sold exactly once each.
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM orders WHERE order_id LIKE 'scale-%' AND status <> 'received'`,
        );
        return rows[0].n === ORDERS;
      },
      { timeoutMs: SETTLE_MS, intervalMs: 500, what: `${ORDERS} orders decided` },
    );
    const { rows: decided } = await db.query(
      `SELECT status, count(*)::int AS n FROM orders WHERE order_id LIKE 'scale-%' GROUP BY status ORDER BY status`,
    );
    expect(decided).toEqual([
      { status: 'pending', n: UNITS * SCARCE.length },
      { status: 'rejected', n: ORDERS - UNITS * SCARCE.length },
    ]);

    // The ledger at the end of the log (and the end not moving), then projections = fold, exactly once.
    const ends = await settledEnds(stack, db);
    const log = await readEventLog(stack.kafka, stack.topics.events, ends);
    const expected = expectedProjections(log);
    expect(await readProjections(db)).toEqual(expected);
    const { rows: journal } = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM journal',
    );
    expect(journal[0]).toEqual({ n: expected.journalRows, d: expected.journalRows });
    for (const sku of SCARCE)
      expect(expected.stock.find((s) => s.sku === sku)).toMatchObject({
        onHand: UNITS,
        reserved: UNITS,
      });

    // Both channels show every SKU's sellable quantity.
    const skus = expected.stock.map((s) => s.sku);
    let behind: string[] = [];
    await waitFor(
      async () => {
        behind = [];
        for (const channel of CHANNELS) {
          const latest = receivers[channel].latestBy((c) => c.body.sku);
          for (const sku of skus) {
            const want = await api(gateway.url, 'GET', `/v1/channels/${channel}/stock/${sku}`, {
              token: TEST_OPERATOR_TOKEN,
            });
            if (latest.get(sku)?.quantity !== want.body.sellable)
              behind.push(
                `${channel}/${sku}: ${latest.get(sku)?.quantity} vs ${want.body.sellable}`,
              );
          }
        }
        return behind.length === 0;
      },
      { timeoutMs: SETTLE_MS, intervalMs: 1000, what: 'channels converged' },
    ).catch((error) => {
      throw new Error(`${error.message}: ${behind.slice(0, 5).join('; ')}`);
    });
  }, 900_000);
});

async function logEnds(stack: TestStack): Promise<Map<number, bigint>> {
  const admin = stack.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(stack.topics.events);
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the ledgers' stored offsets reach the log's end and the end stayed put. */
async function settledEnds(stack: TestStack, db: Pool): Promise<Map<number, bigint>> {
  for (;;) {
    const ends = await logEnds(stack);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2',
          [`${stack.env.KAFKA_TOPIC_PREFIX}stockflow-ledger`, stack.topics.events],
        );
        const stored = new Map(rows.map((r) => [Number(r.partition), BigInt(r.next_offset)]));
        return [...ends].every(([p, high]) => high === 0n || stored.get(p) === high);
      },
      { timeoutMs: SETTLE_MS, intervalMs: 250, what: 'the ledgers at the end of the log' },
    );
    const again = await logEnds(stack);
    if ([...ends].every(([p, high]) => again.get(p) === high)) return ends;
  }
}
