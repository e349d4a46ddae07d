/**
 * The Magento-MSI reservation on MariaDB (InnoDB), with the table shape MSI
 * ships and the cleanup it runs from cron, for bench:reserve.
 *
 * - Checkout (MSI's placeReservationsForSalesEvent after its salable check), one
 *   transaction: `SELECT SUM(quantity) ... WHERE stock_id = ? AND sku = ?`, then
 *   INSERT the -1 reservation. The SUM reads every reservation row of the sku
 *   through the (stock_id, sku, quantity) index: it grows with the table.
 * - Shipping: the +1 compensation of a placed order (what a shipment or a
 *   cancel inserts), one autocommit INSERT each, from one client that follows
 *   checkout as fast as it can: what gives cleanup rows to delete.
 * - Cleanup (MSI's CleanupReservations): group every row by the order in
 *   `metadata` with HAVING SUM(quantity) = 0, then DELETE ... WHERE
 *   reservation_id IN (...). Magento runs it once a minute; here it runs pass
 *   after pass, so that a 5-second cell sees it.
 *
 * Lock-wait timeouts (errno 1205) and deadlocks (1213) are counted, not retried:
 * that checkout fails as it would in the shop. innodb_lock_wait_timeout is 5 s
 * for these sessions (50 s by default would outlast a cell).
 */
import { Pool, PoolConnection, createPool } from 'mysql2/promise';

export const MARIADB_URL = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';
const TABLE = 'inventory_reservation';
const STOCK_ID = 1;
const LOCK_WAIT_TIMEOUT_S = 5;
/** Magento's default for the cleanup's GROUP_CONCAT. */
const GROUP_CONCAT_MAX_LEN = 32768;

export interface Conflicts {
  lockWaitTimeouts: number;
  deadlocks: number;
}

export class MsiMariaDb {
  readonly conflicts: Conflicts = { lockWaitTimeouts: 0, deadlocks: 0 };
  private order = 0;
  /** Orders placed and not yet compensated, oldest first: what shipping works through. */
  private placed: { sku: string; order: string }[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly connections: PoolConnection[],
    private readonly runId: string,
  ) {}

  /** One connection per checkout client, plus one for shipping and one for cleanup. */
  static async connect(clients: number, runId: string): Promise<MsiMariaDb> {
    const pool = createPool({
      uri: MARIADB_URL,
      connectionLimit: clients + 3,
      decimalNumbers: true,
    });
    const connections = await Promise.all(
      Array.from({ length: clients + 2 }, () => pool.getConnection()),
    );
    for (const c of connections)
      await c.query(`SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_TIMEOUT_S}`);
    return new MsiMariaDb(pool, connections, runId);
  }

  /** MSI's inventory_reservation, as its db_schema.xml declares it. */
  async createTable(): Promise<void> {
    const db = this.connections[0];
    await db.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await db.query(`
      CREATE TABLE ${TABLE} (
        reservation_id int unsigned NOT NULL AUTO_INCREMENT,
        stock_id int unsigned NOT NULL,
        sku varchar(64) NOT NULL,
        quantity decimal(10,4) NOT NULL DEFAULT 0,
        metadata varchar(255) DEFAULT NULL,
        PRIMARY KEY (reservation_id),
        KEY INVENTORY_RESERVATION_STOCK_ID_SKU_QUANTITY (stock_id, sku, quantity)
      ) ENGINE=InnoDB`);
  }

  async dropTable(): Promise<void> {
    await this.connections[0].query(`DROP TABLE IF EXISTS ${TABLE}`);
  }

  /**
   * Open reservations (placed, not shipped: a flash sale's backlog) up to `size`
   * rows, spread over `skus`; they never net to zero, so cleanup leaves them.
   */
  async grow(skus: string[], from: number, size: number): Promise<void> {
    for (let start = from; start < size; start += 100_000) {
      const end = Math.min(size, start + 100_000) - 1;
      await this.connections[0].query(
        `INSERT INTO ${TABLE} (stock_id, sku, quantity, metadata)
         SELECT ?, CONCAT('BENCH-', seq % ?), -1,
                CONCAT('{"event_type":"order_placed","object_type":"order","object_id":"', seq, '","object_increment_id":"fill-', seq, '"}')
         FROM seq_${start}_to_${end}`,
        [STOCK_ID, skus.length],
      );
    }
    await this.connections[0].query(`ANALYZE TABLE ${TABLE}`);
  }

  /** Back to the open fillers only: the benchmark's own rows would change the next size. */
  async removeOwnRows(): Promise<void> {
    await this.connections[0].query(
      `DELETE FROM ${TABLE} WHERE metadata NOT LIKE '%"object_increment_id":"fill-%'`,
    );
    this.placed = [];
  }

