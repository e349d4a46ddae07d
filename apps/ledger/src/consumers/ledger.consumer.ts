import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BatchingPublisher, TOPICS } from '@stockflow/kafka';
import { readOffsets } from '@stockflow/persistence';
import { Readiness } from '@stockflow/service-kit';
import { LedgerConfig } from '../ledger.config';
import { BatchApplier } from './batch-applier';

/**
 * Runs the ledger's Kafka consumer: kafkajs eachBatch, one Postgres transaction
 * per partition batch (BatchApplier). Postgres holds the authoritative offsets;
 * Kafka's committed offsets are only a hint that trails them.
 */
@Injectable()
export class LedgerConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LedgerConsumer.name);
  private consumer?: Consumer;
  private crashed?: Error;

  constructor(
    private readonly config: LedgerConfig,
    private readonly kafka: Kafka,
    private readonly db: DataSource,
    private readonly publisher: BatchingPublisher,
    @Inject(TOPICS) private readonly topics: TopicNames,
    readiness: Readiness,
  ) {
    readiness.register('kafka-consumer', () => {
      if (this.crashed) throw new Error(`consumer crashed: ${this.crashed.message}`);
      if (!this.consumer) throw new Error('consumer not started');
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const groupId = this.config.KAFKA_TOPIC_PREFIX + this.config.LEDGER_GROUP_ID;
    const applier = new BatchApplier(this.db, this.publisher, this.topics, groupId);
    const consumer = this.kafka.consumer({
      groupId,
      maxBytesPerPartition: this.config.LEDGER_MAX_BYTES_PER_PARTITION,
      maxWaitTimeInMs: 100,
      // A SIGKILLed member holds its partitions until the group gives up on it:
      // short session and rebalance timeouts bound that pause to ~20 s. Batches
      // take well under a second, and we heartbeat after each one.
      sessionTimeout: 10_000,
      rebalanceTimeout: 20_000,
      heartbeatInterval: 2_000,
      retry: { retries: 8, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.resumeFromStoredOffsets(consumer, groupId, payload));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      this.logger.error(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.topics.events, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.LEDGER_PARTITIONS_CONCURRENCY,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        // Stopping or rebalanced away: abandon before touching the database; the
        // next owner starts from the offset stored in Postgres.
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        await applier.apply(batch.partition, batch.messages);
        this.crashed = undefined;
        resolveOffset(batch.lastOffset());
        await heartbeat();
      },
    });
    this.consumer = consumer;
  }

  /**
   * SIGTERM: kafkajs lets the batch in progress finish (its transaction commits or
   * rolls back whole) before the producer and the database close after this hook.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async resumeFromStoredOffsets(consumer: Consumer, groupId: string, payload: any): Promise<void> {
    const partitions: number[] = payload.memberAssignment?.[this.topics.events] ?? [];
    const stored = await readOffsets(this.db, groupId, this.topics.events);
    for (const partition of partitions) {
      const offset = stored.get(partition);
      if (offset !== undefined) consumer.seek({ topic: this.topics.events, partition, offset });
    }
    this.logger.log(`assigned partitions [${partitions.join(', ')}], resuming from offsets stored in Postgres`);
  }
}
