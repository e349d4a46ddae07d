import { Pool } from 'pg';
import {
  ServiceProcess,
  TestStack,
  createTestStack,
  expectedProjections,
  generateWorkload,
  produceEvents,
  readProjections,
  startService,
  waitFor,
} from '@stockflow/testing';

/**
 * Invariant 2: after any crash and restart, projections equal the pure fold of
 * every event in the log, exactly once each. The ledger is SIGKILLed twice in the
 * middle of a 50,000-event stream (no shutdown hook runs, a transaction may be
 * cut mid-flight) and restarted each time, then stopped once with SIGTERM.
 */
describe('ledger crash recovery (SIGKILL mid-stream)', () => {
  const TOTAL = 50_000;
  let stack: TestStack;
  let db: Pool;
  let ledger: ServiceProcess | undefined;

  beforeAll(async () => {
    stack = await createTestStack('crash');
    db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    await ledger?.stop();
    await db?.end();
    await stack?.teardown();
  });

  const journalRows = async () =>
    (await db.query('SELECT count(*)::int AS n FROM journal')).rows[0].n as number;

  it('ends with projections equal to the pure fold of every event exactly once', async () => {
    const events = generateWorkload({ count: TOTAL, skus: 300, seed: 7 });
    const expected = expectedProjections(events);
    // Small fetches make many small transactions, so the kills land mid-stream.
    const env = { ...stack.env, LEDGER_MAX_BYTES_PER_PARTITION: '65536', LOG_LEVEL: 'info' };

    ledger = await startService('ledger', env);
    const producing = produceEvents(stack.kafka, stack.topics.events, events, 2_000);

    await waitFor(async () => (await journalRows()) >= 8_000, {
      timeoutMs: 60_000,
      what: 'first 8,000 events',
    });
    await ledger.kill();
    const afterFirstKill = await journalRows();
    ledger = await startService('ledger', env);

    await waitFor(async () => (await journalRows()) >= afterFirstKill + 10_000, {
      timeoutMs: 90_000,
      what: '10,000 more',
    });
    await ledger.kill();
    ledger = await startService('ledger', env);

    // SIGTERM (a rolling deploy) mid-stream: the batch in flight finishes or is
    // abandoned whole and the process exits cleanly.
    const afterSecondKill = await journalRows();
    await waitFor(async () => (await journalRows()) >= afterSecondKill + 5_000, {
      timeoutMs: 90_000,
      what: '5,000 more',
    });
    expect(await ledger.stop()).toBe(0);
    await producing;
    ledger = await startService('ledger', env);

    const admin = stack.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(stack.topics.events);
    await admin.disconnect();
    const logEnd = ends.reduce((sum, p) => sum + Number(p.high), 0);
    expect(logEnd).toBe(TOTAL);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          'SELECT coalesce(sum(next_offset), 0)::int AS n FROM consumer_offsets',
        );
        return rows[0].n === logEnd;
      },
      { timeoutMs: 120_000, what: 'ledger caught up with the log end' },
    );

    const actual = await readProjections(db);
    expect(actual.journalRows).toBe(expected.journalRows);
    expect(actual.stock).toEqual(expected.stock);
    expect(actual.locations).toEqual(expected.locations);
    expect(actual.reservations).toEqual(expected.reservations);
    const { rows } = await db.query('SELECT count(DISTINCT event_id)::int AS n FROM journal');
    expect(rows[0].n).toBe(expected.journalRows);
  });
});
