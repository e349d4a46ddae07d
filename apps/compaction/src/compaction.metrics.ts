import { counter, histogram } from '@stockflow/runtime';

export const compactionMetrics = {
  slices: counter({
    name: 'stockflow_compaction_slices_total',
    help: 'Slices run per job; outcome work (handled items), idle (nothing to do) or error',
    labelNames: ['job', 'outcome'],
  }),
  items: counter({
    name: 'stockflow_compaction_items_total',
    help: 'Items handled per job (rows deleted, holds expired, snapshots taken, SKUs checked)',
    labelNames: ['job'],
  }),
  sliceSeconds: histogram({
    name: 'stockflow_compaction_slice_seconds',
    help: 'Duration of one slice of a job',
    labelNames: ['job'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
};
