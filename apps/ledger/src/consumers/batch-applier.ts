import { Logger } from '@nestjs/common';
import { KafkaMessage, Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { InventoryEvent, TopicNames } from '@stockflow/contracts';
import { BatchingPublisher, deadLetter } from '@stockflow/kafka';
import { foldEvents } from '@stockflow/ledger-core';
import { LogPosition, OffsetKey, loadLedgerSlice, lockOffset, saveOffset, writeBatch } from '@stockflow/persistence';
import { ledgerMetrics } from '../ledger.metrics';
import { decodeMessage } from './decode-batch';
import { stockLevelMessages } from './stock-level-messages';

export interface AppliedBatch {
  applied: number;
  deadLettered: number;
  duplicates: number;
  skipped: number;
}

/**
 * The exactly-once write path. For one partition batch, in ONE Postgres
 * transaction: lock the stored offset, skip what it already covers, fold the rest
 * with the pure core, write projections + journal, move the offset. Dead letters
 * and stock-level updates are acknowledged by Kafka before COMMIT: if the process
 * dies in between, the batch is folded again from the same log prefix to the same
 * result, so a re-publish carries identical versions that consumers drop as stale.
 */
export class BatchApplier {
  private readonly logger = new Logger(BatchApplier.name);

  constructor(
    private readonly db: DataSource,
    private readonly publisher: BatchingPublisher,
    private readonly topics: TopicNames,
    private readonly groupId: string,
  ) {}

  async apply(partition: number, messages: KafkaMessage[]): Promise<AppliedBatch> {
    const key: OffsetKey = { groupId: this.groupId, topic: this.topics.events, partition };
    const stop = ledgerMetrics.batchSeconds.startTimer();
    const outcome = await this.db.transaction(async (tx) => {
      const next = await lockOffset(tx, key);
      const fresh = messages.filter((m) => BigInt(m.offset) >= next);
      if (fresh.length === 0) return { applied: 0, deadLettered: 0, duplicates: 0, skipped: messages.length };

      const dead: Message[] = [];
      const events: InventoryEvent[] = [];
      const occurrences = new Map<string, KafkaMessage[]>();
      for (const decoded of fresh.map(decodeMessage)) {
        if (!decoded.ok) {
          dead.push(this.deadLetter(partition, decoded.message, decoded.code, decoded.reason, decoded.details));
          continue;
        }
        events.push(decoded.event);
        const seen = occurrences.get(decoded.event.eventId) ?? [];
        seen.push(decoded.message);
        occurrences.set(decoded.event.eventId, seen);
      }

      const before = await loadLedgerSlice(
        tx,
        unique(events.map((e) => e.sku)),
        unique(events.flatMap((e) => ('reservationId' in e ? [e.reservationId] : []))),
        [...occurrences.keys()],
      );
      const result = foldEvents(before, events);

      // A refused occurrence of an eventId always precedes its applied one (once
      // applied, later copies are duplicates), so refusals consume occurrences in order.
      for (const refusal of result.refusals) {
        const message = occurrences.get(refusal.eventId)!.shift()!;
        dead.push(this.deadLetter(partition, message, refusal.code, refusal.reason));
      }
      const sources = new Map<string, { event: InventoryEvent; position: LogPosition }>();
      const byId = new Map(events.map((e) => [e.eventId, e]));
      for (const entry of result.entries) {
        const message = occurrences.get(entry.eventId)![0];
        sources.set(entry.eventId, { event: byId.get(entry.eventId)!, position: { partition, offset: message.offset } });
        if (entry.wentNegative) ledgerMetrics.negativeStock.inc({ sku: entry.sku });
      }

      await writeBatch(tx, result, sources);
      await saveOffset(tx, key, BigInt(fresh[fresh.length - 1].offset) + 1n);
      await Promise.all([
        this.publisher.publish(this.topics.eventsDlq, dead),
        this.publisher.publish(this.topics.stockLevels, stockLevelMessages(before, result, new Date())),
      ]);
      return {
        applied: result.entries.length,
        deadLettered: dead.length,
        duplicates: result.duplicates.length,
        skipped: messages.length - fresh.length,
      };
    });
    stop();
    ledgerMetrics.applied.inc(outcome.applied);
    ledgerMetrics.duplicates.inc(outcome.duplicates);
    return outcome;
  }

  private deadLetter(partition: number, message: KafkaMessage, code: string, reason: string, details?: unknown) {
    this.logger.warn(`dead-lettering ${this.topics.events}[${partition}]@${message.offset}: ${code}: ${reason}`);
    ledgerMetrics.deadLettered.inc({ code });
    return deadLetter({ topic: this.topics.events, partition, message }, code, reason, details);
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
