/** Anything that runs parameterised SQL: a DataSource, an EntityManager inside a transaction, a pg client. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
