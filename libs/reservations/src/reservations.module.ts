import { DynamicModule, Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Readiness } from '@stockflow/service-kit';
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
}

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
    return {
      module: ReservationsModule,
      providers: [
        {
          provide: Redis,
          inject: [Readiness],
          useFactory: async (readiness: Readiness) => {
            const redis = createFailClosedRedis(options.redisUrl);
            await redis.connect().catch((error) => new Logger('Redis').error(`not reachable yet: ${error.message}`));
            readiness.register('redis', async () => void (await redis.ping()));
            return redis;
          },
        },
        {
          provide: RESERVATIONS,
          inject: [Redis, DataSource],
          useFactory: async (redis: Redis, db: DataSource): Promise<ReservationContext> => {
            const ctx = { stock: new RedisStock(redis, options.keyPrefix), db };
            if (options.hydrateOnStart) await warm(ctx);
            return ctx;
          },
        },
        RedisLifecycle,
      ],
      exports: [Redis, RESERVATIONS],
    };
  }
}

async function warm(ctx: ReservationContext): Promise<void> {
  const logger = new Logger('Hydration');
  await hydrateAll(ctx).then(
    (n) => logger.log(`hydrated ${n} stock counters from the ledger`),
    (error) => logger.error(`startup hydration failed, counters hydrate on first use: ${error.message}`),
  );
}
