import { Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisStock, ReservationContext, createRedis, hydrateAll } from '@stockflow/reservations';
import { Readiness } from '@stockflow/service-kit';
import { OrdersConfig } from '../orders.config';

/** Injection token of the ReservationContext (Redis counters + Postgres). */
export const RESERVATIONS = Symbol('RESERVATIONS');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

export const redisProviders: Provider[] = [
  {
    provide: Redis,
    inject: [OrdersConfig, Readiness],
    useFactory: async (config: OrdersConfig, readiness: Readiness) => {
      const redis = createRedis(config.REDIS_URL);
      await redis.connect().catch((error) => new Logger('Redis').error(`not reachable yet: ${error.message}`));
      readiness.register('redis', async () => void (await redis.ping()));
      return redis;
    },
  },
  {
    provide: RESERVATIONS,
    inject: [Redis, DataSource, OrdersConfig],
    useFactory: async (redis: Redis, db: DataSource, config: OrdersConfig): Promise<ReservationContext> => {
      const ctx = { stock: new RedisStock(redis, config.REDIS_KEY_PREFIX), db };
      // Warm every counter before serving; a counter that is missing later is hydrated on first use.
      const logger = new Logger('Hydration');
      await hydrateAll(ctx).then(
        (n) => logger.log(`hydrated ${n} stock counters from the ledger`),
        (error) => logger.error(`startup hydration failed, counters hydrate on first use: ${error.message}`),
      );
      return ctx;
    },
  },
  RedisLifecycle,
];
