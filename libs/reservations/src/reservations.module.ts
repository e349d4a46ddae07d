import {
  DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  Provider,
  Type,
} from '@nestjs/common';
import { PoolDirectorySource } from '@stockflow/ledger-core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Readiness } from '@stockflow/runtime';
import { ReservationContext, hydrateAll } from './hydration';
import { createFailClosedRedis } from './redis-client';
import { RedisStock } from './redis-stock';

/** Injection token of the ReservationContext (Redis counters + the app's DataSource). */
export const RESERVATIONS = Symbol('RESERVATIONS');

export interface ReservationsModuleOptions {
  redisUrl: string;
  keyPrefix: string;
  /** Warm every counter from the ledger before serving (checkout); others hydrate on first use. */
  hydrateOnStart?: boolean;
  /**
   * Where channels' pools come from (PoolFeed of @stockflow/kafka in the orders
   * service, which registers its own readiness): reservations take units at the
   * pool's locations. Without it every channel sells from the default pool.
   */
  pools?: Type<PoolDirectorySource>;
}

/** Stands in for the pool directory when the app has none (its jobs only release). */
const NO_POOLS = Symbol('NO_POOLS');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  /** Runs after consumers and job loops stopped (beforeApplicationShutdown). */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** Redis (fail-closed client, readiness check) and the ReservationContext over it. Needs DatabaseModule. */
@Global()
@Module({})
export class ReservationsModule {
  static forRoot(options: ReservationsModuleOptions): DynamicModule {
    const pools: Provider = options.pools ?? { provide: NO_POOLS, useValue: undefined };
    return {
      module: ReservationsModule,
      providers: [
        {
          provide: Redis,
          inject: [Readiness],
          useFactory: async (readiness: Readiness) => {
            const redis = createFailClosedRedis(options.redisUrl);
            await redis
              .connect()
              .catch((error) => new Logger('Redis').error(`not reachable yet: ${error.message}`));
            readiness.register('redis', async () => void (await redis.ping()));
            return redis;
          },
        },
        {
          provide: RESERVATIONS,
          inject: [Redis, DataSource, options.pools ?? NO_POOLS],
          useFactory: async (
            redis: Redis,
            db: DataSource,
            directory?: PoolDirectorySource,
          ): Promise<ReservationContext> => {
            const ctx = { stock: new RedisStock(redis, options.keyPrefix), db, pools: directory };
            if (options.hydrateOnStart) await warm(ctx);
            return ctx;
          },
        },
        RedisLifecycle,
        pools,
      ],
      exports: [Redis, RESERVATIONS],
    };
  }
}

async function warm(ctx: ReservationContext): Promise<void> {
  const logger = new Logger('Hydration');
  await hydrateAll(ctx).then(
    (n) => logger.log(`hydrated ${n} stock counters from the ledger`),
    (error) =>
      logger.error(`startup hydration failed, counters hydrate on first use: ${error.message}`),
  );
}
