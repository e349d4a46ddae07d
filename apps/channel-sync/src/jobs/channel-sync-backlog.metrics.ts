import { Provider } from '@nestjs/common';
import { TopicNames } from '@stockflow/contracts';
import { BacklogMetrics, Kafka, Subscription, TOPICS, committedLag } from '@stockflow/kafka';
import { METRIC_REFRESHERS, MetricRefreshLoop } from '@stockflow/service-kit';
import { ChannelSyncConfig } from '../channel-sync.config';
import { ChannelDefinition } from '@stockflow/channels';

/**
 * One group per channel on inventory.stock-levels (a slow channel lags alone),
 * plus the input guard and the DLQ index; and the depth of channel-sync.dlq.
 * Group names are bounded: one per configured channel.
 */
export function channelSyncBacklogMetrics(
  config: ChannelSyncConfig,
  channels: ChannelDefinition[],
): Provider[] {
  const group = (suffix: string) =>
    `${config.KAFKA_TOPIC_PREFIX}${config.CHANNEL_SYNC_GROUP_ID}.${suffix}`;
  return [
    {
      provide: METRIC_REFRESHERS,
      inject: [Kafka, TOPICS],
      useFactory: (kafka: Kafka, topics: TopicNames) => {
        const subscriptions: Subscription[] = [
          ...channels.map((c) => ({ group: group(c.name), topic: topics.stockLevels })),
          { group: group('input'), topic: topics.stockLevels },
          { group: group('dlq-index'), topic: topics.channelSyncDlq },
        ];
        return [
          new BacklogMetrics(kafka, {
            lag: committedLag(subscriptions),
            dlqTopics: [topics.channelSyncDlq],
          }),
        ];
      },
    },
    MetricRefreshLoop,
  ];
}
