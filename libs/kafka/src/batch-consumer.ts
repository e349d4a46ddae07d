import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Consumer, ConsumerConfig, Kafka, KafkaMessage } from 'kafkajs';
import { Readiness, counter } from '@stockflow/runtime';

export interface BatchSubscription {
  groupId: string;
  topic: string;
  /** Fetch sizes, waits and group timeouts, on top of kafkajs' defaults. */
  tuning?: Omit<ConsumerConfig, 'groupId'>;
  /** Partition batches handled at once (each handler call must be independent). */
  partitionsConsumedConcurrently?: number;
  /** Commit to Kafka at most this often; unset commits after every batch. */
  autoCommitInterval?: number;
  /**
   * A failing batch is retried in place, with backoff, until it succeeds
   * (the consumer keeps its partitions and nothing later overtakes it), instead
   * of letting kafkajs restart the consumer. For idempotent handlers whose
   * dependency (Redis, Postgres, Kafka) may be down for a while.
   */
  retryFailedBatches?: boolean;
  /** Where a group with no committed offset starts: the beginning (the default) or the end of the log. */
  fromBeginning?: boolean;
}

const batchRetries = counter({
  name: 'stockflow_consumer_batch_retries_total',
  help: 'Consumer batches retried in place because a dependency failed (the handler is idempotent)',
  labelNames: ['consumer'],
});

/**
 * The one kafkajs eachBatch loop of the services: a partition batch is handed
 * to `handle`, and its offset is resolved and committed only once `handle`
 * resolved, so a crash re-delivers it (handlers are idempotent). A batch that
 * arrives while stopping or after losing the partition is abandoned untouched.
 * Subclasses are Nest providers: they start with the app, leave the group on
 * SIGTERM after the batch in progress, and /health/ready waits for them.
 */
export abstract class BatchConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private consumer?: Consumer;
  private crashed?: Error;

  protected constructor(
    private readonly kafka: Kafka,
    private readonly subscription: BatchSubscription,
    private readonly name: string,
    readiness: Readiness,
  ) {
    this.logger = new Logger(name);
    readiness.register(name, () => {
      if (this.crashed) throw new Error(`consumer crashed: ${this.crashed.message}`);
      if (!this.consumer) throw new Error('consumer not started');
    });
  }

  /** Makes the batch's effect durable; throwing leaves the batch uncommitted. */
  protected abstract handle(partition: number, messages: KafkaMessage[]): Promise<void>;

  /** Runs before the consumer connects: create topics, listen to group events. */
  protected async prepare(_consumer: Consumer): Promise<void> {}

  async onApplicationBootstrap(): Promise<void> {
    const { groupId, topic, tuning, partitionsConsumedConcurrently, autoCommitInterval } =
      this.subscription;
    const consumer = this.kafka.consumer({
      retry: { retries: 8, restartOnFailure: async () => true },
      ...tuning,
      groupId,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      this.logger.error(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`);
    });
    // Rejoined after a crash (e.g. "coordinator is loading" on a fresh broker): ready again,
    // not only once a non-empty batch arrives, which on a quiet topic may take forever.
    consumer.on(consumer.events.GROUP_JOIN, () => (this.crashed = undefined));
    await this.prepare(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: this.subscription.fromBeginning ?? true });
    await consumer.run({
      autoCommitInterval,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        isRunning,
        isStale,
        commitOffsetsIfNecessary,
      }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const run = () => this.handle(batch.partition, batch.messages);
        const done = this.subscription.retryFailedBatches
          ? await this.untilDone(run, { isRunning, isStale, heartbeat })
          : (await run(), true);
        if (!done) return;
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

  /** False when the batch was abandoned (stopping, or the partition moved to another member). */
  private async untilDone(
    run: () => Promise<void>,
    control: { isRunning(): boolean; isStale(): boolean; heartbeat(): Promise<void> },
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await run();
        return true;
      } catch (error) {
        batchRetries.inc({ consumer: this.name });
        this.logger.warn(
          `batch failed (attempt ${attempt}), retrying: ${(error as Error).message}`,
        );
        if (!control.isRunning() || control.isStale()) return false;
        await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 2000)));
        await control.heartbeat().catch(() => undefined);
      }
    }
  }
}
