/** Latency percentiles and throughput of a benchmark cell, printed in one aligned row. */
export interface CellResult {
  label: string;
  operations: number;
  seconds: number;
  latenciesMs: number[];
  /** Reservations per timed call (a pipeline of orders counts each of them). */
  unitsPerOp?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function formatCell(cell: CellResult): string {
  const sorted = [...cell.latenciesMs].sort((a, b) => a - b);
  const units = Math.round(cell.operations * (cell.unitsPerOp ?? 1));
  const perSecond = Math.round(units / cell.seconds);
  return (
    `${cell.label.padEnd(58)} p50 ${percentile(sorted, 50).toFixed(3).padStart(8)} ms   ` +
    `p99 ${percentile(sorted, 99).toFixed(3).padStart(8)} ms   ${String(perSecond).padStart(7)} reservations/s   (${units})`
  );
}

/**
 * Runs `op` from `concurrency` workers for `seconds`, timing every call.
 * The clock is process.hrtime, so sub-millisecond latencies keep their precision.
 */
export async function measure(
  label: string,
  seconds: number,
  concurrency: number,
  op: (i: number, worker: number) => Promise<unknown>,
): Promise<CellResult> {
  const latenciesMs: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        await op(next++, worker);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, operations: latenciesMs.length, seconds: elapsed, latenciesMs };
}
