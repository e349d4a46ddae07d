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
          // one connection per partition batch folded in parallel, plus health checks and reads
          databasePoolSize: config.LEDGER_PARTITIONS_CONCURRENCY + 2,
        }),
      ],
      controllers: [LedgerConsumer, PoolsConsumer],
      providers: [...ledgerBacklogMetrics(config)],
    };
  }
}
