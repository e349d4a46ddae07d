import { randomBytes } from 'crypto';
import { Admin, Kafka, Producer } from 'kafkajs';
import { createKafka, readConsumerLag } from '@stockflow/kafka';
import { connections } from '@stockflow/testing';

describe('readConsumerLag against the real broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const id = randomBytes(4).toString('hex');
  const topic = `test.lag.${id}.events`;
  const group = `test.lag.${id}.group`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: (await connections()).kafkaBrokers, clientId: 'test-lag' });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    producer = kafka.producer();
    await producer.connect();
    // 5 messages on partition 0, 3 on partition 1.
    await producer.send({
      topic,
      messages: [0, 0, 0, 0, 0, 1, 1, 1].map((partition, i) => ({ partition, value: String(i) })),
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.deleteGroups([group]).catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('counts the whole log as lag while the group has committed nothing', async () => {
    const rows = await readConsumerLag(admin, [group], [topic]);
    expect(rows).toEqual([
      { group, topic, partition: 0, committedOffset: -1, logEndOffset: 5, lag: 5 },
      { group, topic, partition: 1, committedOffset: -1, logEndOffset: 3, lag: 3 },
    ]);
  });

  it('follows the committed offsets down to zero', async () => {
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '2' }] });
    expect((await readConsumerLag(admin, [group], [topic])).map((r) => r.lag)).toEqual([3, 3]);

    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: [
        { partition: 0, offset: '5' },
        { partition: 1, offset: '3' },
      ],
    });
    const rows = await readConsumerLag(admin, [group]);
    expect(rows.map((r) => [r.partition, r.committedOffset, r.lag])).toEqual([
      [0, 5, 0],
      [1, 3, 0],
    ]);
  });

  it('answers nothing for a group that never committed when no topics are named', async () => {
    expect(await readConsumerLag(admin, [`${group}.never`])).toEqual([]);
  });
});
