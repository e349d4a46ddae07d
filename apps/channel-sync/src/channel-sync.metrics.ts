import { counter, gauge, histogram } from '@stockflow/runtime';

export const channelSyncMetrics = {
  updates: counter({
    name: 'stockflow_channel_sync_updates_total',
    help: 'Stock-level updates per channel by what became of them (queued, merged, stale, unchanged, not_listed)',
    labelNames: ['channel', 'result'],
  }),
  calls: counter({
    name: 'stockflow_channel_sync_calls_total',
    help: 'Calls made to channels by outcome (delivered, retry, rejected)',
    labelNames: ['channel', 'outcome'],
  }),
  deadLetters: counter({
    name: 'stockflow_channel_sync_dead_letters_total',
    help: 'Records written to channel-sync.dlq (channel "_input": poison on inventory.stock-levels)',
    labelNames: ['channel', 'code'],
  }),
  pending: gauge({
    name: 'stockflow_channel_sync_pending_updates',
    help: 'SKUs with an update waiting for its channel',
    labelNames: ['channel'],
  }),
  callSeconds: histogram({
    name: 'stockflow_channel_sync_call_seconds',
    help: 'Duration of one call to a channel',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  changeToChannelSeconds: histogram({
    name: 'stockflow_channel_sync_change_to_channel_seconds',
    help: 'From the ledger committing a stock change to the channel acknowledging it',
    labelNames: ['channel'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  }),
};

/**
 * One channel's series, bound once: resolving labels hashes them on every
 * call, which showed up in profiles at a few thousand updates a second.
 */
export function channelMetrics(channel: string) {
  const m = channelSyncMetrics;
  const results = ['queued', 'merged', 'stale', 'unchanged', 'not_listed'] as const;
  return {
    updates: Object.fromEntries(results.map((r) => [r, m.updates.labels(channel, r)])) as Record<
      (typeof results)[number],
      ReturnType<typeof m.updates.labels>
    >,
    delivered: m.calls.labels(channel, 'delivered'),
    retried: m.calls.labels(channel, 'retry'),
    rejected: m.calls.labels(channel, 'rejected'),
    pending: m.pending.labels(channel),
    callSeconds: m.callSeconds.labels(channel),
    changeToChannelSeconds: m.changeToChannelSeconds.labels(channel),
  };
}
