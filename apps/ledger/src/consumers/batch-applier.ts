import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BatchingPublisher, KafkaMessage, Message, deadLetter } from '@stockflow/kafka';
import {
  FoldedPartitionBatch,
  PartitionBatch,
  foldPartitionBatches,
  sqlPool,
} from '@stockflow/persistence';
import { Coalescer } from '@stockflow/runtime';
import { ledgerMetrics } from '../ledger.metrics';
import { StampTrace, tracedBatch } from './batch-trace';
import { eventResultMessages } from './event-results';
import { isMisrouted, rerouted } from './misrouted-records';
import { stockLevelMessages } from './stock-level-messages';

export interface AppliedBatch {
  applied: number;
  deadLettered: number;
  duplicates: number;
  skipped: number;
  rerouted: number;
}

/** Where the batch was read: the cluster (stored with the offset) and the topic's partition count (to check keys). */
export interface BatchSource {
  clusterId?: string;
  partitions?: number;
}

/** One partition batch waiting for the transaction it will be folded in. */
interface PartitionWork {
  partition: number;
  messages: KafkaMessage[];
  source: BatchSource;
  stamp: StampTrace;
}

/** What a partition batch adds to the messages published before COMMIT, and the answers sent after it. */
interface Publications {
  deadLetters: Message[];
  rerouted: Message[];
  stockLevels: Message[];
  eventResults: Message[];
}

/**
 * The exactly-once write path. For the partition batches of one fetch, in ONE
 * Postgres transaction: foldPartitionBatches (lock the stored offsets, skip
 * what they already cover, fold the rest with the pure core, write projections
 * + journal, move the offsets; one statement per table for all partitions),
 * then dead letters and stock-level updates of them all, acknowledged by
 * Kafka before COMMIT: if the process dies in between, the batches are folded
 * again from the same log prefixes to the same result, so a re-publish carries
 * identical versions that consumers drop as stale. The answers to writers waiting for their events (event results)
 * go out only after COMMIT: a 200 from `wait=applied` promises that a read
 * sees the write. A ledger killed between COMMIT and that produce leaves the
 * writer with the documented 202 (accepted; the outcome is in the journal).
 *
 * Batches handed out in the same turn of the event loop share the transaction
 * (kafkajs hands a fetch's partitions to its workers together): at 1,000
 * events/s a 16 KiB fetch holds ~7 events per partition, and a transaction per
 * partition cost more (BEGIN, COMMIT, a WAL flush, a produce) than folding
 * them. Partitions are locked in ascending order, so two ledgers that both
 * hold partitions during a rebalance wait for each other instead of deadlocking.
 */
export class BatchApplier {
  private readonly logger = new Logger(BatchApplier.name);
  private readonly transactions = new Coalescer<PartitionWork, AppliedBatch>(
    (batches) => this.applyTogether(batches),
    1,
    Number.POSITIVE_INFINITY,
    { gather: 'tick' },
  );

  constructor(
    private readonly db: DataSource,
    private readonly publisher: BatchingPublisher,
    private readonly topics: TopicNames,
    private readonly groupId: string,
  ) {}

  /** Resolves once the batch is committed (with the others of its transaction); rejects if that transaction failed. */
  apply(
    partition: number,
    messages: KafkaMessage[],
    source: BatchSource = {},
  ): Promise<AppliedBatch> {
    return tracedBatch(this.topics.events, partition, messages, (stamp) =>
      this.transactions.submit({ partition, messages, source, stamp }),
    );
  }

