import { kafkaConnection } from '@stockflow/config';
import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule, PoolFeed } from '@stockflow/kafka';
import { DatabaseModule } from '@stockflow/persistence';
import { ReservationsModule } from '@stockflow/reservations';
import { ServiceKitModule, backgroundJobs } from '@stockflow/service-kit';
import { OrderQueueConsumer } from './consumers/order-queue.consumer';
import { StockLevelsConsumer } from './consumers/stock-levels.consumer';
import { CartsController } from './http/carts.controller';
import { OrderPlacement } from './http/order-placement';
import { OrdersController } from './http/orders.controller';
import { ordersBacklogMetrics } from './jobs/orders-backlog.metrics';
import { OutboxRelayJob } from './jobs/outbox-relay.job';
import { RequeueJob } from './jobs/requeue.job';
import { OrdersConfig } from './orders.config';
import { OrderIntake } from './orders/order-intake';
import { ORDER_TOPICS, orderTopics } from './orders/order-topics';

@Module({})
export class OrdersModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: OrdersModule,
      imports: [
        ServiceKitModule.forRoot({
          channelTokens: config.CHANNEL_TOKENS,
          operatorTokens: config.OPERATOR_TOKENS,
          metricsRefreshMs: config.METRICS_REFRESH_MS,
        }),
        KafkaModule.forRoot({
          ...kafkaConnection(config, 'orders'),
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
        }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'stockflow-orders',
        }),
        // Orders and holds take units at the locations of their channel's pool (docs/pools.md).
        ReservationsModule.forRoot({
          redisUrl: config.REDIS_URL,
          keyPrefix: config.REDIS_KEY_PREFIX,
          hydrateOnStart: true,
          pools: PoolFeed,
        }),
      ],
      controllers: [OrdersController, CartsController, OrderQueueConsumer, StockLevelsConsumer],
      providers: [
        { provide: OrdersConfig, useValue: config },
        { provide: ORDER_TOPICS, useValue: orderTopics(config.KAFKA_TOPIC_PREFIX) },
        OrderIntake,
        OrderPlacement,
        // Hold expiry and reconciliation run in the compaction service.
        ...backgroundJobs([OutboxRelayJob, RequeueJob], {
          loop: { idleDelayMs: 100, errorDelayMs: 100, maxErrorDelayMs: 5_000 },
        }),
        ...ordersBacklogMetrics(config),
      ],
    };
  }
}
