import { readFileSync } from 'node:fs';
import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { KafkaSettings, SASL_MECHANISMS } from './kafka-security';

// The Kafka security variables depend on each other (a mechanism needs a username
// and a password, a CA file needs TLS), so each rule sees the whole config and
// names the variable to fix. Used by WithKafka (env-fragments.ts).

type Fields = Partial<KafkaSettings>;

function fieldRule(
  name: string,
  problem: (value: unknown, fields: Fields) => string | undefined,
  options?: ValidationOptions,
) {
  return (object: object, propertyName: string) => {
    let last: string | undefined;
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          last = problem(value, args.object as Fields);
          return last === undefined;
        },
        defaultMessage: () => last ?? `${propertyName} is invalid`,
      },
    });
  };
}

function readable(path: string, what: string, check?: (text: string) => string | undefined) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`;
  }
  return check?.(text);
}

/** KAFKA_SASL_MECHANISM: one kafkajs knows, and set whenever a username or password is. */
export const IsSaslMechanism = () =>
  fieldRule('isSaslMechanism', (value, f) => {
    if (value === '' || value === undefined) {
      const set = (
        ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'] as const
      )
        .filter((k) => f[k])
        .join(', ');
      return set
        ? `KAFKA_SASL_MECHANISM must be set (${SASL_MECHANISMS.join(', ')}) when ${set} is`
        : undefined;
    }
    return (SASL_MECHANISMS as readonly unknown[]).includes(value)
      ? undefined
      : `KAFKA_SASL_MECHANISM must be ${SASL_MECHANISMS.join(', ')} or empty (no authentication)`;
  });

/** KAFKA_SASL_USERNAME: required with a mechanism. */
export const IsSaslUsername = () =>
  fieldRule('isSaslUsername', (value, f) =>
    f.KAFKA_SASL_MECHANISM && !value
      ? `KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM is set`
      : undefined,
  );

/** KAFKA_SASL_PASSWORD: exactly one of it and KAFKA_SASL_PASSWORD_FILE with a mechanism. */
export const IsSaslPassword = () =>
  fieldRule('isSaslPassword', (value, f) => {
    if (value && f.KAFKA_SASL_PASSWORD_FILE)
      return 'set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both';
    if (f.KAFKA_SASL_MECHANISM && !value && !f.KAFKA_SASL_PASSWORD_FILE)
      return 'KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE) is required when KAFKA_SASL_MECHANISM is set';
    return undefined;
  });

/** KAFKA_SASL_PASSWORD_FILE: a readable, non-empty file (a mounted Secret key). */
export const IsPasswordFile = () =>
  fieldRule('isPasswordFile', (value) =>
    value
      ? readable(String(value), 'KAFKA_SASL_PASSWORD_FILE', (text) =>
          text.trim() === '' ? `KAFKA_SASL_PASSWORD_FILE ${value} is empty` : undefined,
        )
      : undefined,
  );

/** KAFKA_SSL_CA_FILE: only with KAFKA_SSL=true, and a readable PEM certificate. */
export const IsCaFile = () =>
  fieldRule('isCaFile', (value, f) => {
    if (!value) return undefined;
    if (f.KAFKA_SSL !== true) return 'KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true';
    return readable(String(value), 'KAFKA_SSL_CA_FILE', (text) =>
      text.includes('-----BEGIN CERTIFICATE-----')
        ? undefined
        : `KAFKA_SSL_CA_FILE ${value} holds no PEM certificate`,
    );
  });
