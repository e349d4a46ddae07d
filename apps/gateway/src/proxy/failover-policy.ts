/**
 * When the gateway may send a request to the next instance of an upstream.
 * Pure: no I/O, so the rules are tested on their own (failover-policy.spec.ts).
 */

/** Errors that mean the request never reached the instance: sending it elsewhere is always safe. */
const NEVER_REACHED = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH']);

/** Errors that mean the instance went away with the request: it may or may not have acted on it. */
const LOST_MIDWAY = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

/** Each instance is tried once per request. */
export function nextAttempt(attempt: number, instances: number): boolean {
  return attempt + 1 < instances;
}

/**
 * A request lost mid-way is repeated only when repeating it is harmless: reads,
 * PUT/DELETE (a cart release releases what is left), and `POST /v1/orders`,
 * which always carries an orderId once it passed the gateway. Timeouts are not
 * retried: the instance is alive and may still finish the work.
 */
export function isRetryable(
  error: Error & { code?: string },
  method: string,
  url: string,
): boolean {
  const code = error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '';
  if (NEVER_REACHED.has(code)) return true;
  if (!LOST_MIDWAY.has(code)) return false;
  return isRepeatable(method, url);
}

export function isRepeatable(method: string, url: string): boolean {
  if (['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(method)) return true;
  return method === 'POST' && url.split('?')[0] === '/v1/orders';
}
