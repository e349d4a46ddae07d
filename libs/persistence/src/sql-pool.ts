import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import pg, { Pool, PoolClient, PoolConfig, QueryResultRow } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { statement } from './prepared-statements';
import { Queryable } from './queryable';

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ';

/** One open transaction on one connection. */
export interface SqlTransaction extends Queryable {
  /** Runs `COPY ... FROM STDIN` with `text` (see copyText) as its data. */
  copyFrom(statement: string, text: string): Promise<void>;
}

export interface SqlPool extends Queryable {
  /** BEGIN ... COMMIT on one connection (ROLLBACK on error). */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>, isolation?: Isolation): Promise<T>;
}

const pools = new WeakMap<DataSource, SqlPool>();

/**
 * The pg module handed to TypeORM as its `driver` option (public, documented as
 * "defaults to require('pg')"): pg itself, except that the Pool TypeORM makes
 * is reported to `onPool`. The library thereby holds the pool it owns without
 * reading TypeORM's private driver fields. TypeORM still ends it on destroy().
 */
export function poolReportingPg(onPool: (pool: Pool) => void): typeof pg {
  class ReportedPool extends pg.Pool {
    constructor(config?: PoolConfig) {
      super(config);
      onPool(this);
    }
  }
  return Object.create(pg, { Pool: { value: ReportedPool } }) as typeof pg;
}

/**
 * Makes `pool` (the one under `db`, see poolReportingPg) what sqlPool(db)
 * answers; with `prepare`, the statements marked by preparedSql are prepared
 * per connection.
 */
export function adoptSqlPool(db: DataSource, pool: Pool, prepare: boolean): void {
  pools.set(db, wrap(pool, prepare));
}

/**
 * The pg pool under a DataSource opened by connectDatabase (same connections,
 * same pool limit) answering plain rows. For hot paths: DataSource.query builds
 * a query runner and a result object per call, which costs more than checkout's
 * statements (about a seventh of the orders service's CPU under load). It also
 * answers the rows of UPDATE/DELETE ... RETURNING, where DataSource.query
 * answers [rows, count].
 */
export function sqlPool(db: DataSource): SqlPool {
  const pool = pools.get(db);
  if (!pool) throw new Error('sqlPool: this DataSource was not opened by connectDatabase');
  return pool;
}

/**
 * A connection the caller has already put inside BEGIN, seen as a
 * SqlTransaction; marked statements prepared as the services run them unless
 * `prepare` is false.
 */
export function clientTransaction(client: PoolClient, prepare = true): SqlTransaction {
  return {
    query: async <Row>(sql: string, parameters?: unknown[]) =>
      (await client.query<Row & QueryResultRow>(statement(sql, parameters, prepare))).rows,
    copyFrom: (statement, text) =>
      pipeline(Readable.from([text]), client.query(copyFrom(statement))),
  };
}

function wrap(pool: Pool, prepare: boolean): SqlPool {
  return {
    query: async <Row>(sql: string, parameters?: unknown[]) =>
      (await pool.query<Row & QueryResultRow>(statement(sql, parameters, prepare))).rows,
    transaction: async (work, isolation = 'READ COMMITTED') => {
      const client: PoolClient = await pool.connect();
      // pg-pool listens for errors only on idle clients: a checked-out one whose
      // connection drops (Postgres restarting) would emit an unhandled 'error' and
      // end the process. Held here instead; the broken client is then destroyed.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        const result = await work(clientTransaction(client, prepare));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!broken) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
  };
}
