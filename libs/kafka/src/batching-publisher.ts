import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { Coalescer } from '@stockflow/runtime';
import { currentTraceHeaders } from '@stockflow/tracing';

interface Publication {
  topic: string;
  messages: Message[];
}

/**
 * Most bytes of message values one produce request carries. The broker refuses
 * a record batch over `message.max.bytes` (1 MiB by default) whole, and a send
 * holds one batch per partition; a ledger batch over a large backlog can have
 * thousands of stock levels for one partition (~560 bytes each with the
 * per-location states), so a coalesced send is split into requests of at most
 * this much, sent one after the other (order per partition is kept: one in flight).
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

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
  /** One send in flight (the idempotent producer allows no more); no cap on what joins the next. */
  private readonly sends = new Coalescer<Publication, void>(
    async (batch) => {
      for (const topicMessages of splitBySize(groupByTopic(batch), MAX_REQUEST_BYTES)) {
        await this.producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.None,
          topicMessages,
        });
      }
      return batch.map(() => undefined);
    },
    1,
    Number.POSITIVE_INFINITY,
  );

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

  /**
   * Messages published inside a span carry its `traceparent` (unless they set
   * their own), so the consumer continues the producer's trace. Read here, at
   * submit time: by the time the coalesced send runs, the caller's context is gone.
   */
  publish(topic: string, messages: Message[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    const trace = currentTraceHeaders();
    const traced = trace
      ? messages.map((m) =>
          m.headers?.traceparent ? m : { ...m, headers: { ...m.headers, ...trace } },
        )
      : messages;
    return this.sends.submit({ topic, messages: traced });
  }
}

function groupByTopic(batch: Publication[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const p of batch) {
    const list = byTopic.get(p.topic) ?? [];
    list.push(...p.messages);
    byTopic.set(p.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** Consecutive slices of the grouped messages, each at most `maxBytes` of keys and values (a larger single message goes alone). */
export function splitBySize(
  groups: { topic: string; messages: Message[] }[],
  maxBytes: number,
): { topic: string; messages: Message[] }[][] {
  const requests: { topic: string; messages: Message[] }[][] = [];
  let current: { topic: string; messages: Message[] }[] = [];
  let bytes = 0;
  for (const { topic, messages } of groups) {
    let slice: Message[] = [];
    current.push({ topic, messages: slice });
    for (const message of messages) {
      const size = sizeOf(message.value) + sizeOf(message.key);
      if (bytes > 0 && bytes + size > maxBytes) {
        requests.push(current.filter((g) => g.messages.length > 0));
        slice = [];
        current = [{ topic, messages: slice }];
        bytes = 0;
      }
      slice.push(message);
      bytes += size;
    }
  }
  const last = current.filter((g) => g.messages.length > 0);
  if (last.length > 0) requests.push(last);
  return requests;
}

function sizeOf(value: Message['value'] | Message['key']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
