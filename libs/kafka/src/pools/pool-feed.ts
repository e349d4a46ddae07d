import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { PoolDefinition, PoolEvent, TopicNames, decodePoolEvent } from '@stockflow/contracts';
import {
  PoolDirectory,
  PoolDirectorySource,
  PoolOutcome,
  emptyDirectory,
  foldPoolEvent,
} from '@stockflow/ledger-core';
import { Readiness, counter } from '@stockflow/runtime';
import { TOPICS } from '../kafka.module';
import { KafkaTransport } from '../transport/kafka-transport';
import { QUIET_TOPIC_MAX_WAIT_MS } from '../transport/kafka-subscription';

const skipped = counter({
  name: 'stockflow_pool_events_skipped_total',
  help: 'Messages on inventory.pools that are not pool events (foreign writes), skipped',
});

export type PoolChangeListener = (
  before: PoolDirectory,
  after: PoolDirectory,
  event: PoolEvent,
) => void;

/**
 * Every process that decides or shows by pool (gateway, orders, channel-sync)
 * folds inventory.pools itself, from the beginning, in a consumer group of its
 * own: the topic holds a few definitions, and reading it whole is what makes
 * every reader's directory the same fold of the same log. Not ready until it
 * has read to the end the topic had when it started, so nobody decides on a
 * partial directory.
 */
@Injectable()
export class PoolFeed implements PoolDirectorySource {
  private directory = emptyDirectory();
  private readonly outcomes = new Map<string, (outcome: PoolOutcome) => void>();
  private readonly listeners: PoolChangeListener[] = [];
  private caughtUp = false;
  private target?: bigint;
  /** inventory.pools offset after the last applied event: grows with every pool change, the same in every reader. */
  private appliedUpTo = 0;
  private markCaughtUp!: () => void;
  private readonly caughtUpOnce = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(
    private readonly kafkaClient: Kafka,
    @Inject(TOPICS) private readonly topics: TopicNames,
    transport: KafkaTransport,
    readiness: Readiness,
  ) {
    readiness.register('pools', () => {
      if (!this.caughtUp) throw new Error('reading inventory.pools');
    });
    // Subscribed before the transport listens: the feed starts with the app's other consumers.
    // A group of one: every instance reads every definition; nothing is committed that matters.
    void transport.subscribe(
      {
        name: 'PoolFeed',
        groupId: `stockflow-pools-${randomUUID()}`,
        topic: topics.pools,
        tuning: { maxWaitTimeInMs: QUIET_TOPIC_MAX_WAIT_MS },
        prepare: async () => {
          this.target = await this.endOffset();
          if (this.target === 0n) this.setCaughtUp();
        },
      },
      ({ messages }) => this.apply(messages),
    );
  }

  current(): PoolDirectory {
    return this.directory;
  }

  /** Position of the directory in the log (0 before any pool change): channel availability's poolVersion. */
  version(): number {
    return this.appliedUpTo;
  }

  /** False while folding the history that was in the topic at startup; changes seen then are not news. */
  isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** Resolves once the feed has read the topic to where it ended at startup (see readiness). */
  whenCaughtUp(): Promise<void> {
    return this.caughtUpOnce;
  }

  pool(poolId: string): PoolDefinition | undefined {
    return this.directory.pools.get(poolId);
  }

  /** Called after each applied pool event, with the directory before and after it. */
  onChange(listener: PoolChangeListener): void {
    this.listeners.push(listener);
  }

  /** Resolves with what the fold decided for `eventId` once this feed reads it (read-your-writes for PUT/DELETE). */
  outcomeOf(eventId: string, timeoutMs: number): Promise<PoolOutcome | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.outcomes.delete(eventId);
        resolve(undefined);
      }, timeoutMs);
      this.outcomes.set(eventId, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
    });
  }

  private async apply(messages: KafkaMessage[]): Promise<void> {
    for (const message of messages) {
      const event = decodePoolEvent(message.value);
      if (!event) {
        skipped.inc();
        // A foreign write at the end of the topic must not keep the feed "not caught up" for ever.
        if (this.target !== undefined && BigInt(message.offset) + 1n >= this.target)
          this.setCaughtUp();
        continue;
      }
      const before = this.directory;
      const outcome = foldPoolEvent(before, event);
      if (outcome.applied) {
        this.directory = outcome.directory;
        this.appliedUpTo = Number(message.offset) + 1;
        for (const listener of this.listeners) listener(before, outcome.directory, event);
      }
      this.outcomes.get(event.eventId)?.(outcome);
      this.outcomes.delete(event.eventId);
      if (this.target !== undefined && BigInt(message.offset) + 1n >= this.target)
        this.setCaughtUp();
    }
  }

  private setCaughtUp(): void {
    this.caughtUp = true;
    this.markCaughtUp();
  }

  private async endOffset(): Promise<bigint> {
    const admin: Admin = this.kafkaClient.admin();
    await admin.connect();
    try {
      const [partition] = await admin.fetchTopicOffsets(this.topics.pools);
      return BigInt(partition?.high ?? '0');
    } finally {
      await admin.disconnect();
    }
  }
}
