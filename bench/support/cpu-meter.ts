/**
 * CpuMeter: CPU seconds each group of processes spent over a window of a
 * benchmark, and what that costs per unit of work (order, event, delivery).
 *
 * Groups are sampled once a second as well as at start and stop, so that a
 * process that exits inside the window (a Postgres backend of a closed
 * connection) still counts up to its last sample, and one that starts inside
 * it counts from zero. The machine's total busy time is read too: on a shared
 * machine "other" (busy time no group accounts for) says how much of the
 * window someone else took.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { ProcStat, clockTicks, kafkaPids, machineTicks, pidsNamed, procStat } from './process-cpu';

/** service: our processes; infrastructure: Kafka, Postgres, Redis, MariaDB; load: the benchmark's own processes. */
export type CpuRole = 'service' | 'infrastructure' | 'load';

export interface CpuGroup {
  name: string;
  role: CpuRole;
  /** Evaluated at start and, when `dynamic`, at every sample (processes come and go). */
  pids: () => number[];
  dynamic?: boolean;
}

export interface CpuUsage {
  wallSeconds: number;
  /** Busy time of the whole machine over the window, every core. */
  machineSeconds: number;
  cores: number;
  groups: { name: string; role: CpuRole; seconds: number }[];
}

const SAMPLE_MS = 1000;

export class CpuMeter {
  private first = new Map<string, Map<number, ProcStat>>();
  private last = new Map<string, Map<number, ProcStat>>();
  private timer?: NodeJS.Timeout;
  private startedAt = 0n;
  private startedBoot = 0;
  private machineAtStart = 0;

  constructor(private readonly groups: CpuGroup[]) {}

  start(): this {
    this.startedAt = process.hrtime.bigint();
    this.startedBoot = uptimeTicks();
    this.machineAtStart = machineTicks().busy;
    for (const group of this.groups) {
      const stats = new Map<number, ProcStat>();
      for (const pid of group.pids()) {
        const stat = procStat(pid);
        if (stat) stats.set(pid, stat);
      }
      this.first.set(group.name, stats);
      this.last.set(group.name, new Map(stats));
    }
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
    return this;
  }

  stop(): CpuUsage {
    clearInterval(this.timer);
    this.sample();
    const tick = clockTicks();
    const groups = this.groups.map((group) => {
      const first = this.first.get(group.name)!;
      let ticks = 0;
      for (const [pid, stat] of this.last.get(group.name)!)
        ticks += stat.ticks - (first.get(pid)?.ticks ?? 0);
      return { name: group.name, role: group.role, seconds: ticks / tick };
    });
    return {
      wallSeconds: Number(process.hrtime.bigint() - this.startedAt) / 1e9,
      machineSeconds: (machineTicks().busy - this.machineAtStart) / tick,
      cores: cpus().length,
      groups,
    };
  }

  private sample(): void {
    for (const group of this.groups) {
      const first = this.first.get(group.name)!;
      const last = this.last.get(group.name)!;
      const pids = group.dynamic ? new Set([...last.keys(), ...group.pids()]) : last.keys();
      for (const pid of pids) {
        const stat = procStat(pid);
        if (!stat) continue; // exited: its last sample stands
        const known = first.get(pid);
        if (!known || known.started !== stat.started) {
          // Born inside the window: all its CPU is ours. Seen only now but older: count from now.
          first.set(pid, { ...stat, ticks: stat.started >= this.startedBoot ? 0 : stat.ticks });
        }
        last.set(pid, stat);
      }
    }
  }
}

function uptimeTicks(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * clockTicks();
}

/** Kafka, every postgres process, redis-server: shared with whoever else uses them on this machine. */
export function infrastructureGroups(root: string, extra: { mariadb?: boolean } = {}): CpuGroup[] {
  const kafka = kafkaPids(root);
  const groups: CpuGroup[] = [
    { name: 'kafka', role: 'infrastructure', pids: () => kafka },
    // Every backend is its own process: all processes named postgres, summed (other users' included).
    {
      name: 'postgres (all processes)',
      role: 'infrastructure',
      pids: () => pidsNamed('postgres'),
      dynamic: true,
    },
    { name: 'redis', role: 'infrastructure', pids: () => pidsNamed('redis-server') },
  ];
  if (extra.mariadb)
    groups.push({ name: 'mariadb', role: 'infrastructure', pids: () => pidsNamed('mariadbd') });
  return groups;
}

/** The benchmark process itself: the load generator, shown apart from the cost of the work. */
export function benchGroup(name = 'bench (load generator)'): CpuGroup {
  return { name, role: 'load', pids: () => [process.pid] };
}

/** Our processes (services) and infrastructure: what a unit of work costs, without the load generator. */
export function workSeconds(usage: CpuUsage): number {
  return usage.groups.filter((g) => g.role !== 'load').reduce((sum, g) => sum + g.seconds, 0);
}

export function groupSeconds(usage: CpuUsage, ...names: string[]): number {
  return usage.groups.filter((g) => names.includes(g.name)).reduce((sum, g) => sum + g.seconds, 0);
}