  /** One checkout: SUM then INSERT in one transaction. False when it failed on a lock (counted). */
  async reserve(client: number, sku: string): Promise<boolean> {
    const db = this.connections[client];
    const order = `${this.runId}-${this.order++}`;
    try {
      await db.beginTransaction();
      const [rows] = await db.query(
        `SELECT SUM(quantity) AS qty FROM ${TABLE} WHERE stock_id = ? AND sku = ?`,
        [STOCK_ID, sku],
      );
      // Source quantity 1,000,000,000: salable = source + SUM always fits; the read is what costs.
      const salable = 1_000_000_000 + Number((rows as { qty: number | null }[])[0].qty ?? 0);
      if (salable >= 1)
        await db.query(
          `INSERT INTO ${TABLE} (stock_id, sku, quantity, metadata) VALUES (?, ?, -1, ?)`,
          [STOCK_ID, sku, metadata('order_placed', order)],
        );
      await db.commit();
      this.placed.push({ sku, order });
      return true;
    } catch (error) {
      await db.rollback().catch(() => undefined);
      if (this.countConflict(error)) return false;
      throw error;
    }
  }

  /** Ships placed orders (their +1 compensations) until `until` says stop. Returns how many. */
  async ship(until: () => boolean): Promise<number> {
    const db = this.connections[this.connections.length - 2];
    let shipped = 0;
    while (!until()) {
      const next = this.placed.shift();
      if (!next) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      try {
        await db.query(
          `INSERT INTO ${TABLE} (stock_id, sku, quantity, metadata) VALUES (?, ?, 1, ?)`,
          [STOCK_ID, next.sku, metadata('shipment_created', next.order)],
        );
        shipped++;
      } catch (error) {
        if (!this.countConflict(error)) throw error;
      }
    }
    return shipped;
  }

  /** MSI's cleanup, pass after pass, until `until` says stop. */
  async cleanUp(
    until: () => boolean,
  ): Promise<{ passes: number; deleted: number; seconds: number[] }> {
    const db = this.connections[this.connections.length - 1];
    await db.query(`SET SESSION group_concat_max_len = ${GROUP_CONCAT_MAX_LEN}`);
    const result = { passes: 0, deleted: 0, seconds: [] as number[] };
    while (!until()) {
      const started = process.hrtime.bigint();
      try {
        const [groups] = await db.query(
          `SELECT GROUP_CONCAT(reservation_id) AS ids FROM ${TABLE}
           GROUP BY JSON_EXTRACT(metadata, '$.object_increment_id') HAVING SUM(quantity) = 0`,
        );
        const ids = (groups as { ids: string }[]).flatMap((g) => g.ids.split(',').map(Number));
        if (ids.length > 0) {
          const [deleted] = await db.query(`DELETE FROM ${TABLE} WHERE reservation_id IN (?)`, [
            ids,
          ]);
          result.deleted += (deleted as { affectedRows: number }).affectedRows;
        }
      } catch (error) {
        if (!this.countConflict(error)) throw error;
      }
      result.passes++;
      result.seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    return result;
  }

  /** InnoDB's own counters (server-wide): row lock waits and deadlocks. */
  async innodbStatus(): Promise<{ rowLockWaits: number; deadlocks: number }> {
    const [rows] = await this.connections[0].query(
      `SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_deadlocks')`,
    );
    const get = (name: string) =>
      Number(
        (rows as { Variable_name: string; Value: string }[]).find((r) => r.Variable_name === name)
          ?.Value ?? 0,
      );
    return { rowLockWaits: get('Innodb_row_lock_waits'), deadlocks: get('Innodb_deadlocks') };
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.release();
    await this.pool.end();
  }

  private countConflict(error: unknown): boolean {
    const errno = (error as { errno?: number }).errno;
    if (errno === 1205) this.conflicts.lockWaitTimeouts++;
    else if (errno === 1213) this.conflicts.deadlocks++;
    else return false;
    return true;
  }
}

function metadata(eventType: string, order: string): string {
  return JSON.stringify({
    event_type: eventType,
    object_type: 'order',
    object_id: order,
    object_increment_id: order,
  });
}

/** Whether MariaDB answers, and if not, why (bench:reserve says so instead of failing half-way). */
export async function mariadbAnswers(): Promise<string | undefined> {
  const pool = createPool({ uri: MARIADB_URL, connectionLimit: 1, connectTimeout: 5000 });
  try {
    await pool.query('SELECT 1 FROM seq_1_to_1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await pool.end().catch(() => undefined);
  }
}
