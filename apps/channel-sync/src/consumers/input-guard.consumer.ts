import { Injectable } from '@nestjs/common';
import { Kafka, KafkaMessage, Message } from 'kafkajs';
import { ChannelDeadLetter, TopicNames } from '@stockflow/contracts';
import { BatchConsumer, BatchingPublisher, InjectTopics, deadLetterRecord } from '@stockflow/kafka';
import { Readiness } from '@stockflow/runtime';
import { ChannelSyncConfig } from '../channel-sync.config';
import { OFF_THE_DELIVERY_PATH } from './off-the-delivery-path';
import { channelSyncMetrics } from '../channel-sync.metrics';
import { decodeStockLevel } from './decode-stock-level';

/**
 * Dead-letters poison messages of inventory.stock-levels, once for all
 * channels (each channel's feed only steps over them): one bad message costs
 * one DLQ entry, with `channel: null` and its original bytes.
 */
@Injectable()
export class InputGuardConsumer extends BatchConsumer {
  constructor(
    config: ChannelSyncConfig,
    kafka: Kafka,
    private readonly publisher: BatchingPublisher,
    @InjectTopics() private readonly topics: TopicNames,
    readiness: Readiness,
  ) {
    const groupId = `${config.KAFKA_TOPIC_PREFIX}${config.CHANNEL_SYNC_GROUP_ID}.input`;
    super(
      kafka,
      { groupId, topic: topics.stockLevels, tuning: OFF_THE_DELIVERY_PATH },
      InputGuardConsumer.name,
      readiness,
    );
  }

  protected async handle(partition: number, messages: KafkaMessage[]): Promise<void> {
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
