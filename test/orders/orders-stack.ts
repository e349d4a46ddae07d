import Redis from 'ioredis';
import { Client } from 'pg';
import {
  ServiceProcess,
  TEST_OPERATOR_TOKEN,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  makeEvent,
  startService,
  waitFor,
  Json,
} from '@stockflow/testing';

/**
 * A running slice of Stockflow for order tests: ledger, orders, compaction (hold
 * expiry, reconciliation) and gateway as real processes over the shared Kafka, Postgres and Redis (own topics, database
 * and key prefix). Requests go through the gateway, as a client's would.
 */
/**
 * How long a test waits for the log to carry a change through (gateway -> Kafka
 * -> ledger -> stock-levels -> Redis). Generous: the machine is shared and
 * other suites load the broker; a wait is not a speed assertion.
 */
const PROPAGATION_MS = Number(process.env.TEST_PROPAGATION_MS ?? 90_000);

export interface OrdersStack {
  stack: TestStack;
  ledger: ServiceProcess;
  orders: ServiceProcess;
  gateway: ServiceProcess;
  compaction: ServiceProcess;
  redis: Redis;
  db: Client;
  ordersEnv: Record<string, string>;
  /** Receives `quantity` units of a sku (3PL receipt) and waits until checkout can see them. */
  receive(sku: string, quantity: number): Promise<void>;
  /** The ledger's view of a sku (GET /v1/stock/:sku). */
  ledgerStock(
    sku: string,
  ): Promise<{ onHand: number; reserved: number; available: number; version: number }>;
  /** The Redis counters of a sku: per location, their sum (avail) and the ledger version folded in. */
  counter(
    sku: string,
  ): Promise<{ avail: number; ver: number; locations: Record<string, number> } | undefined>;
  /** Receives `quantity` units of a sku at a location and waits until checkout can see them there. */
  receiveAt(sku: string, locationId: string, quantity: number): Promise<void>;
  /** Defines a pool through the operator API and waits until the orders service can have read it. */
  putPool(poolId: string, locations: string[], channels: string[]): Promise<void>;
  placeOrder(token: string, body: unknown): Promise<{ status: number; body: Json }>;
  order(token: string, orderId: string): Promise<{ status: number; body: Json }>;
  /** Waits until every given order is decided (pending or rejected). */
  waitDecided(token: string, orderIds: string[], timeoutMs?: number): Promise<Json[]>;
  /** Waits until the Redis counter equals the ledger's available at the same version. */
  waitConverged(sku: string, timeoutMs?: number): Promise<void>;
  restartOrders(env?: Record<string, string>): Promise<void>;
  wipeRedis(): Promise<void>;
  close(): Promise<void>;
}

