import { counter, histogram } from '@stockflow/runtime';

export const ledgerMetrics = {
  applied: counter({
    name: 'stockflow_ledger_events_applied_total',
    help: 'Events folded into projections',
  }),
  duplicates: counter({
    name: 'stockflow_ledger_events_duplicate_total',
    help: 'Events skipped: eventId already applied',
  }),
  deadLettered: counter({
    name: 'stockflow_ledger_events_dead_lettered_total',
    help: 'Events sent to inventory.events.dlq',
    labelNames: ['code'],
  }),
  negativeStock: counter({
    name: 'stockflow_ledger_negative_stock_total',
    // A total: the SKU to review is in the ledger's warning log (and its journal), never a label.
    help: 'Events that took a location below zero (the SKU is logged for review)',
  }),
  unansweredResults: counter({
    name: 'stockflow_ledger_event_results_unanswered_total',
    help: 'Event results for waiting writers that could not be produced after COMMIT (they got 202)',
  }),
  batchSeconds: histogram({
    name: 'stockflow_ledger_batch_seconds',
    help: 'Time to fold and commit one transaction (the partition batches of a fetch)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
  transactionBatches: histogram({
    name: 'stockflow_ledger_transaction_partition_batches',
    help: 'Partition batches folded in one transaction',
    buckets: [1, 2, 3, 4, 6, 8, 12, 16, 32],
  }),
};
