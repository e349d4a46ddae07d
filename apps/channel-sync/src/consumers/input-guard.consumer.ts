import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ChannelDeadLetter, TopicNames } from '@stockflow/contracts';
import {
  BatchingPublisher,
  InjectTopics,
  KafkaBatch,
  KafkaTransport,
  Message,
  PartitionBatch,
  deadLetterRecord,
} from '@stockflow/kafka';
import { ChannelSyncConfig } from '../channel-sync.config';
import { OFF_THE_DELIVERY_PATH } from './off-the-delivery-path';
import { channelSyncMetrics } from '../channel-sync.metrics';
import { decodeStockLevel } from './decode-stock-level';

/**
 * Dead-letters poison messages of inventory.stock-levels, once for all
 * channels (each channel's feed only steps over them): one bad message costs
 * one DLQ entry, with `channel: null` and its original bytes.
 */
@Controller()
export class InputGuardConsumer {
  private readonly logger = new Logger(InputGuardConsumer.name);

  constructor(
    config: ChannelSyncConfig,
    private readonly publisher: BatchingPublisher,
    @InjectTopics() private readonly topics: TopicNames,
    transport: KafkaTransport,
  ) {
    transport.define(InputGuardConsumer.name, {
      groupId: `${config.KAFKA_TOPIC_PREFIX}${config.CHANNEL_SYNC_GROUP_ID}.input`,
      topic: topics.stockLevels,
      tuning: OFF_THE_DELIVERY_PATH,
    });
  }

  @KafkaBatch(InputGuardConsumer.name)
  async handle(@Payload() { partition, messages }: PartitionBatch): Promise<void> {
    const dead: Message[] = [];
    for (const message of messages) {
      const decoded = decodeStockLevel(message);
      if (decoded.ok || decoded.code === 'tombstone') continue;
      const source = { topic: this.topics.stockLevels, partition, message };
      const record: ChannelDeadLetter = {
        ...deadLetterRecord(source, decoded.code, decoded.reason),
        channel: null,
        sku: null,
        attempts: 0,
        update: null,
        payload: null,
      };
      this.logger.warn(
        `dead-lettering ${this.topics.stockLevels}[${partition}]@${message.offset}: ${decoded.code}: ${decoded.reason}`,
      );
      channelSyncMetrics.deadLetters.inc({ channel: '_input', code: decoded.code });
      dead.push({
        key: message.key,
        value: JSON.stringify(record),
        headers: { 'x-dlq-code': decoded.code },
      });
    }
    await this.publisher.publish(this.topics.channelSyncDlq, dead);
  }
}
