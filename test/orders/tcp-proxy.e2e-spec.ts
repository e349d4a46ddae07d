import { Socket } from 'net';
import { Client } from 'pg';
import { connections, createTestDatabase, dropTestDatabase, waitFor } from '@stockflow/testing';
import { TcpProxy, startTcpProxy } from './tcp-proxy';

/**
 * The fault tests' proxy must behave like the network it stands in for: a
 * process that dies behind it loses its sessions. Otherwise a killed orders
 * instance's Postgres session outlives it, holding its row locks.
 */
describe('the fault tests’ TCP proxy in front of Postgres', () => {
  let adminUrl: string;
  let databaseUrl: string;
  let proxy: TcpProxy;
  let direct: Client;

  beforeAll(async () => {
    adminUrl = (await connections()).databaseAdminUrl;
    databaseUrl = await createTestDatabase(adminUrl, 'tcpproxy');
    const url = new URL(databaseUrl);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    direct = new Client({ connectionString: databaseUrl });
    await direct.connect();
    await direct.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
    await direct.query('INSERT INTO counter VALUES (1, 1)');
  });

  afterAll(async () => {
    await direct?.end();
    await proxy?.close();
    if (databaseUrl) await dropTestDatabase(adminUrl, databaseUrl);
  });

  it('ends the Postgres session of a client whose connection was reset, releasing its row locks', async () => {
    const viaProxy = new URL(databaseUrl);
    viaProxy.port = String(proxy.port);
    const dying = new Client({
      connectionString: viaProxy.toString(),
      application_name: 'proxy-reset-probe',
    });
    dying.on('error', () => undefined);
    await dying.connect();
    await dying.query('BEGIN');
    await dying.query('UPDATE counter SET n = 2 WHERE id = 1');
    // What the kernel does for a SIGKILLed process with unread bytes: RST, not FIN.
    (dying as unknown as { connection: { stream: Socket } }).connection.stream.resetAndDestroy();

    await direct.query("SET lock_timeout = '3s'");
    await direct.query('UPDATE counter SET n = n + 10 WHERE id = 1');
    expect((await direct.query('SELECT n FROM counter WHERE id = 1')).rows).toEqual([{ n: 11 }]);
    await waitFor(
      async () =>
        (
          await direct.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'proxy-reset-probe'",
          )
        ).rows[0].n === 0,
      { timeoutMs: 2000, what: 'the reset client’s session gone' },
    );
  });
});