export async function startOrdersStack(
  label: string,
  ordersEnv: Record<string, string> = {},
  compactionEnv: Record<string, string> = {},
): Promise<OrdersStack> {
  const stack = await createTestStack(label);
  const redis = new Redis(stack.redisUrl);
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const env = { ...stack.env, ...ordersEnv };
  const ledger = await startService('ledger', stack.env);
  let orders = await startService('orders', env);
  const gateway = await startService('gateway', { ...stack.env, ORDERS_URL: orders.url });
  const compaction = await startService('compaction', {
    ...stack.env,
    COMPACTION_IDLE_DELAY_MS: '100',
    ...compactionEnv,
  });
  const counterKey = (sku: string) => `${stack.redisKeyPrefix}stock:{${sku}}`;

  const self: OrdersStack = {
    stack,
    ledger,
    orders,
    gateway,
    compaction,
    redis,
    db,
    ordersEnv: env,
    receive: (sku, quantity) => self.receiveAt(sku, 'wh-1', quantity),
    receiveAt: async (sku, locationId, quantity) => {
      const at = async () => (await self.counter(sku))?.locations[locationId] ?? 0;
      const before = await at();
      const res = await api(gateway.url, 'POST', '/v1/events', {
        token: TEST_TOKENS['3pl'],
        body: makeEvent('StockReceived', { sku, channel: '3pl', locationId, quantity }),
      });
      if (res.status !== 202)
        throw new Error(`receipt refused: ${res.status} ${JSON.stringify(res.body)}`);
      await waitFor(async () => (await at()) >= before + quantity, {
        what: `counter of ${sku} to show the receipt`,
        timeoutMs: PROPAGATION_MS,
      }).catch(async (error) => {
        const ledgerView = await self.ledgerStock(sku).catch(() => undefined);
        throw new Error(
          `${error.message}; ledger ${JSON.stringify(ledgerView)}, counter ${JSON.stringify(await self.counter(sku))}`,
        );
      });
    },
    ledgerStock: async (sku) =>
      (await api(gateway.url, 'GET', `/v1/stock/${sku}`, { token: TEST_TOKENS.web })).body,
    counter: async (sku) => {
      const flat = await redis.hgetall(counterKey(sku));
      if (flat.ver === undefined) return undefined;
      const locations: Record<string, number> = {};
      for (const [field, value] of Object.entries(flat))
        if (field.startsWith('l:')) locations[field.slice(2)] = Number(value);
      return {
        avail: Object.values(locations).reduce((t, v) => t + v, 0),
        ver: Number(flat.ver),
        locations,
      };
    },
    putPool: async (poolId, locations, channels) => {
      const body = {
        locations: locations.map((locationId, i) => ({ locationId, priority: i + 1 })),
        channels,
      };
      const res = await api(gateway.url, 'PUT', `/v1/pools/${poolId}`, {
        token: TEST_OPERATOR_TOKEN,
        body,
      });
      if (res.status !== 200)
        throw new Error(`pool refused: ${res.status} ${JSON.stringify(res.body)}`);
      // The gateway answers once its own PoolFeed folded the definition; the orders
      // process folds the same topic with the same lag (100 ms fetch wait).
      await new Promise((resolve) => setTimeout(resolve, 2000));
    },
    placeOrder: (token, body) => api(gateway.url, 'POST', '/v1/orders', { token, body }),
    order: (token, orderId) => api(gateway.url, 'GET', `/v1/orders/${orderId}`, { token }),
    waitDecided: async (token, orderIds, timeoutMs = PROPAGATION_MS) => {
      const decided = new Map<string, Json>();
      await waitFor(
        async () => {
          const open = orderIds.filter((id) => !decided.has(id));
          for (let i = 0; i < open.length; i += 50) {
            const results = await Promise.all(
              open.slice(i, i + 50).map((id) => self.order(token, id)),
            );
            for (const r of results)
              if (r.status === 200 && r.body.status !== 'received')
                decided.set(r.body.orderId, r.body);
          }
          return decided.size === orderIds.length;
        },
        { timeoutMs, intervalMs: 250, what: `${orderIds.length} orders decided` },
      );
      return orderIds.map((id) => decided.get(id));
    },
    waitConverged: async (sku, timeoutMs = PROPAGATION_MS) => {
      await waitFor(
        async () => {
          const [ledgerView, counter] = await Promise.all([
            self.ledgerStock(sku),
            self.counter(sku),
          ]);
          return (
            counter !== undefined &&
            counter.avail === ledgerView.available &&
            counter.ver === ledgerView.version
          );
        },
        { timeoutMs, what: `counter of ${sku} to equal the ledger's available` },
      );
    },
    restartOrders: async (extra = {}) => {
      // Generous: a restart on this shared machine reconnects to a loaded broker and re-reads pools and counters.
      orders = await startService(
        'orders',
        { ...env, ...extra },
        { port: self.orders.port, readyTimeoutMs: 180_000 },
      );
      self.orders = orders;
    },
    wipeRedis: async () => {
      const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    },
    close: async () => {
      await Promise.all([gateway.stop(), self.orders.stop(), compaction.stop(), ledger.stop()]);
      await self.wipeRedis();
      redis.disconnect();
      await db.end();
      const admin = stack.kafka.admin();
      await admin.connect();
      const own = new Set(Object.values(stack.topics));
      // The order topics; the contract topics are deleted by the stack's teardown.
      const topics = (await admin.listTopics()).filter(
        (t) => t.startsWith(env.KAFKA_TOPIC_PREFIX) && !own.has(t),
      );
      await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
      await stack.teardown();
    },
  };
  return self;
}

export function orderBody(lines: [string, number][], extra: Record<string, unknown> = {}) {
  return {
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    payment: { method: 'card' },
    ...extra,
  };
}
