import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';

interface Pending {
  topic: string;
  messages: Message[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Idempotent producer (acks=all) that coalesces concurrent `publish` calls.
 * An idempotent kafkajs producer allows one request in flight per broker, so
 * sending each HTTP request's messages separately would queue them behind one
 * another; instead, whatever arrives while a send is in flight goes out together
 * in the next one. A caller's promise resolves only once the broker has
 * acknowledged its messages, so a 202 always means "durably in the log".
 */
export class BatchingPublisher {
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private sending = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner, // murmur2, same key->partition as Java clients
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  publish(topic: string, messages: Message[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ topic, messages, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.None,
          topicMessages: groupByTopic(batch),
        });
        batch.forEach((p) => p.resolve());
      } catch (error) {
        batch.forEach((p) => p.reject(error as Error));
      }
    }
    this.sending = false;
  }
}

function groupByTopic(batch: Pending[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const p of batch) {
    const list = byTopic.get(p.topic) ?? [];
    list.push(...p.messages);
    byTopic.set(p.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
