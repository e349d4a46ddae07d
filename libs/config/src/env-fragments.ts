import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  IsCaFile,
  IsPasswordFile,
  IsSaslMechanism,
  IsSaslPassword,
  IsSaslUsername,
} from './kafka-security-rules';

// Building blocks of each app's config schema. Defaults are for local development
// only (the loopback services the start script runs); production sets every one.

// TypeScript requires a mixin's base constructor to take `...args: any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor<T = object> = new (...args: any[]) => T;

/**
 * The ledger's consumer group (before KAFKA_TOPIC_PREFIX), the default of
 * LEDGER_GROUP_ID wherever it is read: the ledger consumes as it; compaction's
 * snapshots, replay and the lag command read its offsets.
 */
export const DEFAULT_LEDGER_GROUP_ID = 'stockflow-ledger';

export class BaseEnv {
  @IsString()
  @Matches(/^(debug|info|warn|error)$/, { message: 'LOG_LEVEL must be debug, info, warn or error' })
  LOG_LEVEL = 'info';

  @IsInt()
  @Min(1)
  @Max(120)
  SHUTDOWN_TIMEOUT_SECONDS = 20;
}

export class HttpEnv extends BaseEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Pause between refreshes of the gauges read from elsewhere (consumer lag, DLQ and outbox depth). */
  @IsInt()
  @Min(100)
  @Max(300_000)
  METRICS_REFRESH_MS = 5000;
}

export function WithKafka<T extends Ctor>(Base: T) {
  class KafkaEnv extends Base {
    @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
      message: 'KAFKA_BROKERS must be host:port[,host:port...]',
    })
    KAFKA_BROKERS = '127.0.0.1:9092';

    /** Lets tests and parallel environments share one broker; empty in production. */
    @IsOptional()
    @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold only a-z, 0-9, . _ -' })
    KAFKA_TOPIC_PREFIX = '';

    @IsString()
    KAFKA_CLIENT_ID = 'stockflow';

    // Authentication and TLS (kafka-security.ts): all empty for a local broker.
    /** plain | scram-sha-256 | scram-sha-512; empty: no SASL. */
    @IsSaslMechanism()
    KAFKA_SASL_MECHANISM = '';

    @IsSaslUsername()
    KAFKA_SASL_USERNAME = '';

    @IsSaslPassword()
    KAFKA_SASL_PASSWORD = '';

    /** The password as a mounted file (a Kubernetes Secret key); instead of KAFKA_SASL_PASSWORD. */
    @IsPasswordFile()
    KAFKA_SASL_PASSWORD_FILE = '';

    @IsBoolean({ message: 'KAFKA_SSL must be true or false' })
    KAFKA_SSL = false;

    /** PEM CA that signed the brokers' certificates (a private cluster CA); system roots when empty. */
    @IsCaFile()
    KAFKA_SSL_CA_FILE = '';
  }
  return KafkaEnv;
}

export function WithDatabase<T extends Ctor>(Base: T) {
  class DatabaseEnv extends Base {
    @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
    DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/stockflow'; // development default

    @IsInt()
    @Min(1)
    @Max(200)
    DATABASE_POOL_SIZE = 10;

    /**
     * The plan-stable writes (preparedSql in libs/persistence) are prepared once
     * per connection and their plans reused. false behind a pooler that does not
     * keep a client's prepared statements (PgBouncer in transaction mode before
     * 1.21, or without max_prepared_statements).
     */
    @IsBoolean({ message: 'DATABASE_PREPARED_STATEMENTS must be true or false' })
    DATABASE_PREPARED_STATEMENTS = true;
  }
  return DatabaseEnv;
}

export function WithRedis<T extends Ctor>(Base: T) {
  class RedisEnv extends Base {
    @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
    REDIS_URL = 'redis://127.0.0.1:6379/0';

    /** Namespaces every key, so tests and environments can share one Redis. */
    @IsOptional()
    @Matches(/^[a-zA-Z0-9:._-]*$/, { message: 'REDIS_KEY_PREFIX may hold only a-z, 0-9, : . _ -' })
    REDIS_KEY_PREFIX = 'sf:';
  }
  return RedisEnv;
}

export function WithChannelTokens<T extends Ctor>(Base: T) {
  class ChannelTokensEnv extends Base {
    @Matches(/^[a-z0-9_-]+:[^,:\s]+(,[a-z0-9_-]+:[^,:\s]+)*$/, {
      message: 'CHANNEL_TOKENS must be channel:token[,channel:token...]',
    })
    CHANNEL_TOKENS =
      'pos:dev-pos-token,web:dev-web-token,amazon:dev-amazon-token,shopify:dev-shopify-token,3pl:dev-3pl-token'; // development default

    /** Tokens of operators: read everything, run the operator endpoints, never write events or orders. */
    @Matches(/^[^,:\s]+(,[^,:\s]+)*$/, {
      message: 'OPERATOR_TOKENS must be token[,token...] (no spaces or colons)',
    })
    OPERATOR_TOKENS = 'dev-operator-token'; // development default
  }
  return ChannelTokensEnv;
}