  private async applyTogether(batches: PartitionWork[]): Promise<AppliedBatch[]> {
    // Stable: two batches of one partition (a caller that did not wait) keep their order.
    const order = batches
      .map((_, i) => i)
      .sort((a, b) => batches[a].partition - batches[b].partition);
    const stop = ledgerMetrics.batchSeconds.startTimer();
    const { outcomes, answers } = await sqlPool(this.db).transaction(async (tx) => {
      const folded = await foldPartitionBatches(
        tx,
        { groupId: this.groupId, topic: this.topics.events },
        order.map((i) => this.partitionBatch(batches[i])),
      );
      const applied: AppliedBatch[] = new Array(batches.length);
      const out: Publications = {
        deadLetters: [],
        rerouted: [],
        stockLevels: [],
        eventResults: [],
      };
      order.forEach((i, n) => (applied[i] = this.publications(batches[i], folded[n], out)));
      await Promise.all([
        this.publisher.publish(this.topics.eventsDlq, out.deadLetters),
        this.publisher.publish(this.topics.events, out.rerouted),
        this.publisher.publish(this.topics.stockLevels, out.stockLevels),
      ]);
      return { outcomes: applied, answers: out.eventResults };
    });
    stop();
    await this.answer(answers);
    ledgerMetrics.transactionBatches.observe(batches.length);
    for (const outcome of outcomes) {
      ledgerMetrics.applied.inc(outcome.applied);
      ledgerMetrics.duplicates.inc(outcome.duplicates);
    }
    return outcomes;
  }

  /**
   * Committed: a failure to answer is not the batch's (folding it again would
   * skip it, covered by the stored offset), so it is logged and counted, and
   * the writers get their 202 when their wait runs out.
   */
  private async answer(results: Message[]): Promise<void> {
    try {
      await this.publisher.publish(this.topics.eventResults, results);
    } catch (err) {
      ledgerMetrics.unansweredResults.inc(results.length);
      this.logger.warn(
        `could not answer ${results.length} waiting writer(s) on ${this.topics.eventResults}: ${(err as Error).message}; they get 202 when their wait runs out`,
      );
    }
  }

  private partitionBatch({
    partition,
    messages,
    source,
  }: PartitionWork): PartitionBatch<KafkaMessage> {
    return {
      partition,
      messages,
      options: {
        clusterId: source.clusterId,
        handOff: (m) => isMisrouted(m, partition, source.partitions),
      },
    };
  }

  /** Adds what one folded partition batch publishes to `out`; returns its counts. */
  private publications(
    { partition, messages, source, stamp }: PartitionWork,
    folded: FoldedPartitionBatch<KafkaMessage>,
    out: Publications,
  ): AppliedBatch {
    const { before, result, events, rejected, skipped, handedOff } = folded;
    for (const m of handedOff) {
      this.logger.warn(
        `re-producing ${this.topics.events}[${partition}]@${m.offset}: key ${m.key} belongs to partition ${rerouted(m, partition, source.partitions!).partition} (murmur2)`,
      );
    }
    // A handed-off record is answered when its copy is applied on its right partition.
    const decided =
      handedOff.length > 0 ? messages.filter((m) => !handedOff.includes(m)) : messages;
    const dead = rejected.map((r) =>
      this.deadLetter(partition, r.message, r.code, r.reason, r.details),
    );
    for (const entry of result.entries) {
      if (entry.wentNegative) this.flagNegative(entry.sku, partition);
    }
    out.deadLetters.push(...dead);
    out.rerouted.push(...handedOff.map((m) => rerouted(m, partition, source.partitions!)));
    out.stockLevels.push(...stamp(stockLevelMessages(before, result, events, new Date())));
    out.eventResults.push(...eventResultMessages(decided, folded));
    return {
      applied: result.entries.length,
      deadLettered: dead.length,
      duplicates: result.duplicates.length,
      skipped,
      rerouted: handedOff.length,
    };
  }

  private flagNegative(sku: string, partition: number): void {
    ledgerMetrics.negativeStock.inc();
    this.logger.warn(
      `negative stock: sku=${sku} went below zero at a location (${this.topics.events}[${partition}]); review it`,
    );
  }

  private deadLetter(
    partition: number,
    message: KafkaMessage,
    code: string,
    reason: string,
    details?: unknown,
  ) {
    this.logger.warn(
      `dead-lettering ${this.topics.events}[${partition}]@${message.offset}: ${code}: ${reason}`,
    );
    ledgerMetrics.deadLettered.inc({ code });
    return deadLetter({ topic: this.topics.events, partition, message }, code, reason, details);
  }
}
