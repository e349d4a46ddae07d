/**
 * bench:reserve — the Redis Lua reservation (libs/reservations) beside the
 * Magento-MSI way, on the same machine, at reservation tables of 0, 100,000 and
 * 1,000,000 rows.
 *
 * MSI way, one Postgres transaction per reservation: read the source quantity,
 * SUM() the sku's rows of the reservation table (salable = source + SUM), and
 * INSERT a reservation row when it fits. The table's rows belong to the skus
 * being sold, as in a flash sale where a hot sku's reservation rows pile up
 * until cleanup; (sku) is indexed, as MSI indexes (stock_id, sku).
 *
 * Redis way: one Lua script per order (check-and-decrement, registry entry,
 * outbox entry), with the registry holding as many reservations as the table.
 *
 * MSI on MariaDB (reserve-mariadb.ts): MSI's own table shape and cleanup, the
 * cleanup running beside 16 checkout clients, lock-wait timeouts and deadlocks
 * counted; beside it the same 16 clients without cleanup and one client alone.
 *
 * Every cell reports the CPU it cost per reservation, from /proc: this process
 * (the clients), every postgres process, Redis and MariaDB.
 */
import 'reflect-metadata';
import Redis from 'ioredis';
import { Client } from 'pg';
import { randomBytes } from 'crypto';
import { cpus } from 'os';
import { RedisStock } from '@stockflow/reservations';
import { CellResult, measure } from './bench-stats';
import { Cell, cell, cells, summary } from './reserve-cells';
import { deleteKeys, loadAverage } from './support/bench-env';
import { MsiMariaDb, mariadbAnswers } from './reserve-mariadb';

