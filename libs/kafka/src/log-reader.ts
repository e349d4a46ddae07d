import { randomBytes } from 'crypto';
import { Kafka, KafkaMessage } from 'kafkajs';

/** Offsets [from, to) of one partition. */
export interface OffsetRange {
  from: bigint;
  to: bigint;
}

export interface LogReadOptions {
  kafka: Kafka;
  topic: string;
  ranges: ReadonlyMap<number, OffsetRange>;
  /** Partitions handled in parallel; each onBatch call gets one partition's messages, in log order. */
  concurrency: number;
  onBatch(partition: number, messages: KafkaMessage[]): Promise<void>;
}

/**
 * Reads exactly the given offset range of each partition, in order, and returns
 * once every range is done. A throwaway consumer group (never committed) so a
 * replay never moves anybody's offsets. Fails if onBatch fails.
 */
export async function readLogRanges(options: LogReadOptions): Promise<void> {
  const pending = new Map([...options.ranges].filter(([, r]) => r.from < r.to));
  if (pending.size === 0) return;
  const consumer = options.kafka.consumer({
    groupId: `stockflow-replay-${randomBytes(6).toString('hex')}`,
    // Large fetches: replay is throughput-bound; ~25,000 events of ~350 bytes per partition fetch.
    maxBytesPerPartition: 8 * 1024 * 1024,
    maxBytes: 32 * 1024 * 1024,
    maxWaitTimeInMs: 100,
    sessionTimeout: 60_000,
  });
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: options.concurrency,
      eachBatch: async ({ batch, heartbeat, pause }) => {
        const range = pending.get(batch.partition);
        if (!range) return;
        const wanted = batch.messages.filter(
          (m) => BigInt(m.offset) >= range.from && BigInt(m.offset) < range.to,
        );
        try {
          if (wanted.length > 0) await options.onBatch(batch.partition, wanted);
        } catch (error) {
          settle.reject(error as Error);
          pause();
          return;
        }
        await heartbeat();
        if (BigInt(batch.lastOffset()) + 1n >= range.to) {
          pending.delete(batch.partition);
          pause();
          if (pending.size === 0) settle.resolve();
        }
      },
    });
    for (const [partition, range] of pending) {
      consumer.seek({ topic: options.topic, partition, offset: range.from.toString() });
    }
    await finished;
  } finally {
    await consumer.disconnect();
  }
}
