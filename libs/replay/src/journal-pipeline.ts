import { JournalEntry, JournalSources } from '@stockflow/ledger-core';
import { JournalRepository, SqlPool } from '@stockflow/persistence';

/**
 * Journal writes of a rebuild, run while the next events are decoded and
 * folded: Postgres COPYs one chunk while Node folds the next, instead of each
 * waiting for the other. At most `limit` COPYs are in flight (one connection
 * each); `write` waits for a free one. The first failure fails the next
 * `write` or `drain`, so a rebuild never reports success over a lost chunk.
 */
export class JournalPipeline {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | undefined;

  constructor(
    private readonly sql: SqlPool,
    private readonly limit: number,
  ) {}

  async write(entries: readonly JournalEntry[], sources: JournalSources): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    this.throwIfFailed();
    if (entries.length === 0) return;
    const copy: Promise<void> = this.sql
      .transaction(async (tx) => {
        // A rebuild can always be run again: no need to wait for the WAL flush per chunk.
        await tx.query('SET LOCAL synchronous_commit = off');
        await new JournalRepository(tx).append(entries, sources);
      })
      .catch((error: Error) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(copy));
    this.inFlight.add(copy);
  }

  /** Waits for every write; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
