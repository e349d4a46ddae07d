import { kafkaConnection } from '@stockflow/config';
import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@stockflow/kafka';
import { DatabaseModule } from '@stockflow/persistence';
import { ServiceKitModule } from '@stockflow/service-kit';
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
        ServiceKitModule.forRoot({ metricsRefreshMs: config.METRICS_REFRESH_MS }),
        KafkaModule.forRoot({
          ...kafkaConnection(config, 'ledger'),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          // one connection per partition batch folded in parallel, plus health checks and reads
          poolSize: config.LEDGER_PARTITIONS_CONCURRENCY + 2,
          applicationName: 'stockflow-ledger',
        }),
      ],
      controllers: [LedgerConsumer, PoolsConsumer],
      providers: [{ provide: LedgerConfig, useValue: config }, ...ledgerBacklogMetrics(config)],
    };
  }
}
