/**
 * Creates the database named by DATABASE_URL if it is missing, then applies
 * pending migrations. Run by `npm start`, by CI, and by the k8s migration Job.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { Matches } from 'class-validator';
import { BaseEnv, WithDatabase, loadConfig } from '@stockflow/config';
import { runMigrations } from '@stockflow/persistence';

class MigrateConfig extends WithDatabase(BaseEnv) {
  @Matches(/^([a-z_][a-z0-9_]*)?$/, {
    message: 'DATABASE_SCHEMA must be a plain lower-case identifier',
  })
  DATABASE_SCHEMA = '';
}

export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const config = loadConfig(MigrateConfig);
  await ensureDatabase(config.DATABASE_URL);
  const applied = await runMigrations({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA || undefined,
  });
  console.log(
    applied.length > 0
      ? `applied migrations: ${applied.join(', ')}`
      : 'database schema is up to date',
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
