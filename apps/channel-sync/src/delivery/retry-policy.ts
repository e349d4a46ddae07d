export interface RetryPolicy {
  /** Sends of one SKU's update before it is dead-lettered (the first send counts). */
  maxAttempts: number;
  /** Delay after the first failure; doubles with every further one. */
  baseDelayMs: number;
  /** Cap of the exponential delay (Retry-After from the channel is honoured as given). */
  maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random.
 * The fixed half keeps a retry from coming back almost at once; the random half
 * spreads the SKUs that failed together (a channel outage) so they do not return
 * as one thundering herd. `failures` counts failed sends so far (1 after the first).
 */
export function backoffDelay(
  failures: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Longest Retry-After honoured; beyond it a broken header would park a channel for days. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Parses Retry-After (RFC 9110: delay-seconds or an HTTP-date) into a delay in ms.
 * Undefined when absent or unreadable, so the caller falls back to its backoff.
 */
export function parseRetryAfter(
  header: string | string[] | undefined,
  now: number,
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  // An HTTP-date always names a weekday or month; Date.parse alone would take '-3' for a year.
  const delay = /^\d+$/.test(trimmed)
    ? Number(trimmed) * 1000
    : /[A-Za-z]/.test(trimmed)
      ? Date.parse(trimmed) - now
      : NaN;
  if (Number.isNaN(delay)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, delay));
}
