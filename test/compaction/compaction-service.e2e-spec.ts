import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Pool } from 'pg';
import {
  ServiceProcess,
  TestStack,
  createTestStack,
  repoRoot,
  startService,
  waitFor,
} from '@stockflow/testing';
import { ledgerGroup, metricValue } from './support';

describe('compaction service: continuous jobs, failures, replicas, shutdown (real process, Postgres)', () => {
  let stack: TestStack;
  let db: Pool;
  const started: ServiceProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const service = await startService('compaction', {
      ...stack.env,
      COMPACTION_IDLE_DELAY_MS: '20',
      LOG_LEVEL: 'info',
      ...env,
    });
    started.push(service);
    return service;
  };

  beforeAll(async () => {
    stack = await createTestStack('compaction_service');
    db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    await db?.end();
    await stack?.teardown();
  }, 60_000);

  const netted = async () =>
    Number((await db.query('SELECT count(*) FROM reservations WHERE open = 0')).rows[0].count);
  const addNetted = (n: number, prefix: string) =>
    db.query(
      `INSERT INTO reservations (reservation_id, sku, quantity, open)
       SELECT $1 || g, 'SKU-1', 1, 0 FROM generate_series(1, $2) g`,
      [prefix, n],
    );

  it('keeps running through a failing job, counts and logs the failures, recovers, and stops cleanly on SIGTERM', async () => {
    const service = await start({
      COMPACTION_JOBS: 'reservation-cleanup',
      COMPACTION_ERROR_DELAY_MS: '10',
      COMPACTION_MAX_ERROR_DELAY_MS: '50',
      RESERVATION_CLEANUP_BATCH_SIZE: '100',
    });
    await addNetted(250, 'a-');
    await waitFor(async () => (await netted()) === 0, { what: 'netted reservations deleted' });

    await db.query('ALTER TABLE reservations RENAME TO reservations_away');
    const errors = 'stockflow_compaction_slices_total{job="reservation-cleanup",outcome="error"}';
    try {
      await waitFor(async () => (await metricValue(service.url, errors)) >= 3, {
        what: 'failed slices counted',
      });
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    } finally {
      await db.query('ALTER TABLE reservations_away RENAME TO reservations');
    }
    await addNetted(120, 'b-');
    await waitFor(async () => (await netted()) === 0, {
      what: 'cleanup resumed after the failure',
    });
    expect(
      await metricValue(service.url, 'stockflow_compaction_items_total{job="reservation-cleanup"}'),
    ).toBe(370);
    expect(readFileSync(service.logFile, 'utf8')).toMatch(
      /job reservation-cleanup failed \(\d+ in a row, retry in \d+ ms\): relation "reservations" does not exist/,
    );

    expect(await service.stop()).toBe(0); // every shutdown hook ran (1: one failed or hung past the deadline)
  }, 60_000);

  it('takes one snapshot per change of the ledger offsets across two racing replicas and keeps the newest SNAPSHOT_KEEP', async () => {
    const env = { COMPACTION_JOBS: 'snapshot', SNAPSHOT_INTERVAL_SECONDS: '1', SNAPSHOT_KEEP: '2' };
    const replicas = [await start(env), await start(env)];
    const group = ledgerGroup(stack.env);
    const snapshotAt = async (offset: number) =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM snapshots WHERE offsets = jsonb_build_object('0', $1::bigint)`,
          [offset],
        )
      ).rows[0].n;
    await waitFor(
      async () => Number((await db.query('SELECT count(*) FROM snapshots')).rows[0].count) === 1,
      { what: 'first snapshot' },
    );
    for (const offset of [10, 20, 30, 40]) {
      // What the ledger does when it commits a batch: the offset moves with the projections.
      await db.query(
        `INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, 0, $3)
         ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset`,
        [group, stack.topics.events, offset],
      );
      await waitFor(async () => (await snapshotAt(offset)) === 1, {
        what: `a snapshot at offset ${offset}`,
      });
    }
    // Let both replicas poll a few more intervals: nothing moved, so nothing new is taken.
    await new Promise((r) => setTimeout(r, 2_500));
    const { rows } = await db.query('SELECT id, offsets FROM snapshots ORDER BY id');
    // Five snapshots in all (the empty start and one per offset), never two of the same state; two kept.
    expect(rows).toEqual([
      { id: '4', offsets: { 0: 30 } },
      { id: '5', offsets: { 0: 40 } },
    ]);
    const taken = await Promise.all(
      replicas.map((r) => metricValue(r.url, 'stockflow_compaction_items_total{job="snapshot"}')),
    );
    expect(taken[0] + taken[1]).toBe(5);
  }, 60_000);

  it('refuses to start with a bad job list, naming the variable (exit 78)', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(repoRoot(), 'dist/apps/compaction/src/main.js')],
        { env: { ...process.env, ...stack.env, COMPACTION_JOBS: 'reservation-cleanup,vacuum' } },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
      ),
    );
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(
      'COMPACTION_JOBS="reservation-cleanup,vacuum": COMPACTION_JOBS must be a comma-separated list of',
    );
  }, 30_000);
});
