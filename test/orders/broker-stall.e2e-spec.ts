import Redis from 'ioredis';
import { Client } from 'pg';
import {
  PrivateBroker,
  ServiceProcess,
  TestStack,
  createTestStack,
  startPrivateBroker,
  startService,
} from '@stockflow/testing';
import { expectNoOutage, expectNothingLost, runThroughFault } from './fault-window';

/**
 * The broker frozen (SIGSTOP) for 10 s under steady traffic (docs/faults.md):
 * async orders are answered from Postgres alone after ORDERS_ENQUEUE_WAIT_MS,
 * events from the gateway's stall buffer after EVENTS_ACK_WAIT_MS; once the
 * broker thaws every accepted order is decided once and every accepted event
 * is in the journal once. Runs a broker of its own: freezing the shared one
 * would stall every other suite.
 */
describe('checkout and ingest while the broker is frozen', () => {
  let broker: PrivateBroker;
  let stack: TestStack;
  let db: Client;
  let redis: Redis;
  const services: ServiceProcess[] = [];
  let gateway: ServiceProcess;

  beforeAll(async () => {
    broker = await startPrivateBroker('broker-stall');
    process.env.KAFKA_BROKERS = broker.brokers; // read once by connections(), per test file
    stack = await createTestStack('brokerstall');
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    redis = new Redis(stack.redisUrl);
    services.push(await startService('ledger', stack.env));
    const orders = await startService('orders', stack.env);
    services.push(orders);
    gateway = await startService('gateway', { ...stack.env, ORDERS_URL: orders.url });
    services.push(gateway);
  }, 400_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    const keys = await redis?.keys(`${stack.redisKeyPrefix}*`);
    if (keys?.length) await redis.del(...keys);
    redis?.disconnect();
    await db?.end();
    await stack?.teardown();
    await broker?.stop();
  }, 120_000);

  it('keeps accepting orders and events through a 10 s freeze, losing and doubling nothing', async () => {
    const run = await runThroughFault(
      { gatewayUrl: gateway.url, redis, redisKeyPrefix: stack.redisKeyPrefix },
      'broker-freeze',
      async () => {
        broker.freeze();
        await new Promise((r) => setTimeout(r, 10_000));
        broker.thaw();
      },
    );
    expectNoOutage(run.order);
    expectNoOutage(run.event);
    expect([run.order.failed, run.event.failed]).toEqual([0, 0]);
    await expectNothingLost(db, gateway.url, run);
  }, 300_000);
});
