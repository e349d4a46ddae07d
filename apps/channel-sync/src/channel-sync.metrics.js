"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelSyncMetrics = void 0;
exports.channelMetrics = channelMetrics;
var service_kit_1 = require("@stockflow/service-kit");
exports.channelSyncMetrics = {
    updates: (0, service_kit_1.counter)({
        name: 'stockflow_channel_sync_updates_total',
        help: 'Stock-level updates per channel by what became of them (queued, merged, stale, unchanged, not_listed)',
        labelNames: ['channel', 'result'],
    }),
    calls: (0, service_kit_1.counter)({
        name: 'stockflow_channel_sync_calls_total',
        help: 'Calls made to channels by outcome (delivered, retry, rejected)',
        labelNames: ['channel', 'outcome'],
    }),
    deadLetters: (0, service_kit_1.counter)({
        name: 'stockflow_channel_sync_dead_letters_total',
        help: 'Records written to channel-sync.dlq (channel "_input": poison on inventory.stock-levels)',
        labelNames: ['channel', 'code'],
    }),
    pending: (0, service_kit_1.gauge)({
        name: 'stockflow_channel_sync_pending_updates',
        help: 'SKUs with an update waiting for its channel',
        labelNames: ['channel'],
    }),
    callSeconds: (0, service_kit_1.histogram)({
        name: 'stockflow_channel_sync_call_seconds',
        help: 'Duration of one call to a channel',
        labelNames: ['channel'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    changeToChannelSeconds: (0, service_kit_1.histogram)({
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
function channelMetrics(channel) {
    var m = exports.channelSyncMetrics;
    var results = ['queued', 'merged', 'stale', 'unchanged', 'not_listed'];
    return {
        updates: Object.fromEntries(results.map(function (r) { return [r, m.updates.labels(channel, r)]; })),
        delivered: m.calls.labels(channel, 'delivered'),
        retried: m.calls.labels(channel, 'retry'),
        rejected: m.calls.labels(channel, 'rejected'),
        pending: m.pending.labels(channel),
        callSeconds: m.callSeconds.labels(channel),
        changeToChannelSeconds: m.changeToChannelSeconds.labels(channel),
    };
}
