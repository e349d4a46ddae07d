/**
 * The kafkajs names apps need (the client, their injection token; message and
 * topic types), re-exported so that kafkajs stays a dependency of libs/kafka
 * alone: apps import them from '@stockflow/kafka'.
 */
export { Kafka } from 'kafkajs';
export type { Admin, ITopicConfig, KafkaMessage, Message } from 'kafkajs';
