import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkAnchor, planResume, recordFingerprint } from '@stockflow/contracts';
import { ConsumerControl, Kafka, KafkaMessage, readLogNow } from '@stockflow/kafka';
import { ConsumerOffsetRepository } from '@stockflow/persistence';
import { Readiness } from '@stockflow/runtime';

/** 1 + 2 + 4 + 8 s of retries: a broker still electing leaders at startup answers within that. */
const CHECK_ATTEMPTS = 5;
const WAY_FORWARD =
  'nothing is applied until an operator decides: fold this log into fresh projections (a new database, or npm run replay), ' +
  'or reset the stored offsets (docs/ledger.md, "When the log changes under the ledger")';

/**
 * Keeps the ledger from resuming offsets that belong to another log. On every
 * assignment it compares the stored offsets with the broker (cluster id, log
 * start and end) and seeks one record early where it can, so the first batch
 * proves the last applied record is still there (its fingerprint, the anchor).
 * Any mismatch: the topic is paused, /health/ready fails naming both sides, and
 * nothing is applied or skipped until an operator acts (never a silent skip).
 */
export class LogBindingGuard {
  private readonly logger = new Logger('log-binding');
  /** The cluster the current assignment was checked against; stored with every offset. */
  clusterId?: string;
  /** The topic's partition count, as the broker described it at the last assignment (to check keys' partitions). */
  partitions?: number;
  private refusal?: string;
  private checked: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, { offset: bigint; anchor: string }>();

  constructor(
    private readonly kafka: Kafka,
    private readonly db: DataSource,
    private readonly groupId: string,
    private readonly topic: string,
    readiness: Readiness,
  ) {
    readiness.register('log-binding', () => {
      if (this.refusal) throw new Error(`refusing to consume: ${this.refusal}; ${WAY_FORWARD}`);
    });
  }

  /**
   * Called synchronously from GROUP_JOIN, before kafkajs fetches for the new
   * assignment: the topic stays paused until the check has sought every
   * partition, so no batch fetched from Kafka's committed hint can arrive ahead
   * of the seek (it would start past the anchor and look like a foreign log).
   */
  onAssigned(partitions: number[], consumer: ConsumerControl): void {
    consumer.pause();
    this.checked = this.checkWithRetries(consumer, partitions);
  }

  /**
   * The messages of a batch that may be applied: none while refusing; the
   * anchor record is checked and dropped. A batch fetched before the check's
   * seek (it waited here while the check ran, e.g. after a rejoin that followed
   * a broker stall) is stale: dropped, the next fetch starts at the anchor.
   */
  async admit(
    batch: { consumer: ConsumerControl; stale: boolean },
    partition: number,
    messages: KafkaMessage[],
  ): Promise<KafkaMessage[]> {
    await this.checked;
    if (this.refusal || batch.stale) return [];
    const consumer = batch.consumer;
    const verify = this.pending.get(partition);
    if (!verify) return messages;
    const result = checkAnchor(messages, verify, recordFingerprint, `${this.topic}[${partition}]`);
    if (result.outcome === 'mismatch') {
      this.refuse(consumer, `${result.reason} (cluster ${this.clusterId})`);
      return [];
    }
    if (result.outcome === 'verified') this.pending.delete(partition);
    return result.rest;
  }

  /** A broker or Postgres that does not answer yet is retried; one that keeps failing refuses (the next assignment checks again). */
  private async checkWithRetries(consumer: ConsumerControl, partitions: number[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.check(consumer, partitions);
      } catch (error) {
        if (attempt >= CHECK_ATTEMPTS) {
          return this.refuse(
            consumer,
            `could not compare the stored offsets with the log: ${(error as Error).message}`,
          );
        }
        this.logger.warn(
          `comparing stored offsets with the log failed (attempt ${attempt}): ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  }

  private async check(consumer: ConsumerControl, partitions: number[]): Promise<void> {
    this.pending.clear();
    const [log, stored] = await Promise.all([
      readLogNow(this.kafka, this.topic),
      new ConsumerOffsetRepository(this.db).stored(this.groupId, this.topic),
    ]);
    const plans = partitions.map((p) => planResume(p, stored.get(p), log, this.topic));
    const refused = plans.flatMap((plan) => (plan.action === 'refuse' ? [plan.reason] : []));
    if (refused.length > 0) return this.refuse(consumer, refused.join('; '));
    this.refusal = undefined;
    this.clusterId = log.clusterId;
    this.partitions = log.watermarks.size;
    for (const plan of plans) {
      if (plan.action !== 'resume') continue;
      if (plan.verify) this.pending.set(plan.partition, plan.verify);
      consumer.seek(plan.partition, plan.seekTo.toString());
    }
    consumer.resume();
    this.logger.log(
      `assigned partitions [${partitions.join(', ')}] of cluster ${log.clusterId}; resuming from offsets stored in Postgres ` +
        `(${this.pending.size} to verify by their last applied record)`,
    );
  }

  private refuse(consumer: ConsumerControl, reason: string): void {
    this.refusal = reason;
    consumer.pause();
    this.logger.error(`refusing to consume ${this.topic}: ${reason}; ${WAY_FORWARD}`);
  }
}
