import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseEnv, WithKafka } from './env-fragments';
import { kafkaConnection } from './kafka-security';
import { ConfigError, loadConfig } from './load-config';

class KafkaConfig extends WithKafka(BaseEnv) {}

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(KafkaConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Kafka SASL and TLS settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-kafka-security-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('connects without SASL or TLS when nothing is set', () => {
    const config = loadConfig(KafkaConfig, {});
    expect(kafkaConnection(config, 'ledger')).toEqual({
      brokers: '127.0.0.1:9092',
      clientId: 'stockflow-ledger',
      security: {},
    });
  });

  it('passes a SCRAM login with the password from a mounted file and the cluster CA', () => {
    const config = loadConfig(KafkaConfig, {
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'stockflow-ledger',
      KAFKA_SASL_PASSWORD_FILE: file('password', 's3cret\n'),
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: file('ca.crt', PEM),
    });
    expect(kafkaConnection(config, 'ledger').security).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'stockflow-ledger', password: 's3cret' },
      ssl: { ca: PEM },
    });
  });

  it('takes the password from the environment, and TLS with the system roots', () => {
    const config = loadConfig(KafkaConfig, {
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'p',
      KAFKA_SSL: '1',
    });
    expect(kafkaConnection(config, 'ops').security).toEqual({
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
      ssl: {},
    });
  });

  it('refuses a mechanism without its username and password, naming both variables', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-256' })).toEqual([
      expect.stringMatching(/^KAFKA_SASL_USERNAME=.*required when KAFKA_SASL_MECHANISM is set/),
      expect.stringMatching(
        /^KAFKA_SASL_PASSWORD=\(hidden\): KAFKA_SASL_PASSWORD \(or KAFKA_SASL_PASSWORD_FILE\) is required/,
      ),
    ]);
  });

  it('refuses credentials without a mechanism, and an unknown mechanism', () => {
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toEqual([
      'KAFKA_SASL_MECHANISM="" (default): KAFKA_SASL_MECHANISM must be set (plain, scram-sha-256, scram-sha-512) when KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD is',
    ]);
    expect(
      problemsOf({
        KAFKA_SASL_MECHANISM: 'SCRAM',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'p',
      }),
    ).toEqual([
      'KAFKA_SASL_MECHANISM="SCRAM": KAFKA_SASL_MECHANISM must be plain, scram-sha-256, scram-sha-512 or empty (no authentication)',
    ]);
  });

  it('never shows a password in the error, even a misplaced one', () => {
    const problems = problemsOf({
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'hunter2',
      KAFKA_SASL_PASSWORD_FILE: file('both', 'hunter2'),
    });
    expect(problems).toEqual([
      'KAFKA_SASL_PASSWORD=(hidden): set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('refuses a password file that is missing or empty', () => {
    const base = { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' };
    expect(problemsOf({ ...base, KAFKA_SASL_PASSWORD_FILE: join(dir, 'nope') })).toEqual([
      expect.stringMatching(/^KAFKA_SASL_PASSWORD_FILE=.*cannot read .*nope: ENOENT/),
    ]);
    expect(problemsOf({ ...base, KAFKA_SASL_PASSWORD_FILE: file('empty', '\n') })).toEqual([
      expect.stringMatching(/^KAFKA_SASL_PASSWORD_FILE=.* is empty$/),
    ]);
  });

  it('refuses a CA file without KAFKA_SSL, one that holds no certificate, and a KAFKA_SSL that is no boolean', () => {
    const ca = file('ca.pem', PEM);
    expect(problemsOf({ KAFKA_SSL_CA_FILE: ca })).toEqual([
      `KAFKA_SSL_CA_FILE="${ca}": KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true`,
    ]);
    expect(problemsOf({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: file('junk', 'hello') })).toEqual([
      expect.stringMatching(/^KAFKA_SSL_CA_FILE=.*holds no PEM certificate$/),
    ]);
    expect(problemsOf({ KAFKA_SSL: 'yes' })).toEqual([
      'KAFKA_SSL="yes": KAFKA_SSL must be true or false',
    ]);
  });
});
