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

/** An instance that has not answered within the attempt timeout (slow, starting, or hung). */
const NOT_ANSWERED = new Set(['UND_ERR_HEADERS_TIMEOUT']);

function errorCode(error: Error & { code?: string }): string {
  return error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '';
}

/** The request never reached the instance (refused, unreachable): nothing was done there. */
export function neverReached(error: Error): boolean {
  return NEVER_REACHED.has(errorCode(error));
}

/** The instance had the request but gave no answer within the attempt's timeout. */
export function isAttemptTimeout(error: Error): boolean {
  return NOT_ANSWERED.has(errorCode(error));
}

/**
 * A request lost mid-way, or not answered within the attempt timeout (see
 * `attemptTimeoutMs`), is repeated only when repeating it is harmless: reads,
 * PUT/DELETE (a cart release releases what is left), and `POST /v1/orders`,
 * which always carries an orderId once it passed the gateway.
 */
export function isRetryable(
  error: Error & { code?: string },
  method: string,
  url: string,
): boolean {
  const code = errorCode(error);
  if (NEVER_REACHED.has(code)) return true;
  if (!LOST_MIDWAY.has(code) && !NOT_ANSWERED.has(code)) return false;
  return isRepeatable(method, url);
}

/**
 * How long one attempt may wait for the answer's headers: a repeatable request
 * with another instance left to try gets the short attempt timeout (a slow or
 * freshly started instance must not hold checkout up); the last attempt, and
 * any request that cannot be repeated, the full one.
 */
export function attemptTimeoutMs(
  options: { timeoutMs: number; attemptTimeoutMs: number },
  repeatable: boolean,
  last: boolean,
): number {
  return repeatable && !last
    ? Math.min(options.attemptTimeoutMs, options.timeoutMs)
    : options.timeoutMs;
}

export function isRepeatable(method: string, url: string): boolean {
  if (['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(method)) return true;
  return method === 'POST' && url.split('?')[0] === '/v1/orders';
}
