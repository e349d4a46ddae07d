import { JournalEntry } from '@stockflow/ledger-core';
import { SqlPool, SqlTransaction } from '@stockflow/persistence';
import { JournalPipeline } from './journal-pipeline';

/** A pool whose transactions take `delayMs` and fail when `fail` says so; it counts how many run at once. */
function fakePool(fail: (n: number) => boolean, delayMs = 5) {
  const seen = { running: 0, maxRunning: 0, started: 0, copied: 0 };
  const tx: SqlTransaction = {
    query: async <Row>() => [] as Row[],
    copyFrom: async () => void seen.copied++,
  };
  const pool: SqlPool = {
    query: async <Row>() => [] as Row[],
    transaction: async (work) => {
      const n = seen.started++;
      seen.running++;
      seen.maxRunning = Math.max(seen.maxRunning, seen.running);
      try {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (fail(n)) throw new Error(`copy ${n} failed`);
        return await work(tx);
      } finally {
        seen.running--;
      }
    },
  };
  return { pool, seen };
}

const entry = { eventId: 'e', sku: 'S' } as JournalEntry;
const sources = new Map([['e', { event: {} as never, position: { partition: 0, offset: '0' } }]]);

describe('JournalPipeline', () => {
  it('keeps at most `limit` COPYs in flight and finishes them all on drain', async () => {
    const { pool, seen } = fakePool(() => false);
    const pipeline = new JournalPipeline(pool, 2);
    for (let i = 0; i < 7; i++) await pipeline.write([entry], sources);
    await pipeline.drain();
    expect(seen).toMatchObject({ started: 7, copied: 7, maxRunning: 2, running: 0 });
  });

  it('skips empty chunks', async () => {
    const { pool, seen } = fakePool(() => false);
    const pipeline = new JournalPipeline(pool, 2);
    await pipeline.write([], sources);
    await pipeline.drain();
    expect(seen.started).toBe(0);
  });

  it('fails the next write after a COPY failed', async () => {
    const { pool } = fakePool((n) => n === 0);
    const pipeline = new JournalPipeline(pool, 1);
    await pipeline.write([entry], sources);
    await expect(pipeline.write([entry], sources)).rejects.toThrow('copy 0 failed');
  });

  it('fails the drain when the last COPY failed', async () => {
    const { pool } = fakePool((n) => n === 1);
    const pipeline = new JournalPipeline(pool, 2);
    await pipeline.write([entry], sources);
    await pipeline.write([entry], sources);
    await expect(pipeline.drain()).rejects.toThrow('copy 1 failed');
  });
});
