import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { topicNames } from '@stockflow/contracts';
import {
  ProjectionDump,
  expectedProjections,
  readEventLog,
  readProjections,
  waitFor,
} from '@stockflow/testing';
import { journalCounts, journalDifference } from './journal-difference';
import { LoadResult, SCARCE } from './load';
import { OPERATOR_TOKEN, SYNCED_CHANNELS, System } from './system';

/** One invariant's verdict: a name, whether it held, and what was seen. */
export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

const TOPIC = topicNames('').events;
const LEDGER_GROUP = 'stockflow-ledger';

async function logEnds(kafka: Kafka): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(TOPIC);
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the ledger's stored offsets reach the end the log has now. */
export async function waitLedgerAtEnd(kafka: Kafka, db: Pool, timeoutMs: number): Promise<void> {
  const ends = await logEnds(kafka);
  await waitFor(() => ledgerCaughtUp(db, ends), {
    timeoutMs,
    intervalMs: 250,
    what: 'the ledger to reach the end of inventory.events',
  });
}

async function ledgerCaughtUp(db: Pool, ends: Map<number, bigint>): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2',
    [LEDGER_GROUP, TOPIC],
  );
  const stored = new Map(rows.map((r) => [Number(r.partition), BigInt(r.next_offset)]));
  return [...ends].every(([p, high]) => high === 0n || stored.get(p) === high);
}

/** Netted reservations are compaction's to delete: compare what is open. */
const openOnly = (dump: ProjectionDump): ProjectionDump => ({
  ...dump,
  reservations: dump.reservations.filter((r) => r.open > 0),
});

