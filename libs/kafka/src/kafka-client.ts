import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import type { KafkaSecurity } from '@stockflow/config';
// Before any client connects: stops kafkajs' 1 ms timer spinning on every idle connection.
import './kafkajs-idle-timer-fix';

export interface KafkaClientOptions {
  brokers: string;
  clientId: string;
  /** SASL and TLS, as kafkaConnection() (libs/config) reads them from the environment. */
  security?: KafkaSecurity;
}

/** One kafkajs client per process; brokers as `host:port[,host:port]`. */
export function createKafka({ brokers, clientId, security = {} }: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
    // Keep retrying for ~1 min across broker restarts before a call fails to the caller.
    // A refused login is not retried (kafkajs: KafkaJSSASLAuthenticationError is non-retriable).
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
    ...securityOptions(security),
  });
}

function securityOptions({ sasl, ssl }: KafkaSecurity): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const options: Pick<KafkaConfig, 'sasl' | 'ssl'> = {};
  // kafkajs types the mechanisms as a union of object shapes; ours are the three password ones.
  if (sasl) options.sasl = { ...sasl } as KafkaConfig['sasl'];
  if (ssl) options.ssl = ssl.ca ? { ca: [ssl.ca] } : true;
  return options;
}
