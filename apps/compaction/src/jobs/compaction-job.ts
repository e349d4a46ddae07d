import { BackgroundJob, JobLoopObserver } from '@stockflow/service-kit';
import { compactionMetrics } from '../compaction.metrics';

/**
 * One kind of background work the compaction service does continuously
 * (reservation cleanup, snapshots, hold expiry, reconciliation), run by a
 * JobLoop (libs/service-kit). Every job must be idempotent and safe while other
 * replicas run the same job (see docs/compaction.md, "Running several replicas").
 */
export type CompactionJob = BackgroundJob;

/** Slices and failures of every compaction job, for the shared JobRunner (libs/service-kit). */
export const compactionJobMetrics: JobLoopObserver = {
  slice(job, handled, seconds) {
    compactionMetrics.slices.inc({ job, outcome: handled > 0 ? 'work' : 'idle' });
    compactionMetrics.items.inc({ job }, handled);
    compactionMetrics.sliceSeconds.observe({ job }, seconds);
  },
  failed(job) {
    compactionMetrics.slices.inc({ job, outcome: 'error' });
  },
};
