import { Kafka, logLevel } from 'kafkajs';

export interface KafkaClientOptions {
  brokers: string;
  clientId: string;
}

/** One kafkajs client per process; brokers as `host:port[,host:port]`. */
export function createKafka({ brokers, clientId }: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
    // Keep retrying for ~1 min across broker restarts before a call fails to the caller.
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
  });
}
