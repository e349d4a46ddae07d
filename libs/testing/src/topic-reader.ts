import { randomBytes } from 'crypto';
import { Kafka, KafkaMessage } from 'kafkajs';
import { waitFor } from './wait-for';

/** Reads a topic from the beginning until `count` messages arrived (or times out). */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 30_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({
    groupId: `test-reader-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    await waitFor(() => messages.length >= count, {
      timeoutMs,
      what: `${count} messages on ${topic} (got ${messages.length})`,
    });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
