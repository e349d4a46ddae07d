import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JournalRepository, connectDatabase, runMigrations } from '@stockflow/persistence';
import { connections, createTestDatabase, dropTestDatabase } from '@stockflow/testing';

/**
 * The document cursor pages through entries one batch recorded in the same
 * instant. Postgres keeps microseconds; the cursor must too, or the entries
 * after the first in that millisecond are skipped.
 */
describe('journal by reference document: keyset cursor', () => {
  let adminUrl: string;
  let databaseUrl: string;
  let db: DataSource;
  const reference = 'erp://po/PO-CURSOR';

  beforeAll(async () => {
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'refcursor');
    await runMigrations({ url: databaseUrl });
    db = await connectDatabase({ url: databaseUrl, poolSize: 1 });
  });

  afterAll(async () => {
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
  });

  async function record(sku: string, version: number, recordedAt: string): Promise<string> {
    const eventId = randomUUID();
    await db.query(
      `INSERT INTO journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,
         location_deltas, went_negative, event, kafka_partition, kafka_offset, recorded_at, reference_document_uri)
       VALUES ($1, $2, $3, 'StockReceived', 'erp', now(), 1, 0, '[]', false, '{}', 0, $3, $4, $5)`,
      [eventId, sku, version, recordedAt, reference],
    );
    return eventId;
  }

  it('returns every entry exactly once, one per page, when they share a sub-millisecond instant', async () => {
    const sameInstant = '2026-12-02T10:00:00.123456Z';
    const ids = [
      await record('CUR-1', 1, sameInstant),
      await record('CUR-2', 1, sameInstant),
      await record('CUR-3', 1, sameInstant),
      await record('CUR-1', 2, '2026-12-02T10:00:00.123999Z'),
    ];
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await new JournalRepository(db).pageOfReference(reference, 1, before);
      seen.push(...result.entries.map((e) => e.eventId));
      if (!result.nextBefore) break;
      before = result.nextBefore;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen[0]).toBe(ids[3]);
  });
});
