import { ITopicConfig, Kafka } from 'kafkajs';
import { TopicNames } from '@stockflow/contracts';

/** Partitions of the event log: the unit of ordering (per SKU) and of consumer scale-out. */
export const EVENT_PARTITIONS = 6;

export function contractTopicConfigs(topics: TopicNames): ITopicConfig[] {
  return [
    { topic: topics.events, numPartitions: EVENT_PARTITIONS, replicationFactor: 1 },
    { topic: topics.eventsDlq, numPartitions: 3, replicationFactor: 1 },
    {
      topic: topics.stockLevels,
      numPartitions: EVENT_PARTITIONS,
      replicationFactor: 1,
      // Compacted: a late consumer reads the newest state of every SKU, not the whole history.
      configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
    },
    { topic: topics.channelSyncDlq, numPartitions: 3, replicationFactor: 1 },
    // One partition: pool changes are rare and every reader must fold them in the same order.
    // Not compacted: replay and history need every definition, not only the last.
    {
      topic: topics.pools,
      numPartitions: 1,
      replicationFactor: 1,
      configEntries: [{ name: 'retention.ms', value: '-1' }],
    },
    {
      topic: topics.channelAvailability,
      numPartitions: EVENT_PARTITIONS,
      replicationFactor: 1,
      configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
    },
    // Answers to writers that wait: useful for seconds, kept for an hour.
    {
      topic: topics.eventResults,
      numPartitions: EVENT_PARTITIONS,
      replicationFactor: 1,
      configEntries: [{ name: 'retention.ms', value: '3600000' }],
    },
  ];
}

/** Creates the topics that are missing; existing ones are left as they are. Idempotent. */
export async function ensureTopics(kafka: Kafka, configs: ITopicConfig[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = configs.filter((c) => !existing.has(c.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
  } finally {
    await admin.disconnect();
  }
}
