import { Provider, Type } from '@nestjs/common';

/**
 * One kind of background work the compaction service does continuously
 * (reservation cleanup, snapshots, hold expiry, reconciliation). The runner
 * calls `runOnce` in a loop: a job never schedules itself and never loops inside
 * `runOnce`, so SIGTERM only ever waits for one small slice.
 *
 * Every job must be idempotent and safe while other replicas run the same job
 * (see docs/compaction.md, "Running several replicas").
 */
export interface CompactionJob {
  readonly name: string;
  /** one bounded slice of work; returns how many items it handled (0 = idle: the runner waits before the next call) */
  runOnce(): Promise<number>;
  /**
   * Optional pace: the runner spaces busy slices so that the job handles at most
   * this many items per second (the CPU it leaves to checkout on a small box).
   */
  readonly maxItemsPerSecond?: number;
}

/** Injection token of every job the runner loops over (an array of CompactionJob). */
export const COMPACTION_JOBS = Symbol('COMPACTION_JOBS');

/**
 * Nest has no multi-providers: this registers each job class as a provider and
 * collects the instances under COMPACTION_JOBS. Add a job by adding its class to
 * the list in compaction.module.ts.
 */
export function compactionJobs(jobs: Type<CompactionJob>[]): Provider[] {
  return [...jobs, { provide: COMPACTION_JOBS, inject: jobs, useFactory: (...instances: CompactionJob[]) => instances }];
}
