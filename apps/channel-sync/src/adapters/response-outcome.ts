import { parseRetryAfter } from '../delivery/retry-policy';
import { DeliveryOutcome } from './channel-adapter';

/** Statuses worth retrying: the channel is overloaded, restarting or timed out, not refusing the update. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Turns a channel's answer into an outcome. 2xx lands; 429 and 503 carry
 * Retry-After (honoured as given); other 4xx mean the channel refuses this
 * update (bad credentials, unknown item), which retrying cannot fix, so it is
 * dead-lettered at once with the status and the start of the body as reason.
 */
export function responseOutcome(
  status: number,
  retryAfter: string | string[] | undefined,
  body: string,
  now: number,
): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true, status };
  const snippet = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  const reason = `channel answered ${status}${snippet ? `: ${snippet}` : ''}`;
  const retryable = RETRYABLE.has(status) || (status >= 500 && status !== 501 && status !== 505);
  if (!retryable) return { ok: false, retryable: false, status, reason };
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
  return {
    ok: false,
    retryable: true,
    status,
    reason,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** A request that got no answer (refused, reset, timed out) is always worth retrying. */
export function transportFailure(error: unknown): DeliveryOutcome {
  const e = error as { code?: string; message?: string };
  return {
    ok: false,
    retryable: true,
    reason: `no answer: ${[e.code, e.message].filter(Boolean).join(' ') || String(error)}`,
  };
}
