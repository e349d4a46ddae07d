/** One column value of a COPY row: objects and arrays become JSON (for json/jsonb columns). */
export type CopyValue = string | number | bigint | boolean | null | undefined | object;

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, one row per line, \N for
 * NULL, backslash escapes), for `COPY ... FROM STDIN`. Postgres parses this far
 * faster than json_to_recordset (measured 0.29 s vs 0.83 s for 25,000 journal
 * rows), and building it costs no more than JSON.stringify of the same rows.
 */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) text += '\t';
      text += copyField(row[i]);
    }
    text += '\n';
  }
  return text;
}

function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  // JSON.stringify never emits a raw newline or tab, but it does emit backslashes.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}
