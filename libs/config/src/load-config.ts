import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

/** Thrown at startup when the environment does not fit an app's config schema. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Builds an app's config from environment variables. Field names are the
 * variable names; defaults on the class are the local-development values.
 * Every problem is reported at once, each naming its variable.
 */
export function loadConfig<T extends object>(
  schema: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = new schema() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : coerce(value, defaults[key]);
  }
  const config = plainToInstance(schema, raw);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.map((e) => describe(e, env[e.property])));
  return config;
}

/** Environment values are strings; a field's default tells which type it wants. */
function coerce(value: string, fallback: unknown): unknown {
  if (typeof fallback === 'number') return value.trim() === '' ? NaN : Number(value);
  if (typeof fallback === 'boolean')
    return value === '1' || value === 'true'
      ? true
      : value === '0' || value === 'false'
        ? false
        : value;
  return value;
}

/** Variables whose value never goes to a log, even when it is the wrong one. */
const SECRET = /PASSWORD$|SECRET$|TOKENS?$/;

/** `NAME=<value as set>: what is wrong` (the value as written, not as coerced: NaN shows as "eighty"). */
function describe(error: ValidationError, asSet: string | undefined): string {
  const shown = SECRET.test(error.property)
    ? '(hidden)'
    : asSet !== undefined && asSet !== ''
      ? JSON.stringify(asSet)
      : `${JSON.stringify(error.value)} (default)`;
  const constraints = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}=${shown}: ${constraints}`;
}
