import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { StockLevelMessage, TopicNames } from '@stockflow/contracts';
import { InjectTopics } from '@stockflow/kafka';
import { RESERVATIONS, ReservationContext, applyStockLevels } from '@stockflow/reservations';
import { OrdersConfig } from '../orders.config';
import { retryBatch } from './retry-batch';

/**
 * Keeps the Redis counters following the ledger: each inventory.stock-levels
 * message moves its sku's counter by externalAvailableDelta exactly once (the
 * version check is in the script), so receipts, POS sales, adjustments and counts
 * reach checkout; reservations and releases were applied in Redis when issued.
 */
@Injectable()
export class StockLevelsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StockLevelsConsumer.name);
  private consumer?: Consumer;

  constructor(
    private readonly config: OrdersConfig,
    private readonly kafka: Kafka,
    @InjectTopics() private readonly topics: TopicNames,
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `${this.config.KAFKA_TOPIC_PREFIX}${this.config.ORDERS_GROUP_ID}-stock-levels`,
      maxWaitTimeInMs: 250,
      sessionTimeout: 15_000,
      heartbeatInterval: 2_000,
      retry: { retries: 8, restartOnFailure: async () => true },
    });
    await consumer.connect();
    // From the beginning of the compacted topic: older versions are skipped by the script.
    await consumer.subscribe({ topic: this.topics.stockLevels, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const updates: StockLevelMessage[] = [];
        for (const message of batch.messages) {
          try {
            updates.push(JSON.parse(message.value?.toString('utf8') ?? ''));
          } catch {
            // Skipping is safe: the next message of its sku shows a version gap and the counter is rebuilt.
            this.logger.warn(`skipping unreadable ${batch.topic}[${batch.partition}]@${message.offset}`);
          }
        }
        const done = await retryBatch('stock-levels', { isRunning, isStale, heartbeat }, async () => {
          await applyStockLevels(this.reservations, updates);
        });
        if (!done) return;
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
      },
    });
    this.consumer = consumer;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
