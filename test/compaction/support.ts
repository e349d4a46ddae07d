import { Kafka, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { InventoryEvent } from '@stockflow/contracts';
import { emptyLedger, foldEvents } from '@stockflow/ledger-core';
import { waitFor } from '@stockflow/testing';

/** The ledger's consumer group in a test stack (LEDGER_GROUP_ID default + the stack's topic prefix). */
export const ledgerGroup = (env: Record<string, string>) => `${env.KAFKA_TOPIC_PREFIX}stockflow-ledger`;

/** Produces raw messages (key = sku for events) in large idempotent batches, keeping their order per key. */
export async function produce(kafka: Kafka, topic: string, messages: { key: string; value: string }[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 5_000) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 5_000) });
    }
  } finally {
    await producer.disconnect();
  }
}

export const asMessages = (events: InventoryEvent[]) => events.map((e) => ({ key: e.sku, value: JSON.stringify(e) }));

/** Waits until the ledger's stored offsets reach the end of every partition of `topic`. */
export async function waitLedgerCaughtUp(db: Pool, kafka: Kafka, topic: string, groupId: string, timeoutMs = 60_000) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await waitFor(
      async () => {
        const { rows } = await db.query('SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2', [
          groupId,
          topic,
        ]);
        const stored = new Map(rows.map((r) => [r.partition, Number(r.next_offset)]));
        return ends.every((e) => Number(e.high) === 0 || stored.get(e.partition) === Number(e.high));
      },
      { timeoutMs, what: `ledger caught up on ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}

export interface StockRow {
  sku: string;
  onHand: number;
  reserved: number;
  version: number;
}

/** What the stock projection and the open reservations must be: the pure fold of the log. */
export function foldedState(events: InventoryEvent[]) {
  const { state } = foldEvents(emptyLedger(), events);
  const stock: StockRow[] = [...state.stock.values()]
    .map((s) => ({ sku: s.sku, onHand: s.onHand, reserved: s.reserved, version: s.version }))
    .sort((a, b) => (a.sku < b.sku ? -1 : 1));
  const open = [...state.reservations.values()]
    .filter((r) => r.open > 0)
    .map((r) => ({ reservationId: r.reservationId, open: r.open }))
    .sort((a, b) => (a.reservationId < b.reservationId ? -1 : 1));
  return { stock, open };
}

export async function liveStock(db: Pool): Promise<StockRow[]> {
  const { rows } = await db.query('SELECT sku, on_hand, reserved, version FROM stock_levels ORDER BY sku COLLATE "C"');
  return rows.map((r) => ({ sku: r.sku, onHand: Number(r.on_hand), reserved: Number(r.reserved), version: Number(r.version) }));
}

/**
 * Samples pg_stat_activity every few milliseconds while load runs: how often a
 * backend of each application was seen working, and how often waiting on a
 * heavyweight lock (row, tuple, transaction id: what DELETE vs INSERT fights cause).
 */
export class LockWaitSampler {
  private running = true;
  private done?: Promise<void>;
  readonly seen = new Map<string, { active: number; lockWaits: number; waits: string[] }>();

  constructor(
    private readonly admin: Pool,
    private readonly database: string,
  ) {}

  start(): this {
    this.done = this.loop();
    return this;
  }

  async stop(): Promise<this> {
    this.running = false;
    await this.done;
    return this;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const { rows } = await this.admin.query(
        `SELECT application_name AS app, wait_event_type, wait_event, left(query, 120) AS query
         FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [this.database],
      );
      for (const row of rows) {
        const entry = this.seen.get(row.app) ?? { active: 0, lockWaits: 0, waits: [] };
        entry.active++;
        if (row.wait_event_type === 'Lock') {
          entry.lockWaits++;
          entry.waits.push(`${row.wait_event}: ${row.query}`);
        }
        this.seen.set(row.app, entry);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

export async function deadlocks(admin: Pool, database: string): Promise<number> {
  await admin.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await admin.query('SELECT deadlocks FROM pg_stat_database WHERE datname = $1', [database]);
  return Number(rows[0]?.deadlocks ?? 0);
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
