import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { HttpEnv, KafkaSettings, kafkaConnection } from '@stockflow/config';
import { KafkaModule } from '@stockflow/kafka';
import { DatabaseModule } from '@stockflow/persistence';
import { Readiness } from '@stockflow/runtime';
import { CHANNEL_TOKENS, ChannelAuthGuard, OPERATOR_TOKENS } from './auth/channel-auth.guard';
import { parseChannelTokens, parseOperatorTokens } from './auth/channel-tokens';
import { HealthController } from './health/health.controller';
import { registerDefaultMetrics } from './metrics/default-metrics';
import { METRIC_REFRESH_INTERVAL_MS } from './metrics/metric-refresh';
import { MetricsController } from './metrics/metrics.controller';

/**
 * The config fields every service has (HttpEnv, WithKafka, WithDatabase of
 * libs/config); the token lists only where the app declares WithChannelTokens.
 */
export interface StockflowServiceConfig extends HttpEnv, KafkaSettings {
  KAFKA_TOPIC_PREFIX: string;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_PREPARED_STATEMENTS: boolean;
  /** `CHANNEL_TOKENS`; absent in services without authenticated routes. */
  CHANNEL_TOKENS?: string;
  /** `OPERATOR_TOKENS`; absent in services without operator routes. */
  OPERATOR_TOKENS?: string;
}

export interface StockflowServiceOptions {
  /**
   * The service's name: its Kafka client id is `<KAFKA_CLIENT_ID>-<name>` and
   * its Postgres sessions are `stockflow-<name>` (pg_stat_activity).
   */
  name: string;
  /** Postgres connections of this process; DATABASE_POOL_SIZE when omitted. */
  databasePoolSize?: number;
}

/**
 * What every Stockflow service has, in one import: its validated config
 * (injectable by its class), Kafka (client, topics, the batching publisher,
 * KafkaTransport), Postgres (DataSource and the table repositories), health
 * and readiness, /metrics, channel and operator auth. Shutdown order comes with
 * it: app.close() stops the transport's consumers first, then the producer and
 * the database close in their onApplicationShutdown hooks.
 */
@Global()
@Module({})
export class StockflowServiceModule {
  static forRoot<C extends StockflowServiceConfig>(
    config: C,
    options: StockflowServiceOptions,
  ): DynamicModule {
    registerDefaultMetrics();
    const configToken = config.constructor as Type<C>;
    return {
      module: StockflowServiceModule,
      imports: [
        KafkaModule.forRoot({
          ...kafkaConnection(config, options.name),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: options.databasePoolSize ?? config.DATABASE_POOL_SIZE,
          applicationName: `stockflow-${options.name}`,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: configToken, useValue: config },
        Readiness,
        ChannelAuthGuard,
        { provide: CHANNEL_TOKENS, useValue: parseChannelTokens(config.CHANNEL_TOKENS ?? '') },
        { provide: OPERATOR_TOKENS, useValue: parseOperatorTokens(config.OPERATOR_TOKENS ?? '') },
        { provide: METRIC_REFRESH_INTERVAL_MS, useValue: config.METRICS_REFRESH_MS },
      ],
      exports: [
        configToken,
        Readiness,
        ChannelAuthGuard,
        CHANNEL_TOKENS,
        OPERATOR_TOKENS,
        METRIC_REFRESH_INTERVAL_MS,
      ],
    };
  }
}
