import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Readiness } from '@stockflow/runtime';
import { BulkJobRepository } from './bulk/bulk-jobs';
import { DatabaseOptions, connectDatabase } from './data-source';
import { ChannelDeadLetterRepository } from './channel-sync/dead-letter-repository';
import { PoolResendRepository } from './channel-sync/pool-resend-repository';
import { JournalRepository } from './ledger/journal-repository';
import { ReservationRepository } from './ledger/reservation-repository';
import { StockRepository } from './ledger/stock-repository';
import { OrderRepository } from './orders/order-repository';
import { SqlPool, sqlPool } from './sql-pool';

/** A repository over a Queryable, injected on the app's pg pool (plain rows, cheaper than DataSource.query). */
const overPool = <T>(repository: new (db: SqlPool) => T) => ({
  provide: repository,
  inject: [DataSource],
  useFactory: (db: DataSource) => new repository(sqlPool(db)),
});

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
        overPool(StockRepository),
        overPool(ReservationRepository),
        overPool(JournalRepository),
      ],
      exports: [
        DataSource,
        OrderRepository,
        ChannelDeadLetterRepository,
        PoolResendRepository,
        BulkJobRepository,
        StockRepository,
        ReservationRepository,
        JournalRepository,
      ],
    };
  }
}
