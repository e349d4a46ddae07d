import { existsSync } from 'fs';
import { randomBytes } from 'crypto';
import { Client } from 'pg';

/**
 * Where the real services of a test run live. Env first (CI and dev machines run
 * Postgres, Redis and Kafka on loopback); when none is configured and a Docker
 * engine answers, testcontainers starts them once per test file.
 */
export interface Connections {
  databaseAdminUrl: string;
  kafkaBrokers: string;
  redisUrl: string;
}

let cached: Promise<Connections> | undefined;

export function connections(): Promise<Connections> {
  cached ??= resolveConnections();
  return cached;
}

async function resolveConnections(): Promise<Connections> {
  const fromEnv = {
    databaseAdminUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    redisUrl: process.env.REDIS_URL,
  };
  const configured = fromEnv.databaseAdminUrl || fromEnv.kafkaBrokers || fromEnv.redisUrl;
  if (!configured && dockerAnswers()) return startContainers();
  return {
    databaseAdminUrl: fromEnv.databaseAdminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    kafkaBrokers: fromEnv.kafkaBrokers ?? '127.0.0.1:9092',
    redisUrl: fromEnv.redisUrl ?? 'redis://127.0.0.1:6379/0',
  };
}

function dockerAnswers(): boolean {
  return !!process.env.DOCKER_HOST || existsSync('/var/run/docker.sock');
}

async function startContainers(): Promise<Connections> {
  // Loaded lazily: most runs (CI here) never need it.
  const { GenericContainer, Wait } = await import('testcontainers');
  const [postgres, redis, kafka] = await Promise.all([
    new GenericContainer('postgres:15')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start(),
    new GenericContainer('redis:7').withExposedPorts(6379).start(),
    new GenericContainer('apache/kafka:4.1.2')
      .withExposedPorts({ container: 9092, host: 19092 })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
        // Fixed host port: Kafka must advertise the address clients reach it on.
        KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start(),
  ]);
  return {
    databaseAdminUrl: `postgres://postgres@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
    kafkaBrokers: `${kafka.getHost()}:19092`,
    redisUrl: `redis://${redis.getHost()}:${redis.getMappedPort(6379)}/0`,
  };
}

/** A database of its own for one test file, so suites never see each other's rows. */
export async function createTestDatabase(adminUrl: string, label: string): Promise<string> {
  const name = `sf_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
