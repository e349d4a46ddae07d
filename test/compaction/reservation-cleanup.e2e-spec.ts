import { Pool } from 'pg';
import { DeadLetter, InventoryEvent } from '@stockflow/contracts';
import { emptyLedger, foldEvents } from '@stockflow/ledger-core';
import {
  ServiceProcess,
  TestStack,
  connections,
  createTestStack,
  expectedProjections,
  makeEvent,
  produceEvents,
  readProjections,
  readTopic,
  startService,
  waitFor,
} from '@stockflow/testing';
import {
  LockWaitSampler,
  databaseName,
  deadlocks,
  ledgerGroup,
  metricValue,
  openOnly,
  waitLedgerCaughtUp,
} from './support';

const SKUS = Array.from({ length: 12 }, (_, i) => `CLEAN-${i}`);

/** Deterministic checkout traffic: reservations that get fulfilled, released, split, or stay open. */
function checkoutTraffic(perSku: number): { events: InventoryEvent[]; netted: string[] } {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const events: InventoryEvent[] = SKUS.map((sku) =>
    makeEvent('StockReceived', { sku, locationId: 'WH', quantity: 100_000 }),
  );
  const open: { sku: string; reservationId: string; quantity: number }[] = [];
  const netted: string[] = [];
  const draw = () => {
    const r = open.splice(Math.floor(random() * open.length), 1)[0];
    const roll = random();
    if (roll < 0.1) return; // stays open
    netted.push(r.reservationId);
    const { sku, reservationId, quantity } = r;
    if (roll < 0.5)
      events.push(
        makeEvent('ReservationFulfilled', { sku, reservationId, locationId: 'WH', quantity }),
      );
    else if (roll < 0.8 || quantity === 1) {
      events.push(
        makeEvent('ReservationReleased', { sku, reservationId, quantity, reason: 'cart_cancel' }),
      );
    } else {
      events.push(
        makeEvent('ReservationFulfilled', { sku, reservationId, locationId: 'WH', quantity: 1 }),
      );
      events.push(
        makeEvent('ReservationReleased', {
          sku,
          reservationId,
          quantity: quantity - 1,
          reason: 'order_cancel',
        }),
      );
    }
  };
  for (let i = 0; i < perSku * SKUS.length; i++) {
    const sku = SKUS[i % SKUS.length];
    const reservation = {
      sku,
      reservationId: `${sku}-r${i}`,
      quantity: 1 + Math.floor(random() * 3),
    };
    open.push(reservation);
    events.push(makeEvent('StockReserved', { ...reservation, orderId: `o-${i}` }));
    if (open.length > 40) draw();
  }
  while (open.length > 0) draw();
  return { events, netted };
}

describe('reservation cleanup under checkout load (real ledger, two compaction replicas, Postgres, Kafka)', () => {
  let stack: TestStack;
  let ledger: ServiceProcess;
  let replicas: ServiceProcess[];
  let db: Pool;
  let admin: Pool;

  beforeAll(async () => {
    stack = await createTestStack('compaction_cleanup');
    const compactionEnv = {
      ...stack.env,
      COMPACTION_JOBS: 'reservation-cleanup,snapshot',
      COMPACTION_IDLE_DELAY_MS: '20',
      RESERVATION_CLEANUP_BATCH_SIZE: '100',
    };
    [ledger, ...replicas] = await Promise.all([
      startService('ledger', stack.env),
      startService('compaction', compactionEnv),
      startService('compaction', compactionEnv),
    ]);
    db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
    admin = new Pool({ connectionString: (await connections()).databaseAdminUrl, max: 1 });
  });

  afterAll(async () => {
    await Promise.all([ledger?.stop(), ...(replicas ?? []).map((r) => r.stop())]);
    await Promise.all([db?.end(), admin?.end()]);
    await stack?.teardown();
  });

  const nettedRows = async () =>
    Number((await db.query('SELECT count(*) FROM reservations WHERE open = 0')).rows[0].count);
  const allCompacted = () =>
    waitFor(async () => (await nettedRows()) === 0, {
      timeoutMs: 60_000,
      what: 'netted reservations compacted',
    });

  it('compacts netted reservations while the ledger folds checkout traffic: no lock wait, no deadlock, stock = pure fold', async () => {
    const database = databaseName(stack.databaseUrl);
    const deadlocksBefore = await deadlocks(admin, database);
    const sampler = new LockWaitSampler(admin, database).start();

    // Phase 1: checkout traffic arrives in waves while both replicas delete what it nets.
    const { events: traffic, netted } = checkoutTraffic(250);
    const waves = 25;
    for (let w = 0; w < waves; w++) {
      const wave = traffic.slice(
        Math.floor((w * traffic.length) / waves),
        Math.floor(((w + 1) * traffic.length) / waves),
      );
      await produceEvents(stack.kafka, stack.topics.events, wave);
      await new Promise((r) => setTimeout(r, 40));
    }
    await waitLedgerCaughtUp(db, stack.kafka, stack.topics.events, ledgerGroup(stack.env));
    await allCompacted();

    // Phase 2: the log names compacted reservations again. The ledger must fold them
    // exactly as a replay would (which still has the netted rows): a reused
    // reservationId is a duplicate_reservation, a late release an over_release.
    const late = netted.slice(0, 30).flatMap((reservationId) => {
      const sku = reservationId.slice(0, reservationId.indexOf('-r'));
      return [
        makeEvent('StockReserved', { sku, reservationId, quantity: 2 }),
        makeEvent('ReservationReleased', { sku, reservationId, quantity: 1, reason: 'expired' }),
      ];
    });
    await produceEvents(stack.kafka, stack.topics.events, late);
    await waitLedgerCaughtUp(db, stack.kafka, stack.topics.events, ledgerGroup(stack.env));
    await allCompacted();
    await sampler.stop();

    const log = [...traffic, ...late];
    // Stock = the pure fold of the log; reservations hold what is open, nothing of the history.
    expect(await readProjections(db)).toEqual(openOnly(expectedProjections(log)));

    const refusals = foldEvents(emptyLedger(), log)
      .refusals.map((r) => r.code)
      .sort();
    expect(refusals).toEqual([
      ...Array(30).fill('duplicate_reservation'),
      ...Array(30).fill('over_release'),
    ]);
    const dlq = await readTopic(stack.kafka, stack.topics.eventsDlq, refusals.length);
    expect(dlq.map((m) => (JSON.parse(m.value!.toString()) as DeadLetter).code).sort()).toEqual(
      refusals,
    );

    // Every netted reservation was deleted exactly once across the two replicas.
    const series = 'stockflow_compaction_items_total{job="reservation-cleanup"}';
    const deleted = await Promise.all(replicas.map((r) => metricValue(r.url, series)));
    expect(deleted.reduce((a, b) => a + b, 0)).toBe(netted.length);

    const ledgerSeen = sampler.seen.get('stockflow-ledger');
    expect(ledgerSeen?.active).toBeGreaterThan(10); // the sampler really watched the ledger write
    expect(ledgerSeen?.waits).toEqual([]);
    expect(sampler.seen.get('stockflow-compaction')?.waits ?? []).toEqual([]);
    // The statistics of the ended transactions reach pg_stat_database within a second.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await deadlocks(admin, database)).toBe(deadlocksBefore);
  }, 120_000);
});
