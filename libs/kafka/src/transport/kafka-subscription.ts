import { ConsumerConfig, KafkaMessage } from 'kafkajs';
import { ConsumerControl, KafkaBatchContext } from './kafka-batch-context';

/** One partition batch, as a handler receives it. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  messages: KafkaMessage[];
}

export type BatchHandler = (batch: PartitionBatch, context: KafkaBatchContext) => Promise<unknown>;

/**
 * When the group's offsets move forward:
 * - `after-handler`: a batch's offsets become committable once its handler
 *   resolved; they are committed every `intervalMs` (default 1 s) and on
 *   close, so a crash re-delivers at most that much (handlers are idempotent);
 * - `reported`: the fetch position moves on at once, and every `intervalMs`
 *   (and on close, after `drain`) the transport commits the offsets
 *   `safeOffsets()` reports (partition -> next offset to read), for handlers
 *   that finish their work later than they receive it (channel-sync).
 */
export type CommitPolicy =
  | { mode: 'after-handler'; intervalMs?: number }
  | { mode: 'reported'; intervalMs: number; safeOffsets: () => Map<number, number> };

/**
 * Fetch wait for consumers of topics that are quiet most of the time
 * (inventory.pools, event results). kafkajs fetches with `minBytes` 1, so the
 * broker answers as soon as one record arrives and this never delays a
 * message; it only sets how often an idle consumer asks (and what a stop or a
 * rebalance may wait for the fetch in flight). At 100 ms these consumers were
 * half of all fetches the broker served in bench:orders.
 */
export const QUIET_TOPIC_MAX_WAIT_MS = 500;

/** Everything the transport needs to run one consumer group on one topic. */
export interface KafkaSubscription {
  /** Names the consumer in logs, in /health/ready and in the retries counter. */
  name: string;
  groupId: string;
  topic: string;
  /** Fetch sizes, waits and group timeouts, on top of kafkajs' defaults. */
  tuning?: Omit<ConsumerConfig, 'groupId'>;
  /** Partition batches handled at once (each handler call must be independent). */
  partitionsConsumedConcurrently?: number;
  /** Where a group with no committed offset starts: the beginning (the default) or the end of the log. */
  fromBeginning?: boolean;
  /**
   * A failing batch is retried in place, with backoff, until it succeeds (the
   * consumer keeps its partitions and nothing later overtakes it), instead of
   * letting kafkajs restart the consumer. For idempotent handlers whose
   * dependency (Redis, Postgres, Kafka) may be down for a while.
   */
  retryInPlace?: boolean;
  /** Default: `after-handler`, committing once a second. */
  commit?: CommitPolicy;
  /** Runs the handler inside a CONSUMER span of this name linked to its messages' traces. */
  span?: string;
  /** Runs before the consumer connects: create topics, read where the log ends. */
  prepare?: () => Promise<void>;
  /**
   * Called synchronously at every GROUP_JOIN with this member's partitions,
   * before anything is fetched for them (pause here to seek first).
   */
  onAssigned?: (partitions: number[], control: ConsumerControl) => void;
  /** On close, after fetching stopped and before the last commit: let work in flight finish. */
  drain?: () => Promise<void>;
}
