/**
 * What Postgres did over a bench window, from its statistics views: commits
 * and rows written in the bench's database (pg_stat_database), WAL records,
 * bytes and flushes of the whole server (pg_stat_wal). Per unit of work these
 * say whether a path's statements are batched, which the CPU columns cannot.
 * Backends report their counters within about a second of a transaction
 * (PostgreSQL 15+), so read the end after the work has settled.
 */
import { Client } from 'pg';

export interface PgWork {
  commits: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  walRecords: number;
  walBytes: number;
  walSyncs: number;
}

interface PgWorkRow {
  commits: string;
  ins: string;
  upd: string;
  del: string;
  wal_records: string;
  wal_bytes: string;
  wal_sync: string;
}

async function read(db: Client): Promise<PgWork> {
  const { rows } = await db.query<PgWorkRow>(
    `SELECT d.xact_commit AS commits, d.tup_inserted AS ins, d.tup_updated AS upd, d.tup_deleted AS del,
            w.wal_records, w.wal_bytes, w.wal_sync
       FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()`,
  );
  const r = rows[0];
  return {
    commits: Number(r.commits),
    rowsInserted: Number(r.ins),
    rowsUpdated: Number(r.upd),
    rowsDeleted: Number(r.del),
    walRecords: Number(r.wal_records),
    walBytes: Number(r.wal_bytes),
    walSyncs: Number(r.wal_sync),
  };
}

/** Starts counting; the returned function answers the counts since. */
export async function startPgWork(db: Client): Promise<() => Promise<PgWork>> {
  const start = await read(db);
  return async () => {
    const end = await read(db);
    const keys = Object.keys(start) as (keyof PgWork)[];
    return Object.fromEntries(keys.map((k) => [k, end[k] - start[k]])) as unknown as PgWork;
  };
}

/** One line: each counter per unit. */
export function pgWorkLine(work: PgWork, units: number, unitName: string): string {
  const per = (n: number) => (n / Math.max(1, units)).toFixed(2);
  return (
    `  postgres per ${unitName}: ${per(work.commits)} commits, ${per(work.rowsInserted)} rows inserted, ` +
    `${per(work.rowsUpdated)} updated, ${per(work.rowsDeleted)} deleted; WAL ${per(work.walRecords)} records, ` +
    `${Math.round(work.walBytes / Math.max(1, units))} bytes, ${per(work.walSyncs)} flushes`
  );
}
