/**
 * The cells of bench:reserve: each measured with the CPU it cost (from /proc),
 * printed, kept, and summed up in the comparison table and the bench-result line.
 */
import { repoRoot } from '@stockflow/testing';
import { CellResult, formatCell, percentile } from './bench-stats';
import {
  CpuMeter,
  CpuUsage,
  benchGroup,
  groupSeconds,
  infrastructureGroups,
} from './support/cpu-meter';
import { benchResultJson, perUnit } from './support/cpu-report';

export interface Cell {
  store: 'postgres' | 'redis' | 'mariadb';
  rows: number;
  shape: string;
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
  /** The store's server process(es) and this process (the clients: pg, mysql2, ioredis and the Lua caller), per reservation. */
  cpuUsPerReservation: number;
  cpuUsPerReservationServer: number;
  cpuUsPerReservationClient: number;
  lockWaitTimeouts?: number;
  deadlocks?: number;
  innodbRowLockWaits?: number;
  cleanupPasses?: number;
  cleanupDeleted?: number;
  shipped?: number;
}

export const cells: Cell[] = [];
// Kafka plays no part here; the other stores' rows show what other users of this machine cost them meanwhile.
const groups = [
  ...infrastructureGroups(repoRoot(), { mariadb: true }).filter((g) => g.name !== 'kafka'),
  benchGroup('bench (the clients)'),
];
const SERVER: Record<'postgres' | 'redis' | 'mariadb', string> = {
  postgres: 'postgres (all processes)',
  redis: 'redis',
  mariadb: 'mariadb',
};

/** Measures one cell with its CPU, prints it and keeps it for the bench-result line. */
export async function cell(
  store: Cell['store'],
  rows: number,
  shape: string,
  run: () => Promise<CellResult>,
  extra: Partial<Cell> = {},
): Promise<CellResult> {
  const meter = new CpuMeter(groups).start();
  const result = await run();
  const cpu = meter.stop();
  const units = result.operations * (result.unitsPerOp ?? 1);
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  console.log(`${formatCell(result)}   ${cpuLine(cpu, units)}`);
  cells.push({
    store,
    rows,
    shape,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    perSecond: units / result.seconds,
    cpuUsPerReservation: perUnit(
      groupSeconds(cpu, SERVER[store], 'bench (the clients)'),
      units,
      'µs',
    ),
    cpuUsPerReservationServer: perUnit(groupSeconds(cpu, SERVER[store]), units, 'µs'),
    cpuUsPerReservationClient: perUnit(groupSeconds(cpu, 'bench (the clients)'), units, 'µs'),
    ...extra,
  });
  return result;
}

/** CPU µs per reservation of the processes that did any work in this cell. */
function cpuLine(cpu: CpuUsage, units: number): string {
  const short: Record<string, string> = {
    'postgres (all processes)': 'pg',
    'bench (the clients)': 'client',
  };
  const parts = cpu.groups
    .filter((g) => g.seconds >= 0.05)
    .map((g) => `${short[g.name] ?? g.name} ${perUnit(g.seconds, units, 'µs').toFixed(0)}`);
  return `CPU µs/res: ${parts.join(', ')}`;
}

/** The comparison that matters, then the one machine-readable line. */
/** Prints the comparison table and returns the JSON of the bench's last line. */
export function summary(SIZES: number[], CONCURRENCY: number): string {
  const find = (store: Cell['store'], rows: number, shape: string) =>
    cells.find((c) => c.store === store && c.rows === rows && c.shape.startsWith(shape));
  console.log('');
  console.log(
    `| rows | redis p99 ms (1 client) | redis /s (${CONCURRENCY} clients) | postgres MSI p50 / p99 ms, /s (${CONCURRENCY}) | mariadb MSI p50 / p99 ms, /s (${CONCURRENCY}, beside cleanup) | timeouts / deadlocks | CPU µs per reservation (server + client) redis / postgres / mariadb |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const rows of SIZES) {
    const [redis1, redisN, pgN, mariaC] = [
      find('redis', rows, 'latency'),
      find('redis', rows, 'throughput'),
      find('postgres', rows, 'throughput'),
      find('mariadb', rows, `${CONCURRENCY} clients +`),
    ];
    if (!redis1 || !redisN || !pgN || !mariaC) continue;
    console.log(
      `| ${rows.toLocaleString('en')} | ${redis1.p99Ms.toFixed(2)} | ${Math.round(redisN.perSecond)} | ${pgN.p50Ms.toFixed(1)} / ${pgN.p99Ms.toFixed(1)}, ${Math.round(pgN.perSecond)} | ` +
        `${mariaC.p50Ms.toFixed(1)} / ${mariaC.p99Ms.toFixed(1)}, ${Math.round(mariaC.perSecond)} | ${mariaC.lockWaitTimeouts} / ${mariaC.deadlocks} | ` +
        `${redisN.cpuUsPerReservation.toFixed(0)} / ${pgN.cpuUsPerReservation.toFixed(0)} / ${mariaC.cpuUsPerReservation.toFixed(0)} |`,
    );
  }
  const redisP99 = SIZES.map((rows) => find('redis', rows, 'latency')?.p99Ms ?? NaN);
  return benchResultJson('reserve', {
    redisP99Ms: redisP99,
    redisPerSecond: SIZES.map((rows) => find('redis', rows, 'throughput')?.perSecond ?? NaN),
    mariadbBesideCleanup: SIZES.map((rows) => {
      const c = find('mariadb', rows, `${CONCURRENCY} clients +`);
      return (
        c && {
          rows,
          p50Ms: c.p50Ms,
          p99Ms: c.p99Ms,
          perSecond: c.perSecond,
          lockWaitTimeouts: c.lockWaitTimeouts,
          deadlocks: c.deadlocks,
          cpuUsPerReservation: c.cpuUsPerReservation,
        }
      );
    }),
    cells,
  });
}
