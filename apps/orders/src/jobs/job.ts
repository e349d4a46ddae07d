/**
 * A background job as the compaction service's runner expects it: `runOnce`
 * does one bounded unit of work and returns how much it did; the runner calls
 * it again at once while it returns more than 0, else after `intervalMs`.
 */
export interface Job {
  name: string;
  intervalMs: number;
  runOnce(): Promise<number>;
}

export const JOBS = Symbol('JOBS');
