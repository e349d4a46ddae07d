import { DynamicModule, Global, Module } from '@nestjs/common';
import { CHANNEL_TOKENS, ChannelAuthGuard, OPERATOR_TOKENS } from './auth/channel-auth.guard';
import { parseChannelTokens, parseOperatorTokens } from './auth/channel-tokens';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { MetricsController } from './metrics/metrics.controller';

export interface ServiceKitOptions {
  /** `CHANNEL_TOKENS`; omit for services without authenticated routes. */
  channelTokens?: string;
  /** `OPERATOR_TOKENS`; omit for services without operator routes. */
  operatorTokens?: string;
}

/** Health, readiness, metrics and channel auth: what every Stockflow service exposes. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions = {}): DynamicModule {
    return {
      module: ServiceKitModule,
      controllers: [HealthController, MetricsController],
      providers: [
        Readiness,
        ChannelAuthGuard,
        { provide: CHANNEL_TOKENS, useValue: parseChannelTokens(options.channelTokens ?? '') },
        { provide: OPERATOR_TOKENS, useValue: parseOperatorTokens(options.operatorTokens ?? '') },
      ],
      exports: [Readiness, ChannelAuthGuard, CHANNEL_TOKENS, OPERATOR_TOKENS],
    };
  }
}
