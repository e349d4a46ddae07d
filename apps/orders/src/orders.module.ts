import { DynamicModule, Module } from '@nestjs/common';
import { PoolFeed } from '@stockflow/kafka';
import { ReservationsModule } from '@stockflow/reservations';
import { StockflowServiceModule, backgroundJobs } from '@stockflow/service-kit';
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
        StockflowServiceModule.forRoot(config, { name: 'orders' }),
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
