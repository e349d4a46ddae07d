import { ITopicConfig } from '@stockflow/kafka';

export interface OrderTopics {
  /** Accepted orders waiting to be decided, key = orderId: FIFO per partition. */
  received: string;
  /** Queue messages that are not an order (with the reason and the original bytes). */
  receivedDlq: string;
}

export function orderTopics(prefix: string): OrderTopics {
  return { received: `${prefix}orders.received`, receivedDlq: `${prefix}orders.received.dlq` };
}

export function orderTopicConfigs(topics: OrderTopics, partitions: number): ITopicConfig[] {
  return [
    { topic: topics.received, numPartitions: partitions, replicationFactor: 1 },
    { topic: topics.receivedDlq, numPartitions: 1, replicationFactor: 1 },
  ];
}

/** Injection token of the resolved OrderTopics. */
export const ORDER_TOPICS = Symbol('ORDER_TOPICS');
