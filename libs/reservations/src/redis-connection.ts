import Redis from 'ioredis';

/**
 * Fail closed: no offline queue and a short command timeout, so while Redis is
 * unreachable every reservation fails at once (sync checkout answers 503, the
 * queue consumer keeps its orders `received` and retries) instead of waiting.
 */
export function createRedis(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}
