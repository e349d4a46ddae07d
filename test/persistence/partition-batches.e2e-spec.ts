import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { InventoryEvent, LogMessage } from '@stockflow/contracts';
import {
  PartitionBatch,
  SqlTransaction,
  connectDatabase,
  foldPartitionBatches,
  runMigrations,
  sqlPool,
} from '@stockflow/persistence';
import {
  EVENT_POOLS,
  connections,
  createTestDatabase,
  dropTestDatabase,
  eventLogArb,
  expectedProjections,
  makeEvent,
  readProjections,
} from '@stockflow/testing';

const LOG = { groupId: 'batches-group', topic: 'inventory.events' };

/**
 * foldPartitionBatches folds the partition batches of one fetch with one
 * statement per table: it must give what folding the partitions one after the
 * other gives (each batch seeing the ones before it), move every offset, and
 * skip what a stored offset already covers, on real Postgres.
 */
describe('foldPartitionBatches: several partitions, one statement per table', () => {
  let adminUrl: string;
  let databaseUrl: string;
  let db: DataSource;

  beforeAll(async () => {
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'batches');
    await runMigrations({ url: databaseUrl });
    db = await connectDatabase({ url: databaseUrl, poolSize: 2 });
  });

  afterAll(async () => {
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
  });

  beforeEach(() => reset());

  function reset(): Promise<unknown> {
    return db.query(
      'TRUNCATE stock_levels, stock_locations, reservations, journal, consumer_offsets',
    );
  }

  /** Messages of one partition from offset `from`, as the log holds them. */
  function logOf(events: InventoryEvent[], from = 0): LogMessage[] {
    return events.map((event, i) => ({
      key: Buffer.from(event.sku),
      value: Buffer.from(JSON.stringify(event)),
      offset: String(from + i),
    }));
  }

  function fold(batches: PartitionBatch<LogMessage>[], tx?: (t: SqlTransaction) => SqlTransaction) {
    return sqlPool(db).transaction((t) => foldPartitionBatches(tx ? tx(t) : t, LOG, batches));
  }

  async function storedOffsets(): Promise<Record<number, number>> {
    const rows: { partition: number; next_offset: string }[] = await db.query(
      'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 ORDER BY partition',
      [LOG.groupId],
    );
    return Object.fromEntries(rows.map((r) => [r.partition, Number(r.next_offset)]));
  }

  it('gives the pure fold of the partitions in order, moves every offset, and a redelivery changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(eventLogArb({ maxLength: 40 }), fc.nat({ max: 40 }), async (log, cut) => {
        await reset();
        // Key = SKU decides the partition, as on the real topic; reservations and
        // re-sent eventIds still cross partitions (the log's collisions are on purpose).
        const byPartition = new Map<number, InventoryEvent[]>();
        for (const event of log) {
          const partition = (EVENT_POOLS.skus as readonly string[]).indexOf(event.sku);
          byPartition.set(partition, [...(byPartition.get(partition) ?? []), event]);
        }
        const partitions = [...byPartition.keys()].sort((a, b) => a - b);
        // Each partition in two batches of one call, as a caller that did not wait hands them over.
        const batches = partitions.flatMap((partition) => {
          const events = byPartition.get(partition)!;
          const at = cut % (events.length + 1);
          return [
            { partition, messages: logOf(events.slice(0, at)) },
            { partition, messages: logOf(events.slice(at), at) },
          ].filter((b) => b.messages.length > 0);
        });
        await fold(batches);
        const inPartitionOrder = partitions.flatMap((p) => byPartition.get(p)!);
        const expected = expectedProjections(inPartitionOrder);
        expect(await readProjections(sqlPool(db))).toEqual(expected);
        expect(await storedOffsets()).toEqual(
          Object.fromEntries(partitions.map((p) => [p, byPartition.get(p)!.length])),
        );

        const again = await fold(batches);
        expect(again.map((f) => f.skipped)).toEqual(batches.map((b) => b.messages.length));
        expect(await readProjections(sqlPool(db))).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('an eventId applied on one partition is a duplicate on a later one in the same call', async () => {
    const received = makeEvent('StockReceived', { sku: 'DUP-A', locationId: 'WH', quantity: 4 });
    const copy = { ...received, sku: 'DUP-B' };
    const [first, second] = await fold([
      { partition: 0, messages: logOf([received]) },
      { partition: 1, messages: logOf([copy]) },
    ]);
    expect(first.result.entries.map((e) => e.eventId)).toEqual([received.eventId]);
    expect(second.result.entries).toEqual([]);
    expect(second.result.duplicates).toEqual([received.eventId]);
    expect(await storedOffsets()).toEqual({ 0: 1, 1: 1 });
  });

  it('skips what the stored offset covers when a partition comes twice with overlapping offsets', async () => {
    const events = [1, 2, 3, 4].map((quantity) =>
      makeEvent('StockReceived', { sku: 'OVERLAP', locationId: 'WH', quantity }),
    );
    const messages = logOf(events);
    const [head, tail] = await fold([
      { partition: 2, messages: messages.slice(0, 3) },
      { partition: 2, messages: messages.slice(1) },
    ]);
    expect(head.skipped).toBe(0);
    expect(tail.skipped).toBe(2);
    expect(tail.result.entries.map((e) => e.eventId)).toEqual([events[3].eventId]);
    const [level] = await db.query(
      "SELECT on_hand::int AS on_hand FROM stock_levels WHERE sku = 'OVERLAP'",
    );
    expect(level.on_hand).toBe(10);
    expect(await storedOffsets()).toEqual({ 2: 4 });
  });

  it('runs as many statements for six partitions as for one', async () => {
    const statements = async (partitions: number) => {
      await reset();
      let count = 0;
      const counting = (tx: SqlTransaction): SqlTransaction => ({
        query: (sql, parameters) => (count++, tx.query(sql, parameters)),
        copyFrom: (sql, text) => (count++, tx.copyFrom(sql, text)),
      });
      const batches = Array.from({ length: partitions }, (_, partition) => {
        const sku = `COUNT-${partition}`;
        const reserved = makeEvent('StockReserved', {
          sku,
          reservationId: `r-${partition}`,
          quantity: 1,
        });
        const received = makeEvent('StockReceived', { sku, locationId: 'WH', quantity: 5 });
        return { partition, messages: logOf([received, reserved]) };
      });
      const folded = await fold(batches, counting);
      expect(folded.every((f) => f.result.entries.length === 2)).toBe(true);
      return count;
    };
    const one = await statements(1);
    expect(one).toBeGreaterThan(0);
    expect(await statements(6)).toBe(one);
  });
});