// BENCH_SIZES=0,1000 for a quick check of the script itself.
const SIZES = (process.env.BENCH_SIZES ?? '0,100000,1000000').split(',').map(Number);
const SKUS = Array.from({ length: 10 }, (_, i) => `BENCH-${i}`);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const BATCH = 100;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main(): Promise<void> {
  const id = randomBytes(3).toString('hex');
  const mariadbProblem = await mariadbAnswers();
  if (mariadbProblem) {
    console.error(
      `bench:reserve: MariaDB does not answer at ${process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test'} (${mariadbProblem}); ` +
        'start it (Debian: apt-get install -y mariadb-server; service mariadb start) or set MARIADB_URL. It needs the Sequence engine (seq_1_to_N, MariaDB >= 10.0).',
    );
    process.exit(2);
  }
  const maria = await MsiMariaDb.connect(CONCURRENCY, id);
  await maria.createTable();
  const prefix = `bench:reserve:${id}:`;
  const redis = new Redis(REDIS_URL);
  const stock = new RedisStock(redis, prefix);
  const dbName = `sf_bench_reserve_${id}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const pool = await Promise.all(
    Array.from({ length: CONCURRENCY }, () => connect(dbUrl.toString())),
  );
  console.log(
    `bench:reserve  ${SECONDS} s per cell, ${SKUS.length} skus, load average ${loadAverage()} (${cpus().length} cores)`,
  );
  console.log(
    'latency: one client, one reservation at a time; throughput: concurrent clients (one pg connection each, one shared Redis connection)',
  );
  try {
    await pool[0].query(`
      CREATE TABLE source_item (sku varchar(64) PRIMARY KEY, quantity bigint NOT NULL);
      CREATE TABLE reservation (reservation_id bigserial PRIMARY KEY, sku varchar(64) NOT NULL, quantity integer NOT NULL,
                                metadata text, filler boolean NOT NULL DEFAULT false);
      CREATE INDEX reservation_sku_idx ON reservation (sku);`);
    await pool[0].query('INSERT INTO source_item SELECT unnest($1::varchar[]), 1000000000', [SKUS]);
    for (const sku of SKUS)
      await stock.seed(sku, {
        counter: { avail: 1_000_000_000, ver: 1, locations: { main: 1_000_000_000 } },
        registry: [],
        precounted: [],
        republish: [],
      });
    let rows = 0;
    for (const size of SIZES) {
      await grow(pool[0], stock, maria, rows, size);
      rows = size;
      const rowsLabel = `${size.toLocaleString('en')} rows`;
      for (const clients of [1, CONCURRENCY]) {
        const shape = clients === 1 ? 'latency, 1 client' : `throughput, ${clients} clients`;
        await cell('postgres', size, shape, () =>
          measure(`postgres MSI (${rowsLabel}, ${shape})`, SECONDS, clients, (_, worker) =>
            reserveMsi(pool[worker], SKUS[worker % SKUS.length]),
          ),
        );
        await cell('mariadb', size, shape, () =>
          measureMaria(maria, `mariadb MSI  (${rowsLabel}, ${shape})`, clients),
        );
        await cell('redis', size, shape, () =>
          measure(`redis lua    (${rowsLabel}, ${shape})`, SECONDS, clients, (i) =>
            reserveLua(stock, `${id}-${size}-${clients}-${i}`, SKUS[i % SKUS.length]),
          ),
        );
      }
      await besideCleanup(maria, size, rowsLabel);
      // How the queue consumer calls it: a partition batch of orders in one pipeline (latency = per batch).
      const before = await scriptStats(redis);
      await cell('redis', size, `pipelines of ${BATCH} orders`, async () => ({
        ...(await measure(
          `redis lua    (${rowsLabel}, pipelines of ${BATCH} orders)`,
          SECONDS,
          1,
          (i) =>
            stock.reserveOrders(
              Array.from({ length: BATCH }, (_, k) =>
                luaOrder(`${id}-${size}-p${i}-${k}`, SKUS[k % SKUS.length]),
              ),
              new Date(),
            ),
        )),
        unitsPerOp: BATCH,
      }));
      const after = await scriptStats(redis);
      const usec = (after.usec - before.usec) / Math.max(1, after.calls - before.calls);
      console.log(
        `redis server time per reservation script     ${usec.toFixed(1)} µs  ` +
          `(one Redis core: ~${Math.round(1e6 / usec).toLocaleString('en')} reservations/s; the rest above is client and loopback)`,
      );
      // The benchmark's own reservations would change the next size: put the table back to `size` rows.
      await pool[0].query('DELETE FROM reservation WHERE NOT filler');
      await pool[0].query('VACUUM ANALYZE reservation');
      await maria.removeOwnRows();
    }
    console.log(`bench-result: ${summary(SIZES, CONCURRENCY)}`);
  } finally {
    await maria.dropTable();
    await maria.close();
    await Promise.all(pool.map((c) => c.end()));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

/**
 * MSI's cleanup pass after pass and shipping (the compensations it deletes)
 * beside CONCURRENCY checkout clients on MariaDB: the fight the seeds describe.
 */
async function besideCleanup(maria: MsiMariaDb, size: number, rowsLabel: string): Promise<void> {
  const conflictsBefore = { ...maria.conflicts };
  const innodbBefore = await maria.innodbStatus();
  let done = false;
  const shipping = maria.ship(() => done);
  const cleaning = maria.cleanUp(() => done);
  const shape = `${CONCURRENCY} clients + shipping + cleanup`;
  const extra: Partial<Cell> = {};
  const checkout = cell('mariadb', size, shape, async () => {
    const r = await measureMaria(maria, `mariadb MSI  (${rowsLabel}, ${shape})`, CONCURRENCY);
    done = true;
    const [shipped, cleanup] = await Promise.all([shipping, cleaning]);
    const innodb = await maria.innodbStatus();
    Object.assign(extra, {
      lockWaitTimeouts: maria.conflicts.lockWaitTimeouts - conflictsBefore.lockWaitTimeouts,
      deadlocks: maria.conflicts.deadlocks - conflictsBefore.deadlocks,
      innodbRowLockWaits: innodb.rowLockWaits - innodbBefore.rowLockWaits,
      cleanupPasses: cleanup.passes,
      cleanupDeleted: cleanup.deleted,
      shipped,
    });
    const slowest = Math.max(...cleanup.seconds);
    console.log(
      `  beside it: ${shipped} compensations shipped, cleanup ${cleanup.passes} passes (slowest ${slowest.toFixed(2)} s) deleted ${cleanup.deleted} rows; ` +
        `lock-wait timeouts ${extra.lockWaitTimeouts}, deadlocks ${extra.deadlocks} (InnoDB: ${extra.innodbRowLockWaits} row lock waits, ${innodb.deadlocks - innodbBefore.deadlocks} deadlocks)`,
    );
    return r;
  });
  await checkout;
  Object.assign(cells[cells.length - 1], extra);
}

/** Checkouts on MariaDB; one that failed on a lock counts in the latencies (the shopper waited) but not as a reservation. */
async function measureMaria(
  maria: MsiMariaDb,
  label: string,
  clients: number,
): Promise<CellResult> {
  let failed = 0;
  const r = await measure(label, SECONDS, clients, async (_, worker) => {
    if (!(await maria.reserve(worker, SKUS[worker % SKUS.length]))) failed++;
  });
  return { ...r, unitsPerOp: (r.operations - failed) / Math.max(1, r.operations) };
}

/** One single-line order through the same script checkout uses (stock.reserveOrders). */
function reserveLua(stock: RedisStock, orderId: string, sku: string) {
  return stock.reserveOrders([luaOrder(orderId, sku)], new Date());
}

function luaOrder(orderId: string, sku: string) {
  return {
    orderId,
    channel: 'web',
    lines: [{ sku, quantity: 1, reservationId: `ord:${orderId}:1` }],
  };
}

/** MSI's placeReservationsForSalesEvent after its salable-qty check, in one transaction. */
async function reserveMsi(db: Client, sku: string): Promise<boolean> {
  await db.query('BEGIN');
  try {
    const [{ quantity }] = (
      await db.query('SELECT quantity FROM source_item WHERE sku = $1', [sku])
    ).rows;
    const [{ sum }] = (
      await db.query('SELECT COALESCE(SUM(quantity), 0) AS sum FROM reservation WHERE sku = $1', [
        sku,
      ])
    ).rows;
    const fits = Number(quantity) + Number(sum) >= 1;
    if (fits)
      await db.query(
        `INSERT INTO reservation (sku, quantity, metadata) VALUES ($1, -1, '{"event_type":"order_placed"}')`,
        [sku],
      );
    await db.query('COMMIT');
    return fits;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** Adds rows up to `size`: reservation/compensation pairs (net 0) in Postgres, open entries in the Redis registry. */
async function grow(
  db: Client,
  stock: RedisStock,
  maria: MsiMariaDb,
  from: number,
  size: number,
): Promise<void> {
  if (size <= from) return;
  const t0 = Date.now();
  await maria.grow(SKUS, from, size);
  await db.query(
    `INSERT INTO reservation (sku, quantity, metadata, filler)
     SELECT 'BENCH-' || (g % 10), CASE WHEN g % 2 = 0 THEN -1 ELSE 1 END, '{"event_type":"order_placed"}', true
     FROM generate_series($1::bigint, $2::bigint - 1) g`,
    [from, size],
  );
  await db.query('VACUUM ANALYZE reservation');
  for (let start = from; start < size; start += 10_000) {
    const pipeline = stock.redis.pipeline();
    for (let i = start; i < Math.min(size, start + 10_000); i++) {
      pipeline.hset(
        stock.keys.reservation(SKUS[i % 10], `ord:fill-${i}:1`),
        'sku',
        SKUS[i % 10],
        'qty',
        1,
        'state',
        'open',
        'kind',
        'order',
        'order',
        `fill-${i}`,
        'ch',
        'web',
      );
    }
    await pipeline.exec();
  }
  console.log(
    `(grew the reservation tables (postgres, mariadb) and the registry to ${size.toLocaleString('en')} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

/** EVALSHA calls and server microseconds so far (INFO commandstats; other users of this Redis add noise). */
async function scriptStats(redis: Redis): Promise<{ calls: number; usec: number }> {
  const line =
    (await redis.info('commandstats')).split('\n').find((l) => l.startsWith('cmdstat_evalsha:')) ??
    '';
  const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(line)?.[1] ?? 0);
  return { calls: field('calls'), usec: field('usec') };
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
