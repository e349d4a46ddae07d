/**
 * Anything that runs parameterised SQL and answers rows: a SqlPool or a
 * SqlTransaction (sql-pool.ts), a DataSource or an EntityManager. `Row` is the
 * caller's type of one row (`db.query<StockRow>(...)`); unknown until it is
 * named. DataSource and EntityManager answer `[rows, count]` for UPDATE or
 * DELETE ... RETURNING: run those through sqlPool, which answers the rows.
 */
export interface Queryable {
  query<Row = unknown>(sql: string, parameters?: unknown[]): Promise<Row[]>;
}
