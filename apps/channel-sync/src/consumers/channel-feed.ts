import { Logger } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { traceHeadersOf } from '@stockflow/tracing';
import { ChannelPipeline } from '../delivery/channel-pipeline';
import { decodeStockLevel } from './decode-stock-level';

export interface FeedOptions {
  groupId: string;
  topic: string;
  commitIntervalMs: number;
}

/**
 * One channel's Kafka consumer on inventory.stock-levels, in a consumer group
 * of its own, so each channel reads at its own pace. It hands every message to
 * the channel's pipeline at once (the pipeline coalesces), and commits only the
 * offsets the pipeline reports delivered or dead-lettered: after a crash the
 * group resumes below every update the channel had not got, and the channel
 * receives the newest state again (at least once; versions make repeats harmless).
 */
export class ChannelFeed {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private commitTimer?: NodeJS.Timeout;
  private committed = new Map<number, number>();
  private owned = new Set<number>();
  /** Readiness: the group has been joined (partitions assigned) at least once. */
  joined = false;
  crashed?: Error;

  constructor(
    private readonly kafka: Kafka,
    private readonly pipeline: ChannelPipeline,
    private readonly options: FeedOptions,
    readonly channel: string,
  ) {
    this.logger = new Logger(`feed ${channel}`);
  }

  async start(): Promise<void> {
    const { topic } = this.options;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      // Under load a fetch returns once 16 KiB (~60 stock levels) are there, at most 25 ms
      // after it was sent: one round trip per batch instead of one per trickle of messages,
      // which kept five consumers busy re-fetching. Idle, it long-polls for 25 ms.
      minBytes: 16 * 1024,
      maxWaitTimeInMs: 25,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 8, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.owned = new Set<number>(payload.memberAssignment[topic] ?? []);
      this.pipeline.keepPartitions(this.owned);
      // Kafka resumes every owned partition from its committed offset; what we knew before may be stale.
      this.committed = new Map();
      this.joined = true;
      this.crashed = undefined;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error;
      this.logger.error(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`);
    });
    await consumer.connect();
    // A new channel starts from the beginning of the compacted topic: it learns every SKU's current state.
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, isRunning, isStale }) => {
        if (!isRunning() || isStale()) return;
        for (const message of batch.messages) {
          const position = { partition: batch.partition, offset: Number(message.offset) };
          const decoded = decodeStockLevel(message);
          if (!decoded.ok) {
            this.pipeline.passOver(position);
            continue;
          }
          const { sku, version, available, locations, updatedAt } = decoded.level;
          const source = {
            topic,
            partition: batch.partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            value: message.value,
          };
          this.pipeline.offer(
            {
              sku,
              version,
              available,
              locations,
              changedAt: Date.parse(updatedAt) || undefined,
              trace: traceHeadersOf(message.headers),
            },
            { position, source },
          );
        }
        // Only moves the fetch position; what is committed is decided by the pipeline.
        resolveOffset(batch.lastOffset());
      },
    });
    this.consumer = consumer;
    this.commitTimer = setInterval(
      () => void this.commitDelivered(),
      this.options.commitIntervalMs,
    );
  }

  /**
   * SIGTERM: stop fetching, let the sends in flight finish, commit what they
   * delivered, leave the group. Updates not yet sent are not committed, so the
   * next owner of the group sends them.
   */
  async stop(): Promise<void> {
    clearInterval(this.commitTimer);
    this.consumer?.pause([{ topic: this.options.topic }]);
    await this.pipeline.stop();
    await this.commitDelivered();
    await this.consumer?.disconnect();
  }

  private async commitDelivered(): Promise<void> {
    if (!this.consumer) return;
    const offsets = [...this.pipeline.committable()]
      .filter(
        ([partition, offset]) =>
          this.owned.has(partition) && offset > (this.committed.get(partition) ?? -1),
      )
      .map(([partition, offset]) => ({
        topic: this.options.topic,
        partition,
        offset: offset.toString(),
      }));
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
