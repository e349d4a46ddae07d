import { DynamicModule, Module } from '@nestjs/common';
import { PoolFeed } from '@stockflow/kafka';
import { StockflowServiceModule } from '@stockflow/service-kit';
import { ChannelSyncConfig } from './channel-sync.config';
import { ChannelDefinition } from '@stockflow/channels';
import { CHANNEL_SETTINGS, ChannelFleet } from './consumers/channel-fleet';
import { DeadLetterIndexConsumer } from './consumers/dead-letter-index.consumer';
import { InputGuardConsumer } from './consumers/input-guard.consumer';
import { channelSettings } from './delivery/channel-settings';
import { DeadLetterReplay } from './dlq/dead-letter-replay';
import { DeadLetterSummaryController } from './http/dead-letter-summary.controller';
import { DlqController } from './http/dlq.controller';
import { channelSyncBacklogMetrics } from './jobs/channel-sync-backlog.metrics';
import { PoolResend } from './pool-resend/pool-resend';

@Module({})
export class ChannelSyncModule {
  static forRoot(config: ChannelSyncConfig, channels: ChannelDefinition[]): DynamicModule {
    return {
      module: ChannelSyncModule,
      imports: [
        StockflowServiceModule.forRoot(config, { name: 'channel-sync', databasePoolSize: 4 }),
      ],
      controllers: [
        DlqController,
        DeadLetterSummaryController,
        InputGuardConsumer,
        DeadLetterIndexConsumer,
      ],
      providers: [
        { provide: CHANNEL_SETTINGS, useValue: channels.map((c) => channelSettings(c, config)) },
        ChannelFleet,
        DeadLetterReplay,
        ...channelSyncBacklogMetrics(config, channels),
        PoolFeed,
        PoolResend,
      ],
    };
  }
}
