/**
 * bench:orders' failover row (issue 12 item 8): two orders instances behind a
 * gateway, a paced open-loop load of async orders, and in the middle of the run
 * one instance is SIGKILLed. Reported per second (the second before the kill,
 * the second it happens in, the second after): orders accepted per second and
 * their p99 from the scheduled send, beside the same seconds of an undisturbed
 * run at the same rate on the same processes (same run, same machine).
 */
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { ServiceProcess, TEST_TOKENS, startService, waitFor } from '@stockflow/testing';
import { percentile } from '../bench-stats';
import { PacedRun, openLoop } from '../open-loop';

const RUN_SECONDS = 6;
/** The kill happens at this second of the run; the second before and the one after are reported too. */
const KILL_AT_S = 3;

export interface SecondStats {
  acceptedPerSecond: number;
  p99Ms: number;
  failed: number;
}

export interface KillRow {
  rate: number;
  undisturbed: { before: SecondStats; during: SecondStats; after: SecondStats };
  killed: { before: SecondStats; during: SecondStats; after: SecondStats };
  /** Accepted orders of the killed run not decided within a minute of its end. */
  lost: number;
}

function second(run: PacedRun, fromS: number): SecondStats {
  const inSecond = run.samples.filter(
    (s) => s.dueMs >= fromS * 1000 && s.dueMs < (fromS + 1) * 1000,
  );
  const accepted = inSecond.filter((s) => s.status === 202);
  return {
    acceptedPerSecond: accepted.length,
    p99Ms: percentile(
      accepted.map((s) => s.latencyMs).sort((a, b) => a - b),
      99,
    ),
    failed: inSecond.length - accepted.length,
  };
}

const seconds = (run: PacedRun) => ({
  before: second(run, KILL_AT_S - 1),
  during: second(run, KILL_AT_S),
  after: second(run, KILL_AT_S + 1),
});

export async function killRow(
  env: Record<string, string>,
  first: ServiceProcess,
  db: Client,
  skus: string[],
  rate: number,
): Promise<KillRow> {
  const spare = await startService('orders', env);
  const gateway = await startService('gateway', {
    ...env,
    ORDERS_URL: `${first.url},${spare.url}`,
  });
  const tag = randomBytes(3).toString('hex');
  const accepted: string[] = [];
  let n = 0;
  const send = async (): Promise<number | string> => {
    const i = n++;
    const orderId = `k-${tag}-${i}`;
    const res = await fetch(`${gateway.url}/v1/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKENS.web}` },
      body: JSON.stringify({
        orderId,
        lines: [{ sku: skus[i % skus.length], quantity: 1 }],
        payment: { method: 'card' },
      }),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);
    if (!res) return 'no answer';
    await res.arrayBuffer();
    if (res.status === 202) accepted.push(orderId);
    return res.status;
  };
  try {
    // The new instance and gateway start cold (JIT, first connections): warm them outside the windows.
    await openLoop('warm-up', rate, 3, send);
    const undisturbed = await openLoop('undisturbed', rate, RUN_SECONDS, send);
    accepted.length = 0;
    const timer = setTimeout(() => void spare.kill(), KILL_AT_S * 1000);
    const killed = await openLoop('one orders instance SIGKILLed', rate, RUN_SECONDS, send);
    clearTimeout(timer);
    let decided = 0;
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM orders WHERE order_id = ANY($1) AND status <> 'received'`,
          [accepted],
        );
        decided = rows[0].n;
        return decided === accepted.length;
      },
      { timeoutMs: 60_000, what: 'the killed run decided' },
    ).catch(() => undefined);
    // Orders stored whose client saw no 202 (in flight on the killed instance) are decided by the
    // requeue job later; they belong to this run, not to the next run's count of undecided orders.
    const { rows } = await db.query<{ n: number }>(
      `DELETE FROM orders WHERE order_id LIKE $1 AND status = 'received' RETURNING 1 AS n`,
      [`k-${tag}-%`],
    );
    if (rows.length > 0)
      console.log(
        `  killed run: ${rows.length} stored orders unanswered and still received (removed)`,
      );
    return {
      rate,
      undisturbed: seconds(undisturbed),
      killed: seconds(killed),
      lost: accepted.length - decided,
    };
  } finally {
    await Promise.all([gateway.stop(), spare.kill()]);
  }
}

export function killTable(row: KillRow): string {
  const cell = (s: SecondStats) =>
    `${s.acceptedPerSecond}/s, p99 ${s.p99Ms.toFixed(0)} ms${s.failed ? `, ${s.failed} failed` : ''}`;
  return [
    `| one of two orders instances SIGKILLed at ${row.rate}/s | second before | second of the kill | second after |`,
    '|---|---|---|---|',
    `| undisturbed (same run) | ${cell(row.undisturbed.before)} | ${cell(row.undisturbed.during)} | ${cell(row.undisturbed.after)} |`,
    `| SIGKILL | ${cell(row.killed.before)} | ${cell(row.killed.during)} | ${cell(row.killed.after)} |`,
    `accepted orders of the killed run not decided: ${row.lost}`,
  ].join('\n');
}
