import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { Readiness } from '@stockflow/service-kit';

/**
 * A consumer whose offsets follow its handler's durable effect: a batch's
 * offsets are committed only after `handle` resolved (at least once; handlers
 * are idempotent). Subclasses are Nest providers: they start with the app and
 * leave the group on SIGTERM, and /health/ready waits for them.
 */
export abstract class BatchConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private consumer?: Consumer;
  private crashed?: Error;

  protected constructor(
    private readonly kafka: Kafka,
    private readonly subscription: { groupId: string; topic: string },
    name: string,
    readiness: Readiness,
  ) {
    this.logger = new Logger(name);
    readiness.register(name, () => {
      if (this.crashed) throw new Error(`consumer crashed: ${this.crashed.message}`);
      if (!this.consumer) throw new Error('consumer not started');
    });
  }

  /** Makes the batch's effect durable. */
  protected abstract handle(partition: number, messages: KafkaMessage[]): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.subscription.groupId,
      // Off the delivery path: bigger, rarer fetches (see ChannelFeed).
      minBytes: 64 * 1024,
      maxWaitTimeInMs: 200,
      retry: { retries: 8, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      this.logger.error(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.subscription.topic, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        await this.handle(batch.partition, batch.messages);
        this.crashed = undefined;
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
        await heartbeat();
      },
    });
    this.consumer = consumer;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
