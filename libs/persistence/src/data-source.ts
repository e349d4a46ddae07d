import { Pool } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { Order, OrderStatusChange } from './orders';
import { adoptSqlPool, poolReportingPg } from './sql-pool';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Postgres schema to work in (search_path); replay builds into a fresh one. */
  schema?: string;
  applicationName?: string;
  /** Override of IDLE_IN_TRANSACTION_TIMEOUT_MS (tests). */
  idleInTransactionTimeoutMs?: number;
  /** sqlPool prepares the statements marked by preparedSql, per connection (default true; DATABASE_PREPARED_STATEMENTS). */
  preparedStatements?: boolean;
}

/**
 * How long Postgres lets one of our sessions sit idle inside a transaction
 * before it ends the session. Our transactions never wait on people: the
 * longest idle gap is the ledger publishing a batch's stock levels before its
 * commit. A session idle longer belongs to a process that is gone while its
 * connection is not (a host lost mid-transaction, a proxy that kept the
 * socket open): its row locks would otherwise stall every later batch of the
 * same orders or SKUs until TCP noticed, hours by default. Ended, it rolls
 * back and its work is redone by whoever owns the batch now.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * Server-side TCP keepalives for our sessions: Postgres notices a peer that
 * vanished (host lost, network cut) within about a minute instead of the
 * kernel's two hours, and drops its session and any session advisory lock it
 * held (compaction's snapshot and reconciliation locks).
 */
const SERVER_KEEPALIVES =
  '-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3';

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  const schema = options.schema ?? 'public';
  return {
    type: 'postgres',
    url: options.url,
    schema,
    // Mapped for reads and simple writes; hot paths use set-based SQL.
    entities: [Order, OrderStatusChange],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Never: the schema changes only through checked-in migrations.
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'stockflow',
      idle_in_transaction_session_timeout:
        options.idleInTransactionTimeoutMs ?? IDLE_IN_TRANSACTION_TIMEOUT_MS,
      options: `-c search_path=${schema} ${SERVER_KEEPALIVES}`,
    },
  };
}

/** Opens the DataSource; sqlPool(db) then answers the pg pool under it. */
export async function connectDatabase(options: DatabaseOptions): Promise<DataSource> {
  let pool: Pool | undefined;
  const driver = poolReportingPg((created) => (pool ??= created));
  const db = await new DataSource({ ...dataSourceOptions(options), driver }).initialize();
  if (!pool) throw new Error('connectDatabase: TypeORM opened no pg pool');
  adoptSqlPool(db, pool, options.preparedStatements ?? true);
  return db;
}

/** Arbitrary constant: the advisory lock that serialises migration runs. */
const MIGRATION_LOCK = 7_364_001;

/**
 * Applies pending migrations. Several services may start at once, so the run
 * holds an advisory lock (pool size 1 keeps lock and migrations on one session).
 */
export async function runMigrations(options: DatabaseOptions): Promise<string[]> {
  const ds = await connectDatabase({ ...options, poolSize: 1 });
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (options.schema) await ds.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
