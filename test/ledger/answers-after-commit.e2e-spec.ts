import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { REPLY_TO_HEADER } from '@stockflow/contracts';
import { BatchingPublisher, KafkaMessage, Message } from '@stockflow/kafka';
import { connectDatabase } from '@stockflow/persistence';
import { TestStack, createTestStack, readTopic } from '@stockflow/testing';
import { BatchApplier } from '../../apps/ledger/src/consumers/batch-applier';

/**
 * A 200 from `wait=applied` (and from a compare-and-set) promises that a read
 * sees the write, so the ledger may answer only after COMMIT. Under load the
 * answer can reach a client before a COMMIT that was sent ahead of it lands;
 * this checks the order itself: at the moment the answer is produced, another
 * connection must already see the journal entry and the stock level.
 */
describe('ledger answers waiting writers only after COMMIT', () => {
  let stack: TestStack;
  let db: DataSource;
  let reader: DataSource;

  beforeAll(async () => {
    stack = await createTestStack('answers');
    [db, reader] = await Promise.all([
      connectDatabase({ url: stack.databaseUrl, poolSize: 2 }),
      connectDatabase({ url: stack.databaseUrl, poolSize: 1 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([db?.destroy(), reader?.destroy()]);
    await stack?.teardown();
  });

  /** The real producer; before each answer it looks at what another connection can read. */
  class WatchingPublisher extends BatchingPublisher {
    readonly seenAtAnswer: { eventId: string; journal: number; onHand: number | null }[] = [];

    override async publish(topic: string, messages: Message[]): Promise<void> {
      if (topic === stack.topics.eventResults) {
        for (const m of messages) {
          const { eventId, sku } = JSON.parse(m.value!.toString());
          const [journal] = await reader.query(
            'SELECT count(*)::int AS n FROM journal WHERE event_id = $1',
            [eventId],
          );
          const [level] = await reader.query(
            'SELECT on_hand::int AS on_hand FROM stock_levels WHERE sku = $1',
            [sku],
          );
          this.seenAtAnswer.push({ eventId, journal: journal.n, onHand: level?.on_hand ?? null });
        }
      }
      return super.publish(topic, messages);
    }
  }

  function message(offset: number, event: Record<string, unknown>, replyTo?: string): KafkaMessage {
    return {
      key: Buffer.from(String(event.sku)),
      value: Buffer.from(JSON.stringify(event)),
      offset: String(offset),
      timestamp: String(Date.now()),
      attributes: 0,
      headers: replyTo ? { [REPLY_TO_HEADER]: Buffer.from(replyTo) } : {},
    } as KafkaMessage;
  }

  it('produces the answer once the journal entry and stock level are visible to other connections', async () => {
    const publisher = new WatchingPublisher(stack.kafka);
    await publisher.connect();
    try {
      const applier = new BatchApplier(db, publisher, stack.topics, 'answers-group');
      const replyTo = randomUUID();
      const events = [5, 3].map((quantity) => ({
        eventId: randomUUID(),
        type: 'StockReceived',
        sku: 'ANS-1',
        channel: '3pl',
        locationId: 'WH',
        quantity,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
      }));
      // Two partitions handed out together share one transaction: both answers wait for it.
      const [first, second] = await Promise.all([
        applier.apply(0, [message(0, events[0], replyTo)]),
        applier.apply(1, [message(0, { ...events[1], sku: 'ANS-2' }, replyTo)]),
      ]);
      expect([first.applied, second.applied]).toEqual([1, 1]);
      expect(publisher.seenAtAnswer).toHaveLength(2);
      expect(publisher.seenAtAnswer).toEqual(
        expect.arrayContaining([
          { eventId: events[0].eventId, journal: 1, onHand: 5 },
          { eventId: events[1].eventId, journal: 1, onHand: 3 },
        ]),
      );
      const answers = await readTopic(stack.kafka, stack.topics.eventResults, 2);
      expect(answers.map((a) => JSON.parse(a.value!.toString()).outcome)).toEqual([
        'applied',
        'applied',
      ]);
    } finally {
      await publisher.disconnect();
    }
  });
});
