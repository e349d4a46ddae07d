import { IsInt, Max, Min } from 'class-validator';
import { HttpEnv, WithDatabase, WithKafka } from './env-fragments';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends WithDatabase(WithKafka(HttpEnv)) {
  @IsInt()
  @Min(1)
  @Max(10)
  WORKERS = 2;
}

describe('loadConfig', () => {
  it('uses development defaults when nothing is set', () => {
    const config = loadConfig(ExampleConfig, {});
    expect(config).toMatchObject({
      PORT: 3000,
      WORKERS: 2,
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('coerces numbers from the environment', () => {
    expect(loadConfig(ExampleConfig, { PORT: '8080', WORKERS: '7' })).toMatchObject({
      PORT: 8080,
      WORKERS: 7,
    });
  });

  it('names every bad variable and what is wrong with it', () => {
    let error: unknown;
    try {
      loadConfig(ExampleConfig, {
        PORT: 'eighty',
        WORKERS: '11',
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
        DATABASE_PREPARED_STATEMENTS: 'sometimes',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT="eighty": .*integer/m);
    expect(problems).toMatch(/^WORKERS="11": .*not be greater than 10/m);
    expect(problems).toMatch(
      /^DATABASE_URL="mysql:\/\/x": DATABASE_URL must be a postgres:\/\/ URL/m,
    );
    expect(problems).toMatch(/^KAFKA_BROKERS="nohost": KAFKA_BROKERS must be host:port/m);
    expect(problems).toMatch(
      /^DATABASE_PREPARED_STATEMENTS="sometimes": DATABASE_PREPARED_STATEMENTS must be true or false/m,
    );
    expect((error as ConfigError).problems).toHaveLength(5);
  });
});
