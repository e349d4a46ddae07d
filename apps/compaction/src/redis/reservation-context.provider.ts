import { Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisStock, ReservationContext, createRedis } from '@stockflow/reservations';
import { Readiness } from '@stockflow/service-kit';
import { CompactionConfig } from '../compaction.config';

/** Injection token of the ReservationContext (Redis counters + Postgres) the Redis-side jobs work on. */
export const RESERVATIONS = Symbol('RESERVATIONS');

/** Closes Redis after the job runner has stopped (beforeApplicationShutdown runs first). */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

export const reservationProviders: Provider[] = [
  {
    provide: Redis,
    inject: [CompactionConfig, Readiness],
    useFactory: async (config: CompactionConfig, readiness: Readiness) => {
      const redis = createRedis(config.REDIS_URL);
      // Not fatal: the Redis-side jobs fail (and back off) until it answers; the others keep running.
      await redis.connect().catch((error) => new Logger('Redis').error(`not reachable yet: ${error.message}`));
      readiness.register('redis', async () => void (await redis.ping()));
      return redis;
    },
  },
  {
    provide: RESERVATIONS,
    inject: [Redis, DataSource, CompactionConfig],
    useFactory: (redis: Redis, db: DataSource, config: CompactionConfig): ReservationContext => ({
      stock: new RedisStock(redis, config.REDIS_KEY_PREFIX),
      db,
    }),
  },
  RedisLifecycle,
];
