import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Readiness } from '@stockflow/runtime';
import { BulkJobRepository } from './bulk/bulk-jobs';
import { DatabaseOptions, connectDatabase } from './data-source';
import { ChannelDeadLetterRepository } from './channel-sync/dead-letter-repository';
import { PoolResendRepository } from './channel-sync/pool-resend-repository';
import { OrderRepository } from './orders/order-repository';

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly db: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/**
 * The app's TypeORM DataSource (migrations are run by scripts/migrate, never
 * synchronize) and the repositories holding each table's SQL.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [Readiness],
          useFactory: async (readiness: Readiness) => {
            const db = await connectDatabase(options);
            readiness.register('postgres', async () => void (await db.query('SELECT 1')));
            return db;
          },
        },
        DatabaseLifecycle,
        OrderRepository,
        ChannelDeadLetterRepository,
        PoolResendRepository,
        BulkJobRepository,
      ],
      exports: [
        DataSource,
        OrderRepository,
        ChannelDeadLetterRepository,
        PoolResendRepository,
        BulkJobRepository,
      ],
    };
  }
}
