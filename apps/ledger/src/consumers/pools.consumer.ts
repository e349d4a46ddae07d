import { Inject, Injectable } from '@nestjs/common';
import { Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BatchConsumer, TOPICS } from '@stockflow/kafka';
import { applyPoolBatch, sqlPool } from '@stockflow/persistence';
import { Readiness } from '@stockflow/runtime';
import { LedgerConfig } from '../ledger.config';

/**
 * Keeps the `pools` table: the ledger's durable projection of inventory.pools,
 * which `npm run replay` rebuilds and compares like every other projection.
 * Services that decide by pool fold the topic themselves (PoolFeed); this table
 * is for SQL readers and for proving replay = live.
 */
@Injectable()
export class PoolsConsumer extends BatchConsumer {
  private readonly groupId: string;

  constructor(
    config: LedgerConfig,
    kafka: Kafka,
    private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    readiness: Readiness,
  ) {
    const groupId = `${config.KAFKA_TOPIC_PREFIX}${config.LEDGER_GROUP_ID}-pools`;
    // The events consumer's group timeouts: the app's start waits for this group's
    // join too, and a SIGKILLed member would otherwise hold it for the default 30 s.
    const tuning = {
      maxWaitTimeInMs: 100,
      sessionTimeout: 10_000,
      rebalanceTimeout: 20_000,
      heartbeatInterval: 2_000,
    };
    super(
      kafka,
      { groupId, topic: topics.pools, tuning, retryFailedBatches: true },
      'pools-consumer',
      readiness,
    );
    this.groupId = groupId;
  }

  protected async handle(partition: number, messages: KafkaMessage[]): Promise<void> {
    const key = { groupId: this.groupId, topic: this.topics.pools, partition };
    await sqlPool(this.db).transaction((tx) => applyPoolBatch(tx, key, messages));
  }
}
