"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TOPIC_BASE_NAMES = void 0;
exports.topicNames = topicNames;
/**
 * Kafka topic names of the public contract. `prefix` exists only so that test
 * suites and parallel environments can share one broker without seeing each
 * other's data; production runs with the empty prefix.
 */
exports.TOPIC_BASE_NAMES = {
    events: 'inventory.events',
    eventsDlq: 'inventory.events.dlq',
    stockLevels: 'inventory.stock-levels',
    /** Channel updates that failed after retries, and poison messages read from stock-levels. */
    channelSyncDlq: 'channel-sync.dlq',
    /** Pool definitions (PoolDefined / PoolDeleted), one partition so every reader folds them in one order. */
    pools: 'inventory.pools',
    /** Compacted, key `<channel>:<sku>`: a channel's sellable quantity of a SKU (ChannelAvailabilityMessage). */
    channelAvailability: 'inventory.channel-availability',
    /** What the ledger decided for events that asked (POST /v1/events?wait=applied): EventResultMessage. */
    eventResults: 'inventory.event-results',
};
function topicNames(prefix) {
    if (prefix === void 0) { prefix = ''; }
    return {
        events: prefix + exports.TOPIC_BASE_NAMES.events,
        eventsDlq: prefix + exports.TOPIC_BASE_NAMES.eventsDlq,
        stockLevels: prefix + exports.TOPIC_BASE_NAMES.stockLevels,
        channelSyncDlq: prefix + exports.TOPIC_BASE_NAMES.channelSyncDlq,
        pools: prefix + exports.TOPIC_BASE_NAMES.pools,
        channelAvailability: prefix + exports.TOPIC_BASE_NAMES.channelAvailability,
        eventResults: prefix + exports.TOPIC_BASE_NAMES.eventResults,
    };
}
