import { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `work` on one dedicated connection while holding a session advisory lock,
 * or returns `{ acquired: false }` at once when another session (another
 * replica) holds it. The lock lives as long as the connection: if the holder
 * dies, Postgres drops its session and the lock with it, so there is no lease
 * expiry to tune and no stale holder to clean up. (Session locks need a real
 * session: behind PgBouncer, use session pooling for this service.)
 */
export async function withAdvisoryLock<T>(
  db: DataSource,
  lockId: number,
  work: (session: QueryRunner) => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const session = db.createQueryRunner();
  await session.connect();
  try {
    const [{ locked }] = await session.query('SELECT pg_try_advisory_lock($1) AS locked', [lockId]);
    if (!locked) return { acquired: false };
    try {
      return { acquired: true, value: await work(session) };
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [lockId]);
    }
  } finally {
    await session.release();
  }
}
