import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ChannelDeadLetter, TopicNames } from '@stockflow/contracts';
import { InjectTopics, KafkaBatch, KafkaTransport, PartitionBatch } from '@stockflow/kafka';
import { ChannelSyncConfig } from '../channel-sync.config';
import { OFF_THE_DELIVERY_PATH } from './off-the-delivery-path';
import { ChannelDeadLetterRepository } from '@stockflow/persistence';

/**
 * Keeps channel_dead_letters following channel-sync.dlq. Reading the topic
 * (rather than writing the row beside the Kafka record) means the index holds
 * exactly what is durably in the DLQ, whichever instance wrote it.
 */
@Controller()
export class DeadLetterIndexConsumer {
  private readonly logger = new Logger(DeadLetterIndexConsumer.name);

  constructor(
    config: ChannelSyncConfig,
    private readonly store: ChannelDeadLetterRepository,
    @InjectTopics() private readonly topics: TopicNames,
    transport: KafkaTransport,
  ) {
    transport.define(DeadLetterIndexConsumer.name, {
      groupId: `${config.KAFKA_TOPIC_PREFIX}${config.CHANNEL_SYNC_GROUP_ID}.dlq-index`,
      topic: topics.channelSyncDlq,
      tuning: OFF_THE_DELIVERY_PATH,
    });
  }

  @KafkaBatch(DeadLetterIndexConsumer.name)
  async handle(@Payload() { partition, messages }: PartitionBatch): Promise<void> {
    const entries: { partition: number; offset: string; record: ChannelDeadLetter }[] = [];
    for (const message of messages) {
      try {
        entries.push({
          partition,
          offset: message.offset,
          record: JSON.parse(message.value?.toString('utf8') ?? ''),
        });
      } catch {
        // Only this service writes the topic; the record stays in Kafka for inspection.
        this.logger.error(
          `${this.topics.channelSyncDlq}[${partition}]@${message.offset} is not a dead-letter record; not indexed`,
        );
      }
    }
    await this.store.index(entries);
  }
}
