import { Inject, Injectable } from '@nestjs/common';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BatchConsumer, BatchingPublisher, TOPICS } from '@stockflow/kafka';
import { Readiness } from '@stockflow/runtime';
import { LedgerConfig } from '../ledger.config';
import { BatchApplier } from './batch-applier';
import { LogBindingGuard } from './log-binding-guard';

/**
 * Runs the ledger's Kafka consumer: one Postgres transaction per partition batch
 * (BatchApplier). Postgres holds the authoritative offsets, read back on every
 * assignment and checked against the log they came from (LogBindingGuard);
 * Kafka's committed offsets are only a hint that trails them. A failing batch
 * restarts the consumer, which resumes from Postgres.
 */
@Injectable()
export class LedgerConsumer extends BatchConsumer {
  private readonly applier: BatchApplier;
  private readonly guard: LogBindingGuard;
  private kafkaConsumer?: Consumer;

  constructor(
    config: LedgerConfig,
    kafka: Kafka,
    db: DataSource,
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
    this.applier = new BatchApplier(db, publisher, topics, groupId);
    this.guard = new LogBindingGuard(kafka, db, groupId, topics.events, readiness);
  }

  protected override async prepare(consumer: Consumer): Promise<void> {
    this.kafkaConsumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) =>
      this.guard.onAssigned(consumer, payload.memberAssignment?.[this.topics.events] ?? []),
    );
  }

  protected async handle(partition: number, messages: KafkaMessage[]): Promise<void> {
    const admitted = await this.guard.admit(this.kafkaConsumer!, partition, messages);
    if (admitted.length > 0)
      await this.applier.apply(partition, admitted, {
        clusterId: this.guard.clusterId,
        partitions: this.guard.partitions,
      });
  }
}
