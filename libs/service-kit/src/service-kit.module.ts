import { DynamicModule, Global, Module } from '@nestjs/common';
import { CHANNEL_TOKENS, ChannelAuthGuard, OPERATOR_TOKENS } from './auth/channel-auth.guard';
import { parseChannelTokens, parseOperatorTokens } from './auth/channel-tokens';
import { HealthController } from './health/health.controller';
import { Readiness } from '@stockflow/runtime';
import { registerDefaultMetrics } from './metrics/default-metrics';
import { DEFAULT_METRIC_REFRESH_MS, METRIC_REFRESH_INTERVAL_MS } from './metrics/metric-refresh';
import { MetricsController } from './metrics/metrics.controller';

export interface ServiceKitOptions {
  /** `CHANNEL_TOKENS`; omit for services without authenticated routes. */
  channelTokens?: string;
  /** `OPERATOR_TOKENS`; omit for services without operator routes. */
  operatorTokens?: string;
  /** `METRICS_REFRESH_MS`: pause between refreshes of the service's MetricRefreshers. */
  metricsRefreshMs?: number;
}

/** Health, readiness, metrics and channel auth: what every Stockflow service exposes. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions = {}): DynamicModule {
    registerDefaultMetrics();
    return {
      module: ServiceKitModule,
      controllers: [HealthController, MetricsController],
      providers: [
        Readiness,
        ChannelAuthGuard,
        { provide: CHANNEL_TOKENS, useValue: parseChannelTokens(options.channelTokens ?? '') },
        { provide: OPERATOR_TOKENS, useValue: parseOperatorTokens(options.operatorTokens ?? '') },
        {
          provide: METRIC_REFRESH_INTERVAL_MS,
          useValue: options.metricsRefreshMs ?? DEFAULT_METRIC_REFRESH_MS,
        },
      ],
      exports: [
        Readiness,
        ChannelAuthGuard,
        CHANNEL_TOKENS,
        OPERATOR_TOKENS,
        METRIC_REFRESH_INTERVAL_MS,
      ],
    };
  }
}
