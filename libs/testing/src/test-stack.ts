import { randomBytes } from 'crypto';
import { Kafka } from 'kafkajs';
import { TopicNames, topicNames } from '@stockflow/contracts';
import { contractTopicConfigs, createKafka, ensureTopics } from '@stockflow/kafka';
import { runMigrations } from '@stockflow/persistence';
import { connections, createTestDatabase, dropTestDatabase } from './connections';

export const TEST_TOKENS = {
  pos: 'test-pos-token',
  web: 'test-web-token',
  amazon: 'test-amazon-token',
  shopify: 'test-shopify-token',
  '3pl': 'test-3pl-token',
} as const;

/** The operator token every test stack configures (OPERATOR_TOKENS). */
export const TEST_OPERATOR_TOKEN = 'test-operator-token';

/**
 * An isolated slice of the real stack for one test file: its own database
 * (migrated), its own topic prefix and Redis key prefix on the shared broker
 * and Redis. `env` is what every service started by the test gets.
 */
export interface TestStack {
  env: Record<string, string>;
  topics: TopicNames;
  kafka: Kafka;
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  teardown(): Promise<void>;
}

export async function createTestStack(label: string): Promise<TestStack> {
  const conn = await connections();
  const id = randomBytes(4).toString('hex');
  const topicPrefix = `test.${label}.${id}.`;
  const redisKeyPrefix = `test:${label}:${id}:`;
  const databaseUrl = await createTestDatabase(conn.databaseAdminUrl, label);
  await runMigrations({ url: databaseUrl });
  const kafka = createKafka({ brokers: conn.kafkaBrokers, clientId: `test-${label}` });
  const topics = topicNames(topicPrefix);
  await ensureTopics(kafka, contractTopicConfigs(topics));
  const env = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: conn.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    REDIS_URL: conn.redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    CHANNEL_TOKENS: Object.entries(TEST_TOKENS)
      .map(([channel, token]) => `${channel}:${token}`)
      .join(','),
    OPERATOR_TOKENS: TEST_OPERATOR_TOKEN,
    LOG_LEVEL: 'warn',
  };
  return {
    env,
    topics,
    kafka,
    databaseUrl,
    redisUrl: conn.redisUrl,
    redisKeyPrefix,
    teardown: async () => {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
      await admin.disconnect();
      await dropTestDatabase(conn.databaseAdminUrl, databaseUrl);
    },
  };
}
