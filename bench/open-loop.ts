/**
 * An open-loop load generator: requests leave on a fixed schedule, never
 * waiting for one another, and each latency counts from the scheduled send
 * time. A stall therefore shows in the requests queued behind it; a closed loop
 * (autocannon's workers) would instead quietly send fewer requests and report
 * only the ones that got through (coordinated omission).
 */
import { percentile } from './bench-stats';

/** What one paced run saw: latencies from the scheduled send, and answers by status. */
export interface PacedRun {
  label: string;
  latenciesMs: number[];
  /** HTTP status (or the error's message, or the caller's label) -> count. */
  statuses: Map<number | string, number>;
  sentPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Every answered request: when it was due (ms after the run's start), its latency and status. */
  samples: { dueMs: number; latencyMs: number; status: number | string }[];
}

/**
 * `rate` requests per second for `seconds`. `send` answers with a status to
 * count the answer under; it must not throw for an answer it merely dislikes.
 */
export async function openLoop(
  label: string,
  rate: number,
  seconds: number,
  send: () => Promise<number | string>,
): Promise<PacedRun> {
  const total = Math.round(rate * seconds);
  const intervalNs = 1e9 / rate;
  const latenciesMs: number[] = [];
  const samples: PacedRun['samples'] = [];
  const statuses = new Map<number | string, number>();
  const count = (key: number | string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const inFlight: Promise<void>[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < total; i++) {
    const due = start + BigInt(Math.round(i * intervalNs));
    const aheadMs = Number(due - process.hrtime.bigint()) / 1e6;
    if (aheadMs > 1) await new Promise((r) => setTimeout(r, aheadMs));
    inFlight.push(
      send().then(
        (status) => {
          const latencyMs = Number(process.hrtime.bigint() - due) / 1e6;
          latenciesMs.push(latencyMs);
          samples.push({ dueMs: Number(due - start) / 1e6, latencyMs, status });
          count(status);
        },
        (error: Error) => {
          count(error.message);
        },
      ),
    );
  }
  const sentSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  await Promise.all(inFlight);
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    label,
    latenciesMs,
    statuses,
    sentPerSecond: total / sentSeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    samples,
  };
}

/** `202: 2999, 503: 1` — every kind of answer a run got. */
export function describeAnswers(run: PacedRun): string {
  return [...run.statuses].map(([k, v]) => `${k}: ${v}`).join(', ');
}
