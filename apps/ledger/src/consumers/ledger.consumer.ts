import { Inject, Injectable } from '@nestjs/common';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BatchConsumer, BatchingPublisher, TOPICS } from '@stockflow/kafka';
import { readOffsets } from '@stockflow/persistence';
import { Readiness } from '@stockflow/service-kit';
import { LedgerConfig } from '../ledger.config';
import { BatchApplier } from './batch-applier';

/**
 * Runs the ledger's Kafka consumer: one Postgres transaction per partition batch
 * (BatchApplier). Postgres holds the authoritative offsets, read back on every
 * assignment; Kafka's committed offsets are only a hint that trails them. A
 * failing batch restarts the consumer, which resumes from Postgres.
 */
@Injectable()
export class LedgerConsumer extends BatchConsumer {
  private readonly applier: BatchApplier;
  private readonly groupId: string;

  constructor(
    config: LedgerConfig,
    kafka: Kafka,
    private readonly db: DataSource,
    publisher: BatchingPublisher,
    @Inject(TOPICS) private readonly topics: TopicNames,
    readiness: Readiness,
  ) {
    const groupId = config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID;
    super(
      kafka,
      {
        groupId,
        topic: topics.events,
        tuning: {
          maxBytesPerPartition: config.LEDGER_MAX_BYTES_PER_PARTITION,
          maxWaitTimeInMs: 100,
          // A SIGKILLed member holds its partitions until the group gives up on it:
          // short session and rebalance timeouts bound that pause to ~20 s. Batches
          // take well under a second, and we heartbeat after each one.
          sessionTimeout: 10_000,
          rebalanceTimeout: 20_000,
          heartbeatInterval: 2_000,
        },
        partitionsConsumedConcurrently: config.LEDGER_PARTITIONS_CONCURRENCY,
        autoCommitInterval: 1_000,
      },
      'kafka-consumer',
      readiness,
    );
    this.groupId = groupId;
    this.applier = new BatchApplier(db, publisher, topics, groupId);
  }

  protected override async prepare(consumer: Consumer): Promise<void> {
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.resumeFromStoredOffsets(consumer, payload.memberAssignment));
  }

  protected async handle(partition: number, messages: KafkaMessage[]): Promise<void> {
    await this.applier.apply(partition, messages);
  }

  private async resumeFromStoredOffsets(consumer: Consumer, assignment: Record<string, number[]>): Promise<void> {
    const partitions = assignment?.[this.topics.events] ?? [];
    const stored = await readOffsets(this.db, this.groupId, this.topics.events);
    for (const partition of partitions) {
      const offset = stored.get(partition);
      if (offset !== undefined) consumer.seek({ topic: this.topics.events, partition, offset });
    }
    this.logger.log(`assigned partitions [${partitions.join(', ')}], resuming from offsets stored in Postgres`);
  }
}
