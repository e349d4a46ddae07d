import { DataSource } from 'typeorm';
import { connectDatabase, dataSourceOptions, preparedSql, sqlPool } from '@stockflow/persistence';
import { connections, createTestDatabase, dropTestDatabase } from '@stockflow/testing';

/**
 * sqlPool(db) is the pg pool TypeORM itself uses (one pool limit, not two), and
 * the library gets it through TypeORM's public `driver` option, not its internals.
 */
describe('sqlPool: the pg pool under the DataSource', () => {
  let adminUrl: string;
  let databaseUrl: string;
  let db: DataSource;

  beforeAll(async () => {
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'sqlpool');
    db = await connectDatabase({ url: databaseUrl, poolSize: 1 });
  });

  afterAll(async () => {
    await db?.destroy();
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
  });

  it('shares its connections with TypeORM: with a pool of one, TypeORM waits for an open transaction', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = sqlPool(db).transaction(async (tx) => {
      await tx.query('SELECT 1');
      order.push('transaction holds the connection');
      await held;
      order.push('transaction commits');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const viaTypeorm = db.query('SELECT 1 AS one').then((rows: { one: number }[]) => {
      order.push('typeorm query');
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(order).toEqual(['transaction holds the connection']);
    release();
    await transaction;
    expect(await viaTypeorm).toEqual([{ one: 1 }]);
    expect(order).toEqual([
      'transaction holds the connection',
      'transaction commits',
      'typeorm query',
    ]);
  });

  it('answers plain rows, RETURNING included', async () => {
    const sql = sqlPool(db);
    await sql.query('CREATE TABLE counted (n int)');
    expect(await sql.query('INSERT INTO counted VALUES (1), (2) RETURNING n')).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
    expect(await sql.query('UPDATE counted SET n = n * 10 WHERE n = 2 RETURNING n')).toEqual([
      { n: 20 },
    ]);
  });

  it('prepares a statement marked by preparedSql once per connection, and no other', async () => {
    const sql = sqlPool(db);
    const marked = preparedSql('SELECT $1::int + 1 AS n');
    expect(await sql.query(marked, [1])).toEqual([{ n: 2 }]);
    expect(await sql.query(marked, [41])).toEqual([{ n: 42 }]);
    await sql.transaction(async (tx) => expect(await tx.query(marked, [2])).toEqual([{ n: 3 }]));
    expect(await sql.query('SELECT $1::int - 1 AS n', [1])).toEqual([{ n: 0 }]);
    // One connection (poolSize 1): its session holds the marked statement once.
    expect(await sql.query('SELECT name, statement FROM pg_prepared_statements')).toEqual([
      { name: expect.stringMatching(/^sf_/), statement: marked },
    ]);
  });

  it('prepares nothing with preparedStatements false (a pooler that does not keep them)', async () => {
    const unprepared = await connectDatabase({
      url: databaseUrl,
      poolSize: 1,
      preparedStatements: false,
    });
    try {
      const sql = sqlPool(unprepared);
      const marked = preparedSql('SELECT $1::int * 2 AS n');
      expect(await sql.query(marked, [21])).toEqual([{ n: 42 }]);
      await sql.transaction(async (tx) => expect(await tx.query(marked, [3])).toEqual([{ n: 6 }]));
      expect(await sql.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).toEqual([
        { n: 0 },
      ]);
    } finally {
      await unprepared.destroy();
    }
  });

  it('refuses a DataSource it did not open, naming why', async () => {
    const foreign = new DataSource(dataSourceOptions({ url: databaseUrl, poolSize: 1 }));
    await foreign.initialize();
    try {
      expect(() => sqlPool(foreign)).toThrow('not opened by connectDatabase');
    } finally {
      await foreign.destroy();
    }
  });
});
