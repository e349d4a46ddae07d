import { kafkaConnection } from '@stockflow/config';
import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule, PoolFeed } from '@stockflow/kafka';
import { DatabaseModule } from '@stockflow/persistence';
import { ServiceKitModule } from '@stockflow/service-kit';
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
        ServiceKitModule.forRoot({
          channelTokens: config.CHANNEL_TOKENS,
          operatorTokens: config.OPERATOR_TOKENS,
          metricsRefreshMs: config.METRICS_REFRESH_MS,
        }),
        KafkaModule.forRoot({
          ...kafkaConnection(config, 'channel-sync'),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: 4,
          applicationName: 'stockflow-channel-sync',
        }),
      ],
      controllers: [
        DlqController,
        DeadLetterSummaryController,
        InputGuardConsumer,
        DeadLetterIndexConsumer,
      ],
      providers: [
        { provide: ChannelSyncConfig, useValue: config },
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
