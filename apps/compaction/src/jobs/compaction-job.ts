import { Provider, Type } from '@nestjs/common';
import { BackgroundJob } from '@stockflow/service-kit';

/**
 * One kind of background work the compaction service does continuously
 * (reservation cleanup, snapshots, hold expiry, reconciliation), run by a
 * JobLoop (libs/service-kit). Every job must be idempotent and safe while other
 * replicas run the same job (see docs/compaction.md, "Running several replicas").
 */
export type CompactionJob = BackgroundJob;

/** Injection token of every job the runner loops over (an array of CompactionJob). */
export const COMPACTION_JOBS = Symbol('COMPACTION_JOBS');

/**
 * Nest has no multi-providers: this registers each job class as a provider and
 * collects the instances under COMPACTION_JOBS. Add a job by adding its class to
 * the list in compaction.module.ts.
 */
export function compactionJobs(jobs: Type<CompactionJob>[]): Provider[] {
  return [
    ...jobs,
    {
      provide: COMPACTION_JOBS,
      inject: jobs,
      useFactory: (...instances: CompactionJob[]) => instances,
    },
  ];
}
