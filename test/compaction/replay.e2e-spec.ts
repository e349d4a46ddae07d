import { execFile } from 'child_process';
import { randomUUID } from 'crypto';
import { join } from 'path';
import { Pool } from 'pg';
import { InventoryEvent } from '@stockflow/contracts';
import {
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  expectedProjections,
  generateWorkload,
  readProjections,
  repoRoot,
  startService,
  TEST_OPERATOR_TOKEN,
  waitFor,
} from '@stockflow/testing';
import { ledgerGroup, openOnly, waitLedgerCaughtUp } from './support';

/** Runs the real `npm run replay` entry point (built) against the test stack. */
function runReplay(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot(), 'dist/scripts/ops.js'), 'replay', ...args],
      { env: { ...process.env, ...env, KAFKAJS_NO_PARTITIONER_WARNING: '1' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });
}

describe('replay: rebuild = live (real gateway, ledger, compaction, Kafka, Postgres)', () => {
  let stack: TestStack;
  let services: ServiceProcess[];
  let gateway: ServiceProcess;
  let db: Pool;
  const events: InventoryEvent[] = [];

  beforeAll(async () => {
    stack = await createTestStack('compaction_replay');
    services = await Promise.all([
      startService('gateway', stack.env),
      startService('ledger', stack.env),
      startService('compaction', {
        ...stack.env,
        COMPACTION_JOBS: 'reservation-cleanup,snapshot',
        COMPACTION_IDLE_DELAY_MS: '50',
        SNAPSHOT_INTERVAL_SECONDS: '1',
        // The midway snapshot must survive however long the second half takes to post.
        SNAPSHOT_KEEP: '100',
      }),
    ]);
    gateway = services[0];
    db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    await Promise.all((services ?? []).map((s) => s.stop()));
    await db?.end();
    await stack?.teardown();
  });

  const caughtUp = () =>
    waitLedgerCaughtUp(db, stack.kafka, stack.topics.events, ledgerGroup(stack.env));
  async function post(batch: InventoryEvent[]): Promise<void> {
    for (let i = 0; i < batch.length; i += 500) {
      const res = await api(gateway.url, 'POST', '/v1/events', {
        token: TEST_TOKENS.pos,
        body: batch.slice(i, i + 500),
      });
      expect(res.status).toBe(202);
    }
    events.push(...batch);
  }
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].count);

  it('rebuilds every projection from the log, from offset 0 and from a snapshot, identical to live', async () => {
    // Every event type, duplicates (same eventId re-sent) and over-draws (refused).
    const workload = generateWorkload({ count: 6_000, skus: 40, skuPrefix: 'MIX-', seed: 5 });
    // Pool definitions are in the log too: one kept, one redefined, one deleted.
    const pool = (id: string, method: string, body?: unknown) =>
      api(gateway.url, method, `/v1/pools/${id}`, { token: TEST_OPERATOR_TOKEN, body });
    expect(
      (
        await pool('web', 'PUT', {
          locations: [{ locationId: 'WH-1', priority: 1 }],
          channels: ['web'],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await pool('web', 'PUT', {
          locations: [{ locationId: 'WH-2', priority: 1 }],
          channels: ['web', 'amazon'],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await pool('pos', 'PUT', {
          locations: [{ locationId: 'SHOP', priority: 1 }],
          channels: ['pos'],
        })
      ).status,
    ).toBe(200);
    expect((await pool('pos', 'DELETE')).status).toBe(204);
    await post(workload.slice(0, 3_000));
    // A poison message: dead-lettered live, rejected the same way by the rebuild.
    const producer = stack.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: stack.topics.events,
      messages: [{ key: 'MIX-1', value: '{"not": "an event"' }],
    });
    await producer.disconnect();
    await caughtUp();
    const offsets = (
      await db.query(
        'SELECT jsonb_object_agg(partition::text, next_offset) AS o FROM consumer_offsets',
      )
    ).rows[0].o;
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) FROM snapshots WHERE offsets = '${JSON.stringify(offsets)}'::jsonb`,
        )) > 0,
      {
        what: 'a snapshot of the first half',
      },
    );
    const [{ id: midway }] = (await db.query('SELECT max(id) AS id FROM snapshots')).rows;

    // Across the snapshot: an event applied before it, re-sent, and a reservationId
    // netted before it, reserved again. Neither is in the snapshot's projections;
    // a rebuild from the snapshot must learn both from the restored journal.
    const {
      rows: [netted],
    } = await db.query(
      `SELECT j.event FROM journal j WHERE j.type = 'StockReserved' AND NOT EXISTS (
         SELECT 1 FROM snapshot_reservations s WHERE s.snapshot_id = $1 AND s.reservation_id = j.reservation_id)
       LIMIT 1`,
      [midway],
    );
    await post([workload[0], { ...netted.event, eventId: randomUUID() }]);
    await post(workload.slice(3_000));
    await caughtUp();
    await waitFor(
      async () => (await count('SELECT count(*) FROM reservations WHERE open = 0')) === 0,
      {
        what: 'netted reservations compacted',
      },
    );
    expect(await readProjections(db)).toEqual(openOnly(expectedProjections(events)));

    const full = await runReplay(stack.env, []);
    expect(full.output).toMatch(/started from offset 0/);
    expect(full.output).toMatch(/folded 6003 events .*: \d+ applied, \d+ duplicates, \d+ rejected/);
    await waitFor(async () => (await count('SELECT count(*) FROM pools')) === 1, {
      what: 'the ledger folded the pools',
    });
    for (const table of [
      'stock_levels',
      'stock_locations',
      'reservations \\(open\\)',
      'pools',
      'journal',
    ]) {
      expect(full.output).toMatch(new RegExp(`^${table}: identical$`, 'm'));
    }
    expect(full.output).toMatch(/rebuild = live/);
    expect(full.code).toBe(0);
    // The reference the rebuild was compared with is live itself (nothing moved meanwhile).
    const reference = Number(/live reference: snapshot (\d+)/.exec(full.output)![1]);
    const pinned = await db.query(
      'SELECT sku, on_hand, reserved, version FROM snapshot_stock_levels WHERE snapshot_id = $1 ORDER BY sku COLLATE "C"',
      [reference],
    );
    const stock = pinned.rows.map((r) => ({
      sku: r.sku,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      version: Number(r.version),
    }));
    expect(stock).toEqual((await readProjections(db)).stock);

    const fromSnapshot = await runReplay(stack.env, [`--from-snapshot=${midway}`]);
    expect(fromSnapshot.output).toMatch(new RegExp(`started from snapshot ${midway}, offsets`));
    expect(fromSnapshot.output).toMatch(/folded 3002 events/);
    expect(fromSnapshot.output).toMatch(/rebuild = live/);
    expect(fromSnapshot.code).toBe(0);
    // Both rebuilt schemas were identical, so both were dropped.
    expect(
      await count(
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'replay_%'",
      ),
    ).toBe(0);
  }, 300_000);

  it('prints the SKU with the live and rebuilt values and exits 1 when live differs from the log', async () => {
    const sku = 'MIX-7';
    const [before] = (await db.query('SELECT on_hand FROM stock_levels WHERE sku = $1', [sku]))
      .rows;
    await db.query('UPDATE stock_levels SET on_hand = on_hand + 5 WHERE sku = $1', [sku]);
    try {
      const result = await runReplay(stack.env, ['--schema=replay_corrupt']);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/^stock_levels: 1 rows differ$/m);
      const onHand = Number(before.on_hand);
      expect(result.output).toContain(`  ${sku}\n    live:    {"on_hand":${onHand + 5},`);
      expect(result.output).toContain(`    rebuilt: {"on_hand":${onHand},`);
      expect(result.output).toMatch(/^stock_locations: identical$/m);
      expect(result.output).toMatch(
        /REBUILD DIFFERS FROM LIVE \(rebuilt schema kept: replay_corrupt\)/,
      );
      expect(
        await count(
          "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'replay_corrupt'",
        ),
      ).toBe(1);
    } finally {
      await db.query('UPDATE stock_levels SET on_hand = $2 WHERE sku = $1', [sku, before.on_hand]);
    }
  }, 60_000);
});
