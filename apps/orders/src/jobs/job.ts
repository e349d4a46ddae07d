/**
 * A background job of the orders service (outbox relay, requeue), shaped like
 * the compaction service's jobs: `runOnce` does one bounded unit of work and
 * returns how much it did; the runner calls it again at once while it returns
 * more than 0, else after `intervalMs`. Hold expiry and reconciliation run in
 * the compaction service.
 */
export interface Job {
  name: string;
  intervalMs: number;
  runOnce(): Promise<number>;
}

export const JOBS = Symbol('JOBS');
