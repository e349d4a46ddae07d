import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IDLE_IN_TRANSACTION_TIMEOUT_MS, connectDatabase, sqlPool } from '@stockflow/persistence';
import { connections, createTestDatabase, dropTestDatabase } from '@stockflow/testing';

/**
 * A session whose process is gone but whose connection is not (a host lost
 * mid-transaction, a proxy holding the socket) must not keep its row locks:
 * Postgres ends our sessions once they sit idle inside a transaction for too
 * long, and probes idle peers with TCP keepalives.
 */
describe('session limits on every connection of connectDatabase', () => {
  let adminUrl: string;
  let databaseUrl: string;
  let db: DataSource;
  let other: Client;

  beforeAll(async () => {
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'sessionlimits');
    other = new Client({ connectionString: databaseUrl });
    await other.connect();
    await other.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
    await other.query('INSERT INTO counter VALUES (1, 1)');
  });

  afterAll(async () => {
    await db?.destroy();
    await other?.end();
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
  });

  it('carries the idle-in-transaction limit and server keepalives by default', async () => {
    const defaults = await connectDatabase({ url: databaseUrl, poolSize: 1 });
    try {
      const show = async (setting: string) =>
        (await sqlPool(defaults).query<Record<string, string>>(`SHOW ${setting}`))[0][setting];
      expect(await show('idle_in_transaction_session_timeout')).toBe(
        `${IDLE_IN_TRANSACTION_TIMEOUT_MS / 1000}s`,
      );
      expect(await show('tcp_keepalives_idle')).toBe('30');
      expect(await show('tcp_keepalives_interval')).toBe('10');
      expect(await show('tcp_keepalives_count')).toBe('3');
    } finally {
      await defaults.destroy();
    }
  });

  it('ends a session idle in its transaction past the limit: its update is rolled back and its row lock released', async () => {
    db = await connectDatabase({ url: databaseUrl, poolSize: 2, idleInTransactionTimeoutMs: 300 });
    const sql = sqlPool(db);
    let updated!: () => void;
    const holdsLock = new Promise<void>((resolve) => (updated = resolve));
    const stalled = sql.transaction(async (tx) => {
      await tx.query('UPDATE counter SET n = 2 WHERE id = 1');
      updated();
      // The process that opened the transaction stops talking, as if it were gone.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await tx.query('SELECT 1');
    });
    await holdsLock;
    // Waits for the row lock; without the limit this would time out after 5 s.
    await other.query("SET lock_timeout = '5s'");
    const started = Date.now();
    await other.query('UPDATE counter SET n = n + 10 WHERE id = 1');
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(stalled).rejects.toThrow();
    expect((await other.query('SELECT n FROM counter WHERE id = 1')).rows).toEqual([{ n: 11 }]);
    // The pool replaced the ended connection: the next transaction works.
    await sql.transaction((tx) => tx.query('UPDATE counter SET n = n + 100 WHERE id = 1'));
    expect((await other.query('SELECT n FROM counter WHERE id = 1')).rows).toEqual([{ n: 111 }]);
  });
});
