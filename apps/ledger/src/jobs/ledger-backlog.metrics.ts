import { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BacklogMetrics, Kafka, TOPICS, lagFromStoredOffsets } from '@stockflow/kafka';
import { ConsumerOffsetRepository } from '@stockflow/persistence';
import { METRIC_REFRESHERS, MetricRefreshLoop } from '@stockflow/service-kit';
import { LedgerConfig } from '../ledger.config';

/**
 * The ledger's lag is measured against the offsets it stores in Postgres with
 * each batch: those are the ones it resumes from. Kafka's committed offsets for
 * its group only trail them as a hint (and an instance that crashed before its
 * next auto-commit would show a lag it does not have).
 */
export function ledgerBacklogMetrics(config: LedgerConfig): Provider[] {
  const group = config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID;
  return [
    {
      provide: METRIC_REFRESHERS,
      inject: [Kafka, DataSource, TOPICS],
      useFactory: (kafka: Kafka, db: DataSource, topics: TopicNames) => [
        new BacklogMetrics(kafka, {
          lag: async (admin) =>
            lagFromStoredOffsets(
              admin,
              group,
              topics.events,
              await new ConsumerOffsetRepository(db).nextOffsets(group, topics.events),
            ),
          dlqTopics: [topics.eventsDlq],
        }),
      ],
    },
    MetricRefreshLoop,
  ];
}
