import Redis from 'ioredis';
import { Client } from 'pg';
import { TEST_TOKENS, api, makeEvent, waitFor } from '@stockflow/testing';
import { Attempt, Kind, accepted, longestOutage, startTraffic } from './checkout-traffic';

/** The issue's bound: no window longer than this in which every request of a kind failed. */
export const MAX_OUTAGE_MS = 1000;
/** Units each fault's order SKU starts with: the orders race for them (oversell check). */
const STOCK = 150;

export interface FaultTarget {
  gatewayUrl: string;
  redis: Redis;
  redisKeyPrefix: string;
}

export interface KindMeasure {
  outage: { ms: number; startsAfterMs: number };
  baselineMs: number;
  failed: number;
}

export interface FaultRun {
  orderSku: string;
  eventSku: string;
  attempts: Attempt[];
  order: KindMeasure;
  event: KindMeasure;
}

async function receive(target: FaultTarget, sku: string, quantity: number): Promise<void> {
  const res = await api(target.gatewayUrl, 'POST', '/v1/events', {
    token: TEST_TOKENS['3pl'],
    body: makeEvent('StockReceived', { sku, channel: '3pl', locationId: 'wh-1', quantity }),
  });
  expect(res.status).toBe(202);
  const key = `${target.redisKeyPrefix}stock:{${sku}}`;
  await waitFor(async () => Number((await target.redis.hget(key, 'l:wh-1')) ?? 0) >= quantity, {
    what: `checkout to see ${quantity} units of ${sku}`,
    timeoutMs: 90_000,
  });
}

/**
 * Traffic, the fault, traffic for 3 s more. Reports per kind the longest
 * window with no success from the fault on and, as its same-run baseline, the
 * longest such window of the undisturbed traffic before it (on a loaded
 * shared machine, starvation alone opens gaps), and the requests that failed.
 */
export async function runThroughFault(
  target: FaultTarget,
  label: string,
  fault: () => Promise<void>,
): Promise<FaultRun> {
  const orderSku = `AV-${label}`;
  const eventSku = `AV-EV-${label}`;
  await receive(target, orderSku, STOCK);
  const traffic = startTraffic({ gatewayUrl: target.gatewayUrl, orderSku, eventSku, clients: 2 });
  const started = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  const from = Date.now();
  await fault();
  await new Promise((r) => setTimeout(r, 3000));
  const to = Date.now();
  await traffic.stop();
  const measure = (kind: Kind): KindMeasure => ({
    outage: longestOutage(traffic.attempts, kind, from, to),
    baselineMs: longestOutage(traffic.attempts, kind, started + 1000, from).ms,
    failed: traffic.attempts.filter((a) => a.kind === kind && a.status !== 202).length,
  });
  const result = { order: measure('order'), event: measure('event') };
  console.log(`${label}: ${JSON.stringify(result)}; ${summary(traffic.attempts)}`);
  return { orderSku, eventSku, attempts: traffic.attempts, ...result };
}

/** No window longer than the bound (beyond the same-run baseline's) with every request failing. */
export function expectNoOutage(measured: KindMeasure): void {
  expect(measured.outage.ms).toBeLessThanOrEqual(MAX_OUTAGE_MS + measured.baselineMs);
}

/** Every accepted order decided exactly once, every accepted event in the journal once, no oversell. */
export async function expectNothingLost(db: Client, gatewayUrl: string, run: FaultRun) {
  const orderIds = accepted(run.attempts, 'order');
  const eventIds = accepted(run.attempts, 'event');
  expect(orderIds.length).toBeGreaterThan(20);
  expect(eventIds.length).toBeGreaterThan(20);
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query(sql, params)).rows[0].n);
  await waitFor(
    async () =>
      (await count(
        `SELECT count(*)::int AS n FROM orders WHERE order_id = ANY($1) AND status <> 'received'`,
        [orderIds],
      )) === orderIds.length,
    { what: `${orderIds.length} accepted orders decided`, timeoutMs: 120_000, intervalMs: 500 },
  );
  const decisions = await count(
    `SELECT count(*)::int AS n FROM order_status_history WHERE order_id = ANY($1) AND status <> 'received'`,
    [orderIds],
  );
  expect(decisions).toBe(orderIds.length); // each decided exactly once
  const pending = await count(
    `SELECT count(*)::int AS n FROM orders WHERE lines @> $1::jsonb AND status = 'pending'`,
    [JSON.stringify([{ sku: run.orderSku }])],
  );
  expect(pending).toBeLessThanOrEqual(STOCK);
  await waitFor(
    async () =>
      (await count(
        `SELECT count(*)::int AS n FROM journal WHERE sku = $1 AND type = 'StockReserved'`,
        [run.orderSku],
      )) === pending,
    { what: `${pending} reservations of ${run.orderSku} in the journal`, timeoutMs: 90_000 },
  );
  await waitFor(
    async () =>
      (await count(`SELECT count(*)::int AS n FROM journal WHERE event_id = ANY($1::uuid[])`, [
        eventIds,
      ])) === eventIds.length,
    { what: `${eventIds.length} accepted events in the journal`, timeoutMs: 90_000 },
  );
  const stock = await api(gatewayUrl, 'GET', `/v1/stock/${run.orderSku}`, {
    token: TEST_TOKENS.web,
  });
  expect(stock.body).toMatchObject({ onHand: STOCK, reserved: pending });
}

function summary(attempts: Attempt[]): string {
  const byStatus = new Map<string, number>();
  for (const a of attempts) {
    const key = `${a.kind} ${a.status}${a.error ? ` (${a.error})` : ''}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  return [...byStatus].map(([k, n]) => `${k}: ${n}`).join(', ');
}
