import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { BatchingPublisher, KafkaMessage, deadLetter } from '@stockflow/kafka';
import { OffsetKey, foldPartitionBatch, sqlPool } from '@stockflow/persistence';
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

/**
 * The exactly-once write path. For one partition batch, in ONE Postgres
 * transaction: foldPartitionBatch (lock the stored offset, skip what it already
 * covers, fold the rest with the pure core, write projections + journal, move the
 * offset), then dead letters and stock-level updates, acknowledged by Kafka before
 * COMMIT: if the process dies in between, the batch is folded again from the same
 * log prefix to the same result, so a re-publish carries identical versions that
 * consumers drop as stale.
 */
export class BatchApplier {
  private readonly logger = new Logger(BatchApplier.name);

  constructor(
    private readonly db: DataSource,
    private readonly publisher: BatchingPublisher,
    private readonly topics: TopicNames,
    private readonly groupId: string,
  ) {}

  apply(
    partition: number,
    messages: KafkaMessage[],
    source: BatchSource = {},
  ): Promise<AppliedBatch> {
    return tracedBatch(this.topics.events, partition, messages, (stamp) =>
      this.applyBatch(partition, messages, source, stamp),
    );
  }

  private async applyBatch(
    partition: number,
    messages: KafkaMessage[],
    source: BatchSource,
    stampTrace: StampTrace,
  ): Promise<AppliedBatch> {
    const key: OffsetKey = { groupId: this.groupId, topic: this.topics.events, partition };
    const stop = ledgerMetrics.batchSeconds.startTimer();
    const outcome = await sqlPool(this.db).transaction(async (tx) => {
      const folded = await foldPartitionBatch(tx, key, messages, {
        clusterId: source.clusterId,
        handOff: (m) => isMisrouted(m, partition, source.partitions),
      });
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
      await Promise.all([
        this.publisher.publish(this.topics.eventsDlq, dead),
        this.publisher.publish(
          this.topics.events,
          handedOff.map((m) => rerouted(m, partition, source.partitions!)),
        ),
        this.publisher.publish(
          this.topics.stockLevels,
          stampTrace(stockLevelMessages(before, result, events, new Date())),
        ),
        this.publisher.publish(this.topics.eventResults, eventResultMessages(decided, folded)),
      ]);
      return {
        applied: result.entries.length,
        deadLettered: dead.length,
        duplicates: result.duplicates.length,
        skipped,
        rerouted: handedOff.length,
      };
    });
    stop();
    ledgerMetrics.applied.inc(outcome.applied);
    ledgerMetrics.duplicates.inc(outcome.duplicates);
    return outcome;
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
