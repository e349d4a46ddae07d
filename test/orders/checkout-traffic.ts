import { randomUUID } from 'crypto';
import { Client } from 'undici';
import { TEST_TOKENS, makeEvent } from '@stockflow/testing';

/**
 * Steady checkout and ingest traffic through the gateway while a fault is
 * injected, and the measure the issue asks for: the longest window in which
 * every request of a kind failed (no request of that kind succeeded). A request
 * not answered within `requestTimeoutMs` counts as failed: a client would have
 * given up on it.
 *
 * Each client sends over one connection of its own (an undici Client), so a
 * killed server process can fail at most the one request each client has on
 * it: with fetch's shared pool, a client could pick up another client's idle
 * socket to the dead process and fail twice for one kill.
 */
export type Kind = 'order' | 'event';

export interface Attempt {
  kind: Kind;
  id: string;
  startedAt: number;
  endedAt: number;
  status: number; // 0: no answer (refused, reset, timed out)
  /** Why a request got no answer (the error's code or name), for the failure's log line. */
  error?: string;
}

export interface Traffic {
  attempts: Attempt[];
  stop(): Promise<void>;
}

export interface TrafficOptions {
  gatewayUrl: string;
  orderSku: string;
  eventSku: string;
  /** Parallel clients per kind, each sending back to back. */
  clients?: number;
  requestTimeoutMs?: number;
}

const ACCEPTED: Record<Kind, number[]> = { order: [202], event: [202] };

export function startTraffic(options: TrafficOptions): Traffic {
  const attempts: Attempt[] = [];
  let running = true;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const connections: Client[] = [];
  const send = async (kind: Kind) => {
    const connection = new Client(options.gatewayUrl);
    connections.push(connection);
    while (running) {
      const id = randomUUID();
      const body =
        kind === 'order'
          ? {
              orderId: id,
              lines: [{ sku: options.orderSku, quantity: 1 }],
              payment: { method: 'card' },
            }
          : makeEvent('StockReceived', {
              eventId: id,
              sku: options.eventSku,
              channel: '3pl',
              locationId: 'wh-1',
              quantity: 1,
            });
      const token = kind === 'order' ? TEST_TOKENS.web : TEST_TOKENS['3pl'];
      const startedAt = Date.now();
      const answer = await connection
        .request({
          path: `/v1/${kind}s`,
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        })
        .then(
          async (res) => {
            await res.body.arrayBuffer();
            return { status: res.statusCode };
          },
          (err: NodeJS.ErrnoException) => ({ status: 0, error: err.code ?? err.name }),
        );
      attempts.push({ kind, id, startedAt, endedAt: Date.now(), ...answer });
      // A failing request is tried again soon, not in a hot loop (refusals answer in microseconds).
      if (!ACCEPTED[kind].includes(answer.status)) await new Promise((r) => setTimeout(r, 20));
    }
  };
  const clients = options.clients ?? 3;
  const all = [
    ...Array.from({ length: clients }, () => send('order')),
    ...Array.from({ length: clients }, () => send('event')),
  ];
  return {
    attempts,
    stop: async () => {
      running = false;
      await Promise.all(all);
      await Promise.all(connections.map((c) => c.close()));
    },
  };
}

export function accepted(attempts: Attempt[], kind: Kind): string[] {
  return attempts
    .filter((a) => a.kind === kind && ACCEPTED[kind].includes(a.status))
    .map((a) => a.id);
}

/**
 * Longest stretch of time, within [from, to], with no successful answer of this
 * kind: between two successes (or the window's edges and the nearest success).
 */
/** The longest outage and where it lay (ms after `from`), for a log line that explains a failure. */
export function longestOutage(
  attempts: Attempt[],
  kind: Kind,
  from: number,
  to: number,
): { ms: number; startsAfterMs: number } {
  const successes = attempts
    .filter((a) => a.kind === kind && ACCEPTED[kind].includes(a.status))
    .map((a) => a.endedAt)
    .filter((t) => t >= from && t <= to)
    .sort((a, b) => a - b);
  let previous = from;
  let longest = { ms: 0, startsAfterMs: 0 };
  for (const t of [...successes, to]) {
    if (t - previous > longest.ms) longest = { ms: t - previous, startsAfterMs: previous - from };
    previous = t;
  }
  return longest;
}
