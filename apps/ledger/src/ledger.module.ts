import { DynamicModule, Module } from '@nestjs/common';
import { StockflowServiceModule } from '@stockflow/service-kit';
import { LedgerConsumer } from './consumers/ledger.consumer';
import { ledgerBacklogMetrics } from './jobs/ledger-backlog.metrics';
import { PoolsConsumer } from './consumers/pools.consumer';
import { LedgerConfig } from './ledger.config';

@Module({})
export class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerModule,
      imports: [
        StockflowServiceModule.forRoot(config, {
          name: 'ledger',
          // one for the fold's transaction (one at a time), plus the log-binding checks, health checks and reads
          databasePoolSize: 4,
        }),
      ],
      controllers: [LedgerConsumer, PoolsConsumer],
      providers: [...ledgerBacklogMetrics(config)],
    };
  }
}