/** JSON with keys sorted and undefined fields dropped: equal data, equal text (jsonb reorders keys). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function firstDifference(live: ProjectionDump, expected: ProjectionDump): string {
  if (live.journalRows !== expected.journalRows)
    return `journal rows ${live.journalRows}, fold entries ${expected.journalRows}`;
  for (const key of ['stock', 'locations', 'reservations'] as const) {
    const a = live[key] as unknown[];
    const b = expected[key] as unknown[];
    const at = Array.from({ length: Math.max(a.length, b.length) }).findIndex(
      (_, i) => canonical(a[i]) !== canonical(b[i]),
    );
    if (at >= 0)
      return `${key}[${at}]: live ${JSON.stringify(a[at])}, fold ${JSON.stringify(b[at])}`;
  }
  return 'none';
}

export interface InvariantContext {
  kafka: Kafka;
  db: Pool;
  system: System;
  load: LoadResult;
  settleTimeoutMs: number;
}

/** Every order the load got an answer for is known and decided (none left `received`). */
async function ordersDecided(ctx: InvariantContext): Promise<Verdict> {
  const accepted = [...ctx.load.acceptedOrders];
  let detail = '';
  const check = async () => {
    const { rows } = await ctx.db.query(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE order_id = ANY($1))::int AS accepted
         FROM orders GROUP BY status`,
      [accepted],
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    const known = rows.reduce((t, r) => t + r.accepted, 0);
    const received = by.received?.n ?? 0;
    detail =
      `${accepted.length} accepted: ${known} known (lost ${accepted.length - known}), ` +
      `pending ${by.pending?.n ?? 0}, rejected ${by.rejected?.n ?? 0}, still received ${received}; ` +
      `${ctx.load.unansweredOrders.size} never answered`;
    return known === accepted.length && received === 0;
  };
  const ok = await waitFor(check, { timeoutMs: ctx.settleTimeoutMs, intervalMs: 500 }).then(
    () => true,
    () => false,
  );
  return { name: 'every order decided', ok, detail };
}

/** Waits until the ledger has stored offsets at the log's end, and the end stayed put meanwhile. */
async function settledLog(ctx: InvariantContext): Promise<Map<number, bigint>> {
  const deadline = Date.now() + ctx.settleTimeoutMs;
  for (;;) {
    const ends = await logEnds(ctx.kafka);
    await waitFor(() => ledgerCaughtUp(ctx.db, ends), {
      timeoutMs: Math.max(1000, deadline - Date.now()),
      intervalMs: 250,
      what: 'the ledger to reach the end of inventory.events',
    });
    const again = await logEnds(ctx.kafka);
    if ([...ends].every(([p, high]) => again.get(p) === high)) return ends;
  }
}

export async function checkInvariants(ctx: InvariantContext): Promise<Verdict[]> {
  const verdicts: Verdict[] = [await ordersDecided(ctx)];
  const ends = await settledLog(ctx);
  const [events, live] = await Promise.all([
    readEventLog(ctx.kafka, TOPIC, ends),
    readProjections(ctx.db),
  ]);
  const expected = expectedProjections(events);

  const inLog = new Set(events.map((e) => e.eventId));
  const lost = [...ctx.load.acceptedEvents].filter((id) => !inLog.has(id));
  verdicts.push({
    name: 'every accepted event is in the log',
    ok: lost.length === 0,
    detail: `${ctx.load.acceptedEvents.size} accepted, ${lost.length} missing${lost.length ? ` (e.g. ${lost[0]})` : ''}; log holds ${events.length} records`,
  });
  const diff = firstDifference(openOnly(live), openOnly(expected));
  verdicts.push({
    name: 'projection = pure fold of the log',
    ok: diff === 'none',
    detail: `${expected.stock.length} SKUs compared; first difference: ${diff}`,
  });
  const { rows } = await ctx.db.query(
    'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM journal',
  );
  const journalOk = rows[0].n === rows[0].distinct && rows[0].n === expected.journalRows;
  verdicts.push({
    name: 'journal lists each event once',
    ok: journalOk,
    detail:
      `${rows[0].n} rows, ${rows[0].distinct} distinct events, fold has ${expected.journalRows} entries` +
      (journalOk ? '' : `; ${journalDifference(await journalCounts(ctx.db), events)}`),
  });
  verdicts.push(await pendingWithinStock(ctx, expected));
  verdicts.push(await channelsConverged(ctx, expected));
  return verdicts;
}

/** Units held by open reservations (orders and cart holds) never exceed a scarce SKU's stock. */
async function pendingWithinStock(
  ctx: InvariantContext,
  expected: ProjectionDump,
): Promise<Verdict> {
  const { rows } = await ctx.db.query(
    `SELECT sku, sum(quantity)::int AS units FROM order_reservations
      WHERE state IN ('reserving', 'open') AND sku = ANY($1) GROUP BY sku`,
    [SCARCE],
  );
  const held = new Map(rows.map((r) => [r.sku, r.units]));
  const problems: string[] = [];
  const seen: string[] = [];
  for (const sku of SCARCE) {
    const stock = expected.stock.find((s) => s.sku === sku);
    const onHand = stock?.onHand ?? 0;
    const units = held.get(sku) ?? 0;
    seen.push(`${sku} ${units}/${onHand}`);
    if (units > onHand) problems.push(`${sku}: ${units} units held, ${onHand} on hand`);
    if (stock && stock.reserved > stock.onHand)
      problems.push(`${sku}: ledger reserved ${stock.reserved} > on hand ${stock.onHand}`);
  }
  return {
    name: 'pending units <= stock',
    ok: problems.length === 0,
    detail: problems.length ? problems.join('; ') : `held/on hand: ${seen.join(', ')}`,
  };
}

/** What each synced channel was last sent equals its sellable quantity now, for every SKU. */
async function channelsConverged(
  ctx: InvariantContext,
  expected: ProjectionDump,
): Promise<Verdict> {
  const skus = expected.stock.map((s) => s.sku);
  let behind: string[] = [];
  const check = async () => {
    behind = [];
    for (const channel of SYNCED_CHANNELS) {
      const latest = ctx.system.receivers[channel].latestBy((c) => c.body.sku);
      for (const sku of skus) {
        const res = await fetch(`${ctx.system.gatewayUrl}/v1/channels/${channel}/stock/${sku}`, {
          headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
        });
        const want = (await res.json()) as { sellable: number; version: number };
        const got = latest.get(sku);
        if (got?.quantity !== want.sellable)
          behind.push(
            `${channel}/${sku}: sent ${got?.quantity ?? 'nothing'}, sellable ${want.sellable}`,
          );
      }
    }
    return behind.length === 0;
  };
  const ok = await waitFor(check, { timeoutMs: ctx.settleTimeoutMs, intervalMs: 1000 }).then(
    () => true,
    () => false,
  );
  return {
    name: 'channels converge',
    ok,
    detail: ok
      ? `${SYNCED_CHANNELS.length} channels x ${skus.length} SKUs match`
      : `${behind.length} behind, e.g. ${behind.slice(0, 3).join('; ')}`,
  };
}
