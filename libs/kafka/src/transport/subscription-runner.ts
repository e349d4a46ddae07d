import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { Readiness } from '@stockflow/runtime';
import { inBatchSpan } from '../batch-span';
import { batchRetries, trackLastBatch } from './consumer-metrics';
import { ConsumerControl, KafkaBatchContext } from './kafka-batch-context';
import { BatchHandler, KafkaSubscription } from './kafka-subscription';

/** How often an `after-handler` subscription commits when it sets no interval. */
const DEFAULT_COMMIT_INTERVAL_MS = 1_000;

/**
 * One subscription's kafkajs consumer: its own group, an eachBatch loop with
 * manual resolve, the commit policy, retry in place, crash and readiness
 * reporting, and the drain on close. A batch that arrives while stopping or
 * after losing the partition is abandoned untouched (the next owner gets it).
 *
 * Offsets are committed by this runner on a timer, never by kafkajs: its
 * autoCommit sends an OffsetCommit after every batch whatever
 * `autoCommitInterval` says (kafkajs 2.2.4 runner), which on busy consumers
 * was a third of all requests the broker served.
 */
export class SubscriptionRunner {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private crashed?: Error;
  private stopping = false;
  private lastBatchAt?: number;
  private untrack?: () => void;
  private commitTimer?: NodeJS.Timeout;
  private starting?: Promise<void>;
  /** Partitions this member owns, and what it committed on each since joining. */
  private owned = new Set<number>();
  private committed = new Map<number, number>();
  /** `after-handler` policy: partition -> next offset to read, once its batch's handler resolved. */
  private handled = new Map<number, number>();
  /** Batches whose handlers are running: stop() waits for them before the last commit. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly kafka: Kafka,
    readonly subscription: KafkaSubscription,
    private readonly handler: BatchHandler,
    readiness: Readiness,
  ) {
    this.logger = new Logger(subscription.name);
    readiness.register(subscription.name, () => {
      if (this.crashed) throw new Error(`consumer crashed: ${this.crashed.message}`);
      if (!this.consumer) throw new Error('consumer not started');
    });
  }

  start(): Promise<void> {
    this.starting ??= this.connectAndRun();
    return this.starting;
  }

  private async connectAndRun(): Promise<void> {
    const { groupId, topic, tuning, partitionsConsumedConcurrently, commit } = this.subscription;
    const consumer = this.kafka.consumer({
      retry: { retries: 8, restartOnFailure: async () => true },
      ...tuning,
      groupId,
    });
    const control: ConsumerControl = {
      pause: () => consumer.pause([{ topic }]),
      resume: () => consumer.resume([{ topic }]),
      seek: (partition, offset) => consumer.seek({ topic, partition, offset }),
    };
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      this.logger.error(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`);
    });
    // Rejoined after a crash (e.g. "coordinator is loading" on a fresh broker): ready again,
    // not only once a non-empty batch arrives, which on a quiet topic may take forever.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.crashed = undefined;
      this.lastBatchAt = Date.now();
      const partitions = payload.memberAssignment?.[topic] ?? [];
      // Kafka resumes every owned partition from its committed offset; what we knew before may be stale.
      this.owned = new Set(partitions);
      this.committed = new Map();
      this.handled = new Map();
      this.subscription.onAssigned?.(partitions, control);
    });
    await this.subscription.prepare?.();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: this.subscription.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload, control),
    });
    this.consumer = consumer;
    this.untrack = trackLastBatch(this, groupId, topic, () => this.lastBatchAt);
    this.commitTimer = setInterval(
      () => void this.commitSafe(),
      commit?.intervalMs ?? DEFAULT_COMMIT_INTERVAL_MS,
    );
  }

  /** SIGTERM: stop fetching, finish the batch in progress and the drain, commit, leave the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    clearInterval(this.commitTimer);
    this.consumer?.pause([{ topic: this.subscription.topic }]);
    // The batches in their handlers finish (their offsets become safe), then the last commit.
    await Promise.allSettled([...this.inFlight]);
    await this.subscription.drain?.();
    await this.commitSafe();
    await this.consumer?.disconnect();
    this.untrack?.();
  }

  private async onBatch(payload: EachBatchPayload, control: ConsumerControl): Promise<void> {
    if (this.stopping) return;
    const work = this.handleBatch(payload, control);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  private async handleBatch(payload: EachBatchPayload, control: ConsumerControl): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const { groupId, topic, span, commit } = this.subscription;
    const context = new KafkaBatchContext([groupId, topic, batch.partition, control, isStale]);
    const partitionBatch = { topic, partition: batch.partition, messages: batch.messages };
    const handle = () => this.handler(partitionBatch, context);
    const run = span
      ? () => inBatchSpan(span, topic, batch.partition, batch.messages, handle)
      : handle;
    if (commit?.mode === 'reported') {
      // Only moves the fetch position; what is committed is what the handler reports safe.
      await run();
      resolveOffset(batch.lastOffset());
      this.lastBatchAt = Date.now();
      return;
    }
    const done = this.subscription.retryInPlace
      ? await this.untilDone(run, { isRunning, isStale, heartbeat })
      : (await run(), true);
    if (!done) return;
    this.crashed = undefined;
    this.lastBatchAt = Date.now();
    resolveOffset(batch.lastOffset());
    this.handled.set(batch.partition, Number(batch.lastOffset()) + 1);
    await heartbeat();
  }

  /** False when the batch was abandoned (stopping, or the partition moved to another member). */
  private async untilDone(
    run: () => Promise<unknown>,
    control: { isRunning(): boolean; isStale(): boolean; heartbeat(): Promise<void> },
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await run();
        return true;
      } catch (error) {
        batchRetries.inc({ consumer: this.subscription.name });
        this.logger.warn(
          `batch failed (attempt ${attempt}), retrying: ${(error as Error).message}`,
        );
        if (this.stopping || !control.isRunning() || control.isStale()) return false;
        await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 2000)));
        await control.heartbeat().catch(() => undefined);
      }
    }
  }

  /** Commits, on the partitions still owned, what the policy says is safe and was not committed yet. */
  private async commitSafe(): Promise<void> {
    const { commit, topic } = this.subscription;
    if (!this.consumer) return;
    const safe = commit?.mode === 'reported' ? commit.safeOffsets() : this.handled;
    const offsets = [...safe]
      .filter(
        ([partition, offset]) =>
          this.owned.has(partition) && offset > (this.committed.get(partition) ?? -1),
      )
      .map(([partition, offset]) => ({ topic, partition, offset: offset.toString() }));
    if (offsets.length === 0) return;
    try {
      await this.consumer.commitOffsets(offsets);
      for (const o of offsets) this.committed.set(o.partition, Number(o.offset));
    } catch (error) {
      // A rebalance or a coordinator move; the next tick commits again (nothing is lost by waiting).
      this.logger.warn(`commit failed, will retry: ${(error as Error).message}`);
    }
  }
}
