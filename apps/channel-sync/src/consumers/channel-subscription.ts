import { KafkaSubscription, PartitionBatch } from '@stockflow/kafka';
import { traceHeadersOf } from '@stockflow/tracing';
import { ChannelPipeline } from '../delivery/channel-pipeline';
import { decodeStockLevel } from './decode-stock-level';

export interface ChannelSubscriptionOptions {
  groupId: string;
  topic: string;
  commitIntervalMs: number;
}

/**
 * One channel's subscription to inventory.stock-levels, in a consumer group of
 * its own, so each channel reads at its own pace. Every message goes to the
 * channel's pipeline at once (the pipeline coalesces), and the transport
 * commits only the offsets the pipeline reports delivered or dead-lettered:
 * after a crash the group resumes below every update the channel had not got,
 * and the channel receives the newest state again (at least once; versions
 * make repeats harmless). On SIGTERM the sends in flight finish (drain) and
 * what they delivered is committed; updates not yet sent are not, so the next
 * owner of the group sends them.
 */
export function channelSubscription(
  channel: string,
  pipeline: ChannelPipeline,
  options: ChannelSubscriptionOptions,
): { subscription: KafkaSubscription; handler: (batch: PartitionBatch) => Promise<void> } {
  const { groupId, topic, commitIntervalMs } = options;
  const subscription: KafkaSubscription = {
    name: `feed ${channel}`,
    groupId,
    topic,
    tuning: {
      // Under load a fetch returns once 16 KiB (~60 stock levels) are there, at most 25 ms
      // after it was sent: one round trip per batch instead of one per trickle of messages,
      // which kept five consumers busy re-fetching. Idle, it long-polls for 25 ms.
      minBytes: 16 * 1024,
      maxWaitTimeInMs: 25,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    },
    // A new channel starts from the beginning of the compacted topic: it learns every SKU's current state.
    fromBeginning: true,
    commit: {
      mode: 'reported',
      intervalMs: commitIntervalMs,
      safeOffsets: () => pipeline.committable(),
    },
    onAssigned: (partitions) => pipeline.keepPartitions(new Set(partitions)),
    drain: () => pipeline.stop(),
  };
  const handler = async ({ partition, messages }: PartitionBatch): Promise<void> => {
    for (const message of messages) {
      const position = { partition, offset: Number(message.offset) };
      const decoded = decodeStockLevel(message);
      if (!decoded.ok) {
        pipeline.passOver(position);
        continue;
      }
      const { sku, version, available, locations, updatedAt } = decoded.level;
      const source = {
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value,
      };
      pipeline.offer(
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
  };
  return { subscription, handler };
}
