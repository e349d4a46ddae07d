"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ORDER_TOPICS = void 0;
exports.orderTopics = orderTopics;
exports.orderTopicConfigs = orderTopicConfigs;
function orderTopics(prefix) {
    return { received: "".concat(prefix, "orders.received"), receivedDlq: "".concat(prefix, "orders.received.dlq") };
}
function orderTopicConfigs(topics, partitions) {
    return [
        { topic: topics.received, numPartitions: partitions, replicationFactor: 1 },
        { topic: topics.receivedDlq, numPartitions: 1, replicationFactor: 1 },
    ];
}
/** Injection token of the resolved OrderTopics. */
exports.ORDER_TOPICS = Symbol('ORDER_TOPICS');
