import { counter, gauge } from '@stockflow/runtime';

/** Re-sends after pool changes; labels are bounded (channel, phase, result), never a SKU. */
export const poolResendMetrics = {
  passes: counter({
    name: 'stockflow_channel_pool_resend_passes_total',
    help: 'Re-send passes after a pool change, per channel, by phase (started, done, stopped)',
    labelNames: ['channel', 'phase'],
  }),
  scanned: counter({
    name: 'stockflow_channel_pool_resend_scanned_total',
    help: 'SKUs examined by re-send passes (every SKU of the ledger once per pass)',
    labelNames: ['channel'],
  }),
  skus: counter({
    name: 'stockflow_channel_pool_resend_skus_total',
    help: 'SKUs whose numbers a pool change moved, by what the pipeline did (queued, merged, stale, unchanged, not_listed, current, deferred)',
    labelNames: ['channel', 'result'],
  }),
  running: gauge({
    name: 'stockflow_channel_pool_resend_running',
    help: '1 while a re-send pass runs for the channel',
    labelNames: ['channel'],
  }),
};
