import { DynamicModule, Module } from '@nestjs/common';
import { ChannelDefinition } from '@stockflow/channels';
import { PoolFeed } from '@stockflow/kafka';
import { StockflowServiceModule } from '@stockflow/service-kit';
import { BulkController } from './bulk/bulk.controller';
import { BulkIngest } from './bulk/bulk-ingest';
import { CHANNEL_SAFETY_STOCK, ChannelStockController } from './channels/channel-stock.controller';
import { EventIngest } from './events/event-ingest';
import { EventResults } from './events/event-results.consumer';
import { EventsController } from './events/events.controller';
import { GatewayConfig } from './gateway.config';
import { ConsumerLagSource } from './ops/consumer-lag-source';
import { DeadLetterSummary } from './ops/dead-letter-summary';
import { OpsController } from './ops/ops.controller';
import { ServiceHealth } from './ops/service-health';
import { LedgerController } from './ledger/ledger.controller';
import { PoolWrites } from './pools/pool-writes';
import { PoolsController } from './pools/pools.controller';
import { SetQuantityController } from './stock/set-quantity.controller';
import { StockController } from './stock/stock.controller';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, channels: ChannelDefinition[]): DynamicModule {
    return {
      module: GatewayModule,
      imports: [StockflowServiceModule.forRoot(config, { name: 'gateway' })],
      controllers: [
        EventsController,
        BulkController,
        StockController,
        SetQuantityController,
        PoolsController,
        LedgerController,
        OpsController,
        ChannelStockController,
      ],
      providers: [
        { provide: CHANNEL_SAFETY_STOCK, useValue: new Map(channels.map((c) => [c.name, c])) },
        EventIngest,
        BulkIngest,
        PoolFeed,
        PoolWrites,
        EventResults,
        ServiceHealth,
        ConsumerLagSource,
        DeadLetterSummary,
      ],
    };
  }
}
