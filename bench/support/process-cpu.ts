/**
 * CPU time of the processes a benchmark involves, read from /proc (Linux only):
 * utime + stime of /proc/<pid>/stat, in clock ticks of `getconf CLK_TCK`.
 *
 * WHY /proc and not each process's own metrics: Kafka, Postgres and Redis are
 * not ours to instrument, and the cost of a unit of work is what every process
 * on its path spends, counted the same way for all of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of utime and stime (100 on every Linux we know, but asked, not assumed). */
export function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

export interface ProcStat {
  pid: number;
  comm: string;
  /** utime + stime so far, in clock ticks. */
  ticks: number;
  /** Start time after boot, in clock ticks: tells a reused pid from the process we saw before. */
  started: number;
}

/** One process's counters, or undefined when it is gone (or not ours to read). */
export function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return parseStat(pid, text);
}

/** One line of /proc/<pid>/stat (proc(5)). */
export function parseStat(pid: number, text: string): ProcStat {
  // comm may hold spaces and parentheses: the fields after it start after the last ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state) of proc(5): utime is 14, stime 15, starttime 22.
  return { pid, comm, ticks: Number(fields[11]) + Number(fields[12]), started: Number(fields[19]) };
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Every process whose command name (comm) is `name`, e.g. all postgres backends. */
export function pidsNamed(name: string): number[] {
  return allPids().filter((pid) => procStat(pid)?.comm === name);
}

/** Pids whose command line contains `fragment` (e.g. 'kafka.Kafka'). */
export function pidsWithCmdline(fragment: string): number[] {
  return allPids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(fragment);
    } catch {
      return false;
    }
  });
}

/** The processes listening on a TCP port of this machine: /proc/net/tcp{,6} inodes matched to open sockets. */
export function pidsListeningOn(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN.
      if (cols.length > 9 && cols[3] === '0A' && parseInt(cols[1].split(':')[1], 16) === port)
        inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return [];
  return allPids().filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        const target = safeReadlink(join(`/proc/${pid}/fd`, fd));
        return target?.startsWith('socket:[') && inodes.has(target.slice(8, -1));
      });
    } catch {
      return false;
    }
  });
}

function safeReadlink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The Kafka broker: the pid file scripts/kafka.sh writes when it is ours, else
 * whatever listens on the broker's port (a broker started by another checkout).
 */
export function kafkaPids(
  root: string,
  brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
): number[] {
  const pidFile = join(process.env.KAFKA_CACHE_DIR ?? join(root, '.cache', 'kafka'), 'kafka.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (procStat(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka'))
      return [pid];
  }
  const port = Number(brokers.split(',')[0].split(':').at(-1));
  const listening = pidsListeningOn(port);
  return listening.length > 0 ? listening : pidsWithCmdline('kafka.Kafka');
}

/** Busy ticks of the whole machine (every core, every process) from /proc/stat, and the idle ones. */
export function machineTicks(): { busy: number; idle: number } {
  const cpu = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // user nice system idle iowait irq softirq steal (guest is already inside user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu;
  return { busy: user + nice + system + irq + softirq + (steal ?? 0), idle: idle + (iowait ?? 0) };
}
