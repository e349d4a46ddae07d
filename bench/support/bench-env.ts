import Redis from 'ioredis';
import { loadavg } from 'os';

/** Removes a bench's Redis keys (its prefix) without blocking Redis (SCAN + UNLINK). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 10_000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** The 1/5/15-minute load averages, printed beside numbers taken on a shared machine. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
