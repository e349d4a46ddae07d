import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventResultMessage, TopicNames } from '@stockflow/contracts';
import { KafkaMessage, KafkaTransport, QUIET_TOPIC_MAX_WAIT_MS, TOPICS } from '@stockflow/kafka';
import { Readiness } from '@stockflow/runtime';

type Waiter = (result: EventResultMessage) => void;

/**
 * This gateway instance's answers from the ledger (inventory.event-results):
 * a group of its own, so every instance reads every result and keeps those
 * addressed to it, starting at the end of the log (older answers are for
 * instances that no longer exist). Waiters are registered before the events
 * are produced, so no answer arrives unheard; ready only once the group has
 * joined, so no wait starts before the consumer's start position is fixed.
 */
@Injectable()
export class EventResults {
  /** The name the ledger answers to (REPLY_TO_HEADER): one per process. */
  readonly instanceId = randomUUID();
  /** eventId -> everyone waiting for it (two requests may carry the same eventId). */
  private readonly waiters = new Map<string, Set<Waiter>>();
  private joined = false;

  constructor(@Inject(TOPICS) topics: TopicNames, transport: KafkaTransport, readiness: Readiness) {
    readiness.register('event-results', () => {
      if (!this.joined) throw new Error('joining inventory.event-results');
    });
    void transport.subscribe(
      {
        name: 'EventResults',
        groupId: `stockflow-gateway-results-${randomUUID()}`,
        topic: topics.eventResults,
        fromBeginning: false,
        tuning: { maxWaitTimeInMs: QUIET_TOPIC_MAX_WAIT_MS },
        onAssigned: () => (this.joined = true),
      },
      ({ messages }) => this.deliver(messages),
    );
  }

  /**
   * The outcome of every eventId, or undefined when the time ran out first (the
   * events stay accepted; the ledger decides them anyway). A retried eventId in
   * one request answers once for both.
   */
  async await(
    eventIds: string[],
    timeoutMs: number,
    produce: () => Promise<void>,
  ): Promise<Map<string, EventResultMessage> | undefined> {
    const results = new Map<string, EventResultMessage>();
    const unique = [...new Set(eventIds)];
    let timer: NodeJS.Timeout | undefined;
    const mine = new Map<string, Waiter>();
    const all = new Promise<void>((resolve) => {
      for (const id of unique) {
        // The first answer for an eventId decides it: a copy later in the same
        // request (same SKU, same partition, answered in log order) is its duplicate.
        const waiter: Waiter = (result) => {
          if (results.has(id)) return;
          results.set(id, result);
          if (results.size === unique.length) resolve();
        };
        mine.set(id, waiter);
        this.waiters.set(id, (this.waiters.get(id) ?? new Set()).add(waiter));
      }
    });
    try {
      await produce();
      const timeout = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
      );
      return (await Promise.race([all, timeout])) === 'timeout' ? undefined : results;
    } finally {
      clearTimeout(timer);
      for (const [id, waiter] of mine) {
        const set = this.waiters.get(id);
        set?.delete(waiter);
        if (set?.size === 0) this.waiters.delete(id);
      }
    }
  }

  private async deliver(messages: KafkaMessage[]): Promise<void> {
    for (const message of messages) {
      if (message.key?.toString() !== this.instanceId) continue;
      const result = JSON.parse(message.value!.toString()) as EventResultMessage;
      for (const waiter of this.waiters.get(result.eventId) ?? []) waiter(result);
    }
  }
}
