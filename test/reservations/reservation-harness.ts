import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { connectDatabase } from '@stockflow/persistence';
import { RedisStock, ReservationContext, decodeOutboxEntry } from '@stockflow/reservations';
import { TestStack, createTestStack, Json } from '@stockflow/testing';

/**
 * The reservations library over a real Redis and Postgres slice. Ledger
 * projections are written directly (as the ledger would) so each test controls
 * exactly what the ledger has folded.
 */
export interface ReservationHarness extends ReservationContext {
  stack: TestStack;
  redis: Redis;
  /** The ledger's projection of a sku: `available` at location `main`, or per location. */
  setLedger(
    sku: string,
    available: number | Record<string, number>,
    version: number,
  ): Promise<void>;
  /** Records eventIds in the journal, as if the ledger had folded those events. */
  fold(sku: string, eventIds: string[]): Promise<void>;
  /** The events in the outbox (either entry form, decoded). */
  outbox(): Promise<Json[]>;
  /** Deletes every key of this harness (a Redis loss, limited to our prefix). */
  wipeRedis(): Promise<void>;
  close(): Promise<void>;
}

export async function reservationHarness(label: string): Promise<ReservationHarness> {
  const stack = await createTestStack(label);
  const db: DataSource = await connectDatabase({ url: stack.databaseUrl, poolSize: 12 });
  const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: 1 });
  const stock = new RedisStock(redis, stack.redisKeyPrefix);
  let journalVersion = 1_000_000;
  const wipeRedis = async () => {
    const keys = await redis.keys(`${stack.redisKeyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  };
  return {
    stack,
    redis,
    stock,
    db,
    setLedger: async (sku, available, version) => {
      const locations = typeof available === 'number' ? { main: available } : available;
      const total = Object.values(locations).reduce((t, q) => t + q, 0);
      await db.query(
        `INSERT INTO stock_levels (sku, on_hand, reserved, version) VALUES ($1, $2, 0, $3)
         ON CONFLICT (sku) DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = 0, version = EXCLUDED.version`,
        [sku, total, version],
      );
      await db.query('DELETE FROM stock_locations WHERE sku = $1', [sku]);
      await db.query(
        'INSERT INTO stock_locations (sku, location_id, on_hand) SELECT $1, unnest($2::varchar[]), unnest($3::bigint[])',
        [sku, Object.keys(locations), Object.values(locations)],
      );
    },
    fold: async (sku, eventIds) => {
      for (const eventId of eventIds) {
        await db.query(
          `INSERT INTO journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,
                                location_deltas, went_negative, event, kafka_partition, kafka_offset)
           VALUES ($1, $2, $3, 'StockReserved', 'web', now(), 0, 0, '[]', false, '{}', 0, 0)`,
          [eventId, sku, journalVersion++],
        );
      }
    },
    outbox: async () =>
      (await redis.lrange(stock.keys.outbox, 0, -1)).map((e) =>
        JSON.parse(decodeOutboxEntry(e).value),
      ),
    wipeRedis,
    close: async () => {
      await wipeRedis();
      redis.disconnect();
      await db.destroy();
      await stack.teardown();
    },
  };
}
