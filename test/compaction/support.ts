import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { ProjectionDump, waitFor } from '@stockflow/testing';

/** The ledger's consumer group in a test stack (LEDGER_GROUP_ID default + the stack's topic prefix). */
export const ledgerGroup = (env: Record<string, string>) =>
  `${env.KAFKA_TOPIC_PREFIX}stockflow-ledger`;

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Waits until the ledger's stored offsets reach the end of every partition of `topic`. */
export async function waitLedgerCaughtUp(
  db: Pool,
  kafka: Kafka,
  topic: string,
  groupId: string,
  timeoutMs = 60_000,
) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2',
          [groupId, topic],
        );
        const stored = new Map(rows.map((r) => [r.partition, Number(r.next_offset)]));
        return ends.every(
          (e) => Number(e.high) === 0 || stored.get(e.partition) === Number(e.high),
        );
      },
      { timeoutMs, what: `ledger caught up on ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Projections as compaction leaves them: reservations hold only what is open (netted rows are compacted). */
export function openOnly(dump: ProjectionDump): ProjectionDump {
  return { ...dump, reservations: dump.reservations.filter((r) => r.open > 0) };
}

/**
 * Samples pg_stat_activity every few milliseconds while load runs: how often a
 * backend of each application was seen working, and what it was doing whenever
 * it waited on a heavyweight lock (row, tuple, transaction id: what DELETE vs
 * INSERT fights cause).
 */
export class LockWaitSampler {
  private running = true;
  private done?: Promise<void>;
  readonly seen = new Map<string, { active: number; waits: string[] }>();

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
        const entry = this.seen.get(row.app) ?? { active: 0, waits: [] };
        entry.active++;
        // `extend` is two writers growing the same table (the journal COPYs of two
        // partition batches): a page allocation, not the row/transaction locks a
        // cleanup DELETE and a checkout INSERT fight over.
        if (row.wait_event_type === 'Lock' && row.wait_event !== 'extend')
          entry.waits.push(`${row.wait_event}: ${row.query}`);
        this.seen.set(row.app, entry);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

export async function deadlocks(admin: Pool, database: string): Promise<number> {
  await admin.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await admin.query('SELECT deadlocks FROM pg_stat_database WHERE datname = $1', [
    database,
  ]);
  return Number(rows[0]?.deadlocks ?? 0);
}

/** A counter's value from a service's /metrics (0 when it has not been incremented yet). */
export async function metricValue(url: string, series: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.split(' ')[1] ?? 0);
}
