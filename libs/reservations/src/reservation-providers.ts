import { Injectable, Logger, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Readiness } from '@stockflow/service-kit';
import { ReservationContext } from './hydration';
import { RedisStock } from './redis-stock';
import { createRedis } from './redis-connection';

/** Injection token of the ReservationContext (Redis counters + Postgres). */
export const RESERVATIONS = Symbol('RESERVATIONS');

/** What a service's config must carry to reach the counters. */
export interface RedisSettings {
  REDIS_URL: string;
  REDIS_KEY_PREFIX: string;
}

/** Closes Redis after everything that uses it has stopped (beforeApplicationShutdown runs first). */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * Nest providers of a service that works on the Redis counters: the fail-closed
 * client (readiness check `redis`, closed on shutdown) and the ReservationContext
 * under RESERVATIONS. `config` is the provider of the app's config; `prepare`
 * runs once before the context is handed out (orders warms every counter there).
 */
export function reservationProviders(
  config: Type<RedisSettings>,
  prepare?: (ctx: ReservationContext) => Promise<void>,
): Provider[] {
  return [
    {
      provide: Redis,
      inject: [config, Readiness],
      useFactory: async (settings: RedisSettings, readiness: Readiness) => {
        const redis = createRedis(settings.REDIS_URL);
        // Not fatal: what needs Redis fails (closed) until it answers; readiness says so.
        await redis.connect().catch((error) => new Logger('Redis').error(`not reachable yet: ${error.message}`));
        readiness.register('redis', async () => void (await redis.ping()));
        return redis;
      },
    },
    {
      provide: RESERVATIONS,
      inject: [Redis, DataSource, config],
      useFactory: async (redis: Redis, db: DataSource, settings: RedisSettings): Promise<ReservationContext> => {
        const ctx = { stock: new RedisStock(redis, settings.REDIS_KEY_PREFIX), db };
        await prepare?.(ctx);
        return ctx;
      },
    },
    RedisLifecycle,
  ];
}
