/** Prints rows as aligned columns (the last column is not padded: it may be long). */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const line of [header, ...rows]) {
    console.log(
      line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '),
    );
  }
}
