import { BatchingPublisher } from '@stockflow/kafka';
import { RedisStock } from './redis-stock';
import { reservationMetrics } from './reservation-metrics';

/**
 * Produces the outbox (events the Lua scripts appended atomically with their
 * counter moves) to inventory.events, oldest first, keyed by sku, and trims what
 * Kafka acknowledged. A crash between produce and trim re-sends the same events
 * with the same eventIds; the ledger applies each once. Returns how many it sent
 * (0 when the outbox is empty or another process holds the lease).
 */
export async function relayOutbox(
  stock: RedisStock,
  publisher: BatchingPublisher,
  topic: string,
  holder: string,
  max = 2000,
): Promise<number> {
  if (!(await stock.leaseOutbox(holder, 10_000))) return 0;
  const entries = await stock.peekOutbox(max);
  if (entries.length === 0) return 0;
  await publisher.publish(
    topic,
    entries.map((value) => ({ key: (JSON.parse(value) as { sku: string }).sku, value })),
  );
  if (!(await stock.trimOutbox(holder, entries.length))) return 0;
  reservationMetrics.relayed.inc(entries.length);
  return entries.length;
}
