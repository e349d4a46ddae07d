import { randomBytes } from 'crypto';
import { Admin, Kafka, Producer } from 'kafkajs';
import { PartitionBatch, createKafka } from '@stockflow/kafka';
import { Readiness } from '@stockflow/runtime';
import { connections } from '@stockflow/testing';
import { SubscriptionRunner } from '../../libs/kafka/src/transport/subscription-runner';

/**
 * The runner, not kafkajs, commits `after-handler` offsets: on its interval and
 * on stop, never once per batch (kafkajs' autoCommit would, whatever its
 * interval says), and never past a batch whose handler has not resolved.
 */
describe('after-handler commits against the real broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const id = randomBytes(4).toString('hex');
  const topic = `test.commits.${id}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: (await connections()).kafkaBrokers, clientId: 'test-commits' });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  const committed = async (groupId: string): Promise<number> => {
    const [row] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Number(row.partitions[0].offset);
  };

  function runner(
    groupId: string,
    intervalMs: number,
    handle: (b: PartitionBatch) => Promise<void>,
  ) {
    return new SubscriptionRunner(
      kafka,
      {
        name: `commits-${groupId}`,
        groupId,
        topic,
        tuning: { maxWaitTimeInMs: 50 },
        commit: { mode: 'after-handler', intervalMs },
      },
      handle,
      new Readiness(),
    );
  }

  async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('commits nothing per batch, then everything handled when it stops', async () => {
    const groupId = `test.commits.${id}.stop`;
    let seen = 0;
    let batches = 0;
    const consumer = runner(groupId, 60_000, async (b) => {
      batches++;
      seen += b.messages.length;
    });
    await consumer.start();
    for (let i = 0; i < 10; i++) {
      // One send at a time, so the consumer sees several batches.
      await producer.send({ topic, messages: [{ value: `a${i}` }] });
      await until(`message ${i}`, () => seen === i + 1);
    }
    expect(batches).toBeGreaterThan(1);
    // kafkajs' autoCommit would have committed after each of those batches.
    expect(await committed(groupId)).toBe(-1);
    await consumer.stop();
    expect(await committed(groupId)).toBe(10);
  });

  it('commits on its interval while running, and not past a batch still in its handler', async () => {
    const groupId = `test.commits.${id}.interval`;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let handled = 0;
    const consumer = runner(groupId, 200, async (b) => {
      // The batch holding the 12th message waits until the test lets it go.
      if (b.messages.some((m) => m.value?.toString() === 'b1')) await held;
      handled += b.messages.length;
    });
    await consumer.start();
    await producer.send({ topic, messages: [{ value: 'b0' }] });
    await until(
      'the first batch committed on the interval',
      async () => (await committed(groupId)) === 11,
    );
    await producer.send({ topic, messages: [{ value: 'b1' }] });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await committed(groupId)).toBe(11);
    const stopped = consumer.stop();
    release();
    await stopped;
    expect(handled).toBe(12);
    expect(await committed(groupId)).toBe(12);
  });
});
