/** A Postgres schema name safe to splice into SQL (identifiers cannot be bound as parameters). */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema name ${JSON.stringify(schema)} must be a plain lower-case identifier`);
  }
  return `"${schema}"`;
}
