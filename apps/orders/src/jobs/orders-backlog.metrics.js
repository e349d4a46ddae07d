"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ordersBacklogMetrics = ordersBacklogMetrics;
var kafkajs_1 = require("kafkajs");
var kafka_1 = require("@stockflow/kafka");
var reservations_1 = require("@stockflow/reservations");
var service_kit_1 = require("@stockflow/service-kit");
var order_topics_1 = require("../orders/order-topics");
/** Lag of the order queue and of the stock-levels feed of the counters, the queue's DLQ and the Redis outbox. */
function ordersBacklogMetrics(config) {
    var queueGroup = config.KAFKA_TOPIC_PREFIX + config.ORDERS_GROUP_ID;
    var levelsGroup = "".concat(config.KAFKA_TOPIC_PREFIX).concat(config.ORDERS_GROUP_ID, "-stock-levels");
    return [
        {
            provide: service_kit_1.METRIC_REFRESHERS,
            inject: [kafkajs_1.Kafka, kafka_1.TOPICS, order_topics_1.ORDER_TOPICS, reservations_1.RESERVATIONS],
            useFactory: function (kafka, topics, queue, reservations) { return [
                new kafka_1.BacklogMetrics(kafka, {
                    lag: (0, kafka_1.committedLag)([
                        { group: queueGroup, topic: queue.received },
                        { group: levelsGroup, topic: topics.stockLevels },
                    ]),
                    dlqTopics: [queue.receivedDlq],
                }),
                new reservations_1.OutboxDepthMetric(reservations.stock),
            ]; },
        },
        service_kit_1.MetricRefreshLoop,
    ];
}
