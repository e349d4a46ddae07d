import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { StockLevelMessage, TopicNames } from '@stockflow/contracts';
import { InjectTopics, KafkaBatch, KafkaTransport, PartitionBatch } from '@stockflow/kafka';
import { RESERVATIONS, ReservationContext, applyStockLevels } from '@stockflow/reservations';
import { OrdersConfig } from '../orders.config';

/**
 * Keeps the Redis counters following the ledger: each inventory.stock-levels
 * message moves its sku's counter by externalAvailableDelta exactly once (the
 * version check is in the script), so receipts, POS sales, adjustments and counts
 * reach checkout; reservations and releases were applied in Redis when issued.
 * Read from the beginning of the compacted topic: older versions are skipped by the script.
 */
@Controller()
export class StockLevelsConsumer {
  private readonly logger = new Logger('stock-levels');

  constructor(
    config: OrdersConfig,
    @InjectTopics() private readonly topics: TopicNames,
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
    transport: KafkaTransport,
  ) {
    transport.define('stock-levels', {
      groupId: `${config.KAFKA_TOPIC_PREFIX}${config.ORDERS_GROUP_ID}-stock-levels`,
      topic: topics.stockLevels,
      tuning: { maxWaitTimeInMs: 250, sessionTimeout: 15_000, heartbeatInterval: 2_000 },
      // Redis down: the counters wait for it rather than skipping a level.
      retryInPlace: true,
    });
  }

  @KafkaBatch('stock-levels')
  async handle(@Payload() { partition, messages }: PartitionBatch): Promise<void> {
    const updates: StockLevelMessage[] = [];
    for (const message of messages) {
      try {
        updates.push(JSON.parse(message.value?.toString('utf8') ?? ''));
      } catch {
        // Skipping is safe: the next message of its sku shows a version gap and the counter is rebuilt.
        this.logger.warn(
          `skipping unreadable ${this.topics.stockLevels}[${partition}]@${message.offset}`,
        );
      }
    }
    await applyStockLevels(this.reservations, updates);
  }
}
