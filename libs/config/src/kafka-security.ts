import { readFileSync } from 'node:fs';

// How a Kafka client proves who it is (SASL) and checks who it talks to (TLS).
// Empty settings mean a local broker without either; anything half-set is a
// startup error naming the variable, never a client that fails at its first
// request with a broker-side "authentication failed".

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** The config fields a Kafka client is built from (the ones WithKafka declares). */
export interface KafkaSettings {
  KAFKA_BROKERS: string;
  KAFKA_CLIENT_ID: string;
  KAFKA_SASL_MECHANISM: string;
  KAFKA_SASL_USERNAME: string;
  KAFKA_SASL_PASSWORD: string;
  KAFKA_SASL_PASSWORD_FILE: string;
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE: string;
}

/** Plain data for the Kafka client factory (libs/kafka maps it onto kafkajs). */
export interface KafkaSecurity {
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  /** TLS on every broker connection; `ca` replaces the system roots (a private cluster CA). */
  ssl?: { ca?: string };
}

export interface KafkaConnection {
  brokers: string;
  clientId: string;
  security: KafkaSecurity;
}

/**
 * What one Kafka client of this process connects with: the brokers, a client id
 * naming its role (`<KAFKA_CLIENT_ID>-<role>`) and the credentials, read from
 * the mounted files now (a rotated Secret is picked up by the next process).
 */
export function kafkaConnection(config: KafkaSettings, role: string): KafkaConnection {
  return {
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-${role}`,
    security: kafkaSecurity(config),
  };
}

export function kafkaSecurity(config: KafkaSettings): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (config.KAFKA_SASL_MECHANISM) {
    security.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM as SaslMechanism,
      username: config.KAFKA_SASL_USERNAME,
      password: config.KAFKA_SASL_PASSWORD_FILE
        ? secretFileText(config.KAFKA_SASL_PASSWORD_FILE)
        : config.KAFKA_SASL_PASSWORD,
    };
  }
  if (config.KAFKA_SSL) {
    security.ssl = config.KAFKA_SSL_CA_FILE
      ? { ca: readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8') }
      : {};
  }
  return security;
}

/** A mounted Secret's value: Kubernetes writes it as is, an editor adds a final newline. */
function secretFileText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}
