import { Logger } from '@nestjs/common';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { Readiness } from '@stockflow/service-kit';

export interface BatchConsumerOptions {
  groupId: string;
  topic: string;
  /** Makes the batch's effect durable; offsets are committed only after it resolves. */
  handle(partition: number, messages: KafkaMessage[]): Promise<void>;
}

/** A consumer whose offsets follow its handler's durable effect (at least once; handlers are idempotent). */
export class BatchConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private crashed?: Error;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: BatchConsumerOptions,
    name: string,
    readiness: Readiness,
  ) {
    this.logger = new Logger(name);
    readiness.register(name, () => {
      if (this.crashed) throw new Error(`consumer crashed: ${this.crashed.message}`);
      if (!this.consumer) throw new Error('consumer not started');
    });
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      maxWaitTimeInMs: 100,
      retry: { retries: 8, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      this.logger.error(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        await this.options.handle(batch.partition, batch.messages);
        this.crashed = undefined;
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
        await heartbeat();
      },
    });
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
