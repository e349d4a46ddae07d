import { DataSource } from 'typeorm';
import { connectDatabase, dataSourceOptions, sqlPool } from '@stockflow/persistence';
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
