import { Provider } from '@nestjs/common';
import { TopicNames } from '@stockflow/contracts';
import { BacklogMetrics, Kafka, TOPICS, committedLag } from '@stockflow/kafka';
import { OutboxDepthMetric, RESERVATIONS, ReservationContext } from '@stockflow/reservations';
import { METRIC_REFRESHERS, MetricRefreshLoop } from '@stockflow/service-kit';
import { OrdersConfig } from '../orders.config';
import { ORDER_TOPICS, OrderTopics } from '../orders/order-topics';

/** Lag of the order queue and of the stock-levels feed of the counters, the queue's DLQ and the Redis outbox. */
export function ordersBacklogMetrics(config: OrdersConfig): Provider[] {
  const queueGroup = config.KAFKA_TOPIC_PREFIX + config.ORDERS_GROUP_ID;
  const levelsGroup = `${config.KAFKA_TOPIC_PREFIX}${config.ORDERS_GROUP_ID}-stock-levels`;
  return [
    {
      provide: METRIC_REFRESHERS,
      inject: [Kafka, TOPICS, ORDER_TOPICS, RESERVATIONS],
      useFactory: (
        kafka: Kafka,
        topics: TopicNames,
        queue: OrderTopics,
        reservations: ReservationContext,
      ) => [
        new BacklogMetrics(kafka, {
          lag: committedLag([
            { group: queueGroup, topic: queue.received },
            { group: levelsGroup, topic: topics.stockLevels },
          ]),
          dlqTopics: [queue.receivedDlq],
        }),
        new OutboxDepthMetric(reservations.stock),
      ],
    },
    MetricRefreshLoop,
  ];
}
