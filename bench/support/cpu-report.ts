/**
 * How benchmarks print what CPU a unit of work cost, and the one
 * machine-readable line each benchmark ends with.
 */
import { CpuUsage, workSeconds } from './cpu-meter';

export type CostUnit = 'ms' | 'µs';

/** Seconds of CPU per unit, in the given unit. */
export function perUnit(seconds: number, units: number, unit: CostUnit): number {
  return (seconds * (unit === 'ms' ? 1e3 : 1e6)) / Math.max(1, units);
}

/**
 * A table of every process group's CPU over the window and per unit, the work
 * total (services + infrastructure) apart from the load generator, and the
 * machine time nobody here accounts for (other users of a shared machine).
 */
export function cpuTable(
  title: string,
  usage: CpuUsage,
  units: number,
  unitName: string,
  unit: CostUnit,
): string {
  const lines = [
    `${title}: CPU over ${usage.wallSeconds.toFixed(1)} s for ${units} ${unitName}s (from /proc utime+stime)`,
    `| process | role | CPU s | ${unit} per ${unitName} | cores busy |`,
    '|---|---|---|---|---|',
  ];
  const row = (name: string, role: string, seconds: number) =>
    lines.push(
      `| ${name} | ${role} | ${seconds.toFixed(2)} | ${perUnit(seconds, units, unit).toFixed(unit === 'ms' ? 3 : 1)} | ${(seconds / usage.wallSeconds).toFixed(2)} |`,
    );
  for (const g of usage.groups) row(g.name, g.role, g.seconds);
  const work = workSeconds(usage);
  row('**work: services + infrastructure**', 'total', work);
  const load = usage.groups.filter((g) => g.role === 'load').reduce((s, g) => s + g.seconds, 0);
  const other = Math.max(0, usage.machineSeconds - work - load);
  lines.push(
    `machine busy ${usage.machineSeconds.toFixed(1)} s of ${(usage.wallSeconds * usage.cores).toFixed(1)} (${usage.cores} cores); ` +
      `not ours (other users, kernel threads): ${other.toFixed(1)} s. Postgres, Kafka and Redis are shared: their rows include other users' work.`,
  );
  return lines.join('\n');
}

/**
 * The JSON of every benchmark's last line, `bench-result: {json}` (each bench
 * prints that line itself), numbers rounded for reading.
 */
export function benchResultJson(bench: string, fields: Record<string, unknown>): string {
  return JSON.stringify({ bench, ...fields }, (_, v) => (typeof v === 'number' ? round(v) : v));
}

function round(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  return Math.abs(v) >= 100 ? Math.round(v) : Number(v.toPrecision(4));
}
