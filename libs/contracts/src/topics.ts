/**
 * Kafka topic names of the public contract. `prefix` exists only so that test
 * suites and parallel environments can share one broker without seeing each
 * other's data; production runs with the empty prefix.
 */
export const TOPIC_BASE_NAMES = {
  events: 'inventory.events',
  eventsDlq: 'inventory.events.dlq',
  stockLevels: 'inventory.stock-levels',
  /** Channel updates that failed after retries, and poison messages read from stock-levels. */
  channelSyncDlq: 'channel-sync.dlq',
} as const;

export type TopicKey = keyof typeof TOPIC_BASE_NAMES;
export type TopicNames = Record<TopicKey, string>;

export function topicNames(prefix = ''): TopicNames {
  return {
    events: prefix + TOPIC_BASE_NAMES.events,
    eventsDlq: prefix + TOPIC_BASE_NAMES.eventsDlq,
    stockLevels: prefix + TOPIC_BASE_NAMES.stockLevels,
    channelSyncDlq: prefix + TOPIC_BASE_NAMES.channelSyncDlq,
  };
}
