import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { InventoryEvent, keyPartition } from '@stockflow/contracts';
import { EVENT_PARTITIONS } from '@stockflow/kafka';
import {
  ServiceProcess,
  TestStack,
  createTestStack,
  expectedProjections,
  makeEvent,
  produceEvents,
  readProjections,
  startService,
  waitFor,
} from '@stockflow/testing';

/** Where librdkafka's default partitioner (kcat, Python, Go, .NET clients) puts a key: CRC32, not murmur2. */
const crc32Partition = (key: string, partitions: number) => crc32(Buffer.from(key)) % partitions;

/** Every record of the events topic with the partition it sits on. */
async function readWithPartitions(
  stack: TestStack,
  count: number,
): Promise<{ partition: number; message: KafkaMessage }[]> {
  const consumer = stack.kafka.consumer({
    groupId: `test-reader-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  const records: { partition: number; message: KafkaMessage }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: stack.topics.events, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => void records.push({ partition, message }),
    });
    await waitFor(() => records.length >= count, {
      timeoutMs: 60_000,
      what: `${count} records (got ${records.length})`,
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}

/**
 * A channel producing with librdkafka's default partitioner puts a SKU's events
 * on another partition than the gateway (murmur2). The ledger re-produces each
 * such record to its key's partition and then moves the offset past it: every
 * event is applied exactly once, and the SKU's history ends up on one partition.
 */
describe('records from a foreign (CRC32) partitioner', () => {
  let stack: TestStack;
  let db: Pool;
  let ledger: ServiceProcess | undefined;

  beforeAll(async () => {
    stack = await createTestStack('misroute');
    db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    await ledger?.stop();
    await db?.end();
    await stack?.teardown();
  });

  it('re-produces a misrouted record to its murmur2 partition and applies it once', async () => {
    // SKUs whose CRC32 and murmur2 partitions differ (most do).
    const skus = Array.from({ length: 40 }, (_, i) => `FOREIGN-${i}`)
      .filter(
        (sku) => crc32Partition(sku, EVENT_PARTITIONS) !== keyPartition(sku, EVENT_PARTITIONS),
      )
      .slice(0, 4);
    expect(skus).toHaveLength(4);
    const gatewayEvents = skus.map((sku) =>
      makeEvent('StockReceived', { sku, channel: '3pl', locationId: 'WH-1', quantity: 10 }),
    );
    const foreignEvents: InventoryEvent[] = skus.flatMap((sku) => [
      makeEvent('ItemSold', { sku, locationId: 'WH-1', quantity: 3 }),
      makeEvent('StockAdjusted', { sku, locationId: 'WH-1', delta: 5, reason: 'found' }),
      makeEvent('ItemSold', { sku, locationId: 'WH-1', quantity: 2 }),
    ]);

    ledger = await startService('ledger', stack.env);
    await produceEvents(stack.kafka, stack.topics.events, gatewayEvents);
    const producer = stack.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: stack.topics.events,
      acks: -1,
      messages: foreignEvents.map((e) => ({
        key: e.sku,
        value: JSON.stringify(e),
        partition: crc32Partition(e.sku, EVENT_PARTITIONS),
      })),
    });
    await producer.disconnect();

    const all = [...gatewayEvents, ...foreignEvents];
    await waitFor(async () => (await readProjections(db)).journalRows === all.length, {
      timeoutMs: 90_000,
      what: 'every event in the journal',
    });
    expect(await readProjections(db)).toEqual(expectedProjections(all));

    // The re-produced copies sit on each SKU's murmur2 partition, in the foreign producer's order.
    const records = await readWithPartitions(
      stack,
      gatewayEvents.length + 2 * foreignEvents.length,
    );
    const copies = records.filter((r) => r.message.headers?.['x-rerouted-from'] !== undefined);
    expect(copies).toHaveLength(foreignEvents.length);
    for (const sku of skus) {
      const ofSku = copies
        .filter((r) => r.message.key?.toString() === sku)
        .map((r) => {
          expect(r.partition).toBe(keyPartition(sku, EVENT_PARTITIONS));
          return r.message;
        });
      expect(ofSku.map((m) => JSON.parse(m.value!.toString()).eventId)).toEqual(
        foreignEvents.filter((e) => e.sku === sku).map((e) => e.eventId),
      );
      expect(String(ofSku[0].headers!['x-rerouted-from'])).toMatch(
        new RegExp(`^${crc32Partition(sku, EVENT_PARTITIONS)}@\\d+$`),
      );
    }
  });
});
