import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * A Redis client that fails closed: no offline queue and a short command
 * timeout, so while Redis is unreachable every reservation fails at once (sync
 * checkout answers 503, the queue consumer keeps its orders `received` and
 * retries, jobs back off) instead of waiting. It keeps reconnecting in the
 * background. Call connect() before use.
 */
export function createFailClosedRedis(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Connection errors surface to callers as failed commands; log the outage once, not per retry.
  const logger = new Logger('Redis');
  let down = false;
  redis.on('error', (error) => {
    if (!down) logger.error(`connection lost: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('connection back');
    down = false;
  });
  return redis;
}
