import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import {
  KafkaBatch,
  KafkaTransport,
  PartitionBatch,
  QUIET_TOPIC_MAX_WAIT_MS,
  TOPICS,
} from '@stockflow/kafka';
import { applyPoolBatch, sqlPool } from '@stockflow/persistence';
import { LedgerConfig } from '../ledger.config';

/**
 * Keeps the `pools` table: the ledger's durable projection of inventory.pools,
 * which `npm run replay` rebuilds and compares like every other projection.
 * Services that decide by pool fold the topic themselves (PoolFeed); this table
 * is for SQL readers and for proving replay = live.
 */
@Controller()
export class PoolsConsumer {
  private readonly groupId: string;

  constructor(
    config: LedgerConfig,
    private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    transport: KafkaTransport,
  ) {
    this.groupId = `${config.KAFKA_TOPIC_PREFIX}${config.LEDGER_GROUP_ID}-pools`;
    transport.define('pools-consumer', {
      groupId: this.groupId,
      topic: topics.pools,
      // The events consumer's group timeouts: the app's start waits for this group's
      // join too, and a SIGKILLed member would otherwise hold it for the default 30 s.
      tuning: {
        maxWaitTimeInMs: QUIET_TOPIC_MAX_WAIT_MS,
        sessionTimeout: 10_000,
        rebalanceTimeout: 20_000,
        heartbeatInterval: 2_000,
      },
      retryInPlace: true,
    });
  }

  @KafkaBatch('pools-consumer')
  async apply(@Payload() { partition, messages }: PartitionBatch): Promise<void> {
    const key = { groupId: this.groupId, topic: this.topics.pools, partition };
    await sqlPool(this.db).transaction((tx) => applyPoolBatch(tx, key, messages));
  }
}
