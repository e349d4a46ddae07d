import { createServer } from 'node:net';
import { CpuMeter, benchGroup } from './cpu-meter';
import { clockTicks, parseStat, pidsListeningOn, procStat } from './process-cpu';

/** Burns `ms` of this process's own CPU time (not wall time: a loaded machine deschedules us). */
function spin(ms: number): void {
  const start = process.cpuUsage();
  while (true) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
    for (let i = 0; i < 10_000; i++) Math.sqrt(i);
  }
}

describe('process CPU from /proc', () => {
  it('reads utime + stime and the start time even when comm holds spaces and parentheses', () => {
    // Fields 3.. of proc(5): state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ... starttime (22).
    const line = '4242 (my (odd) proc) S 1 2 3 4 5 6 7 8 9 10 150 25 0 0 20 0 1 0 987654 100 200';
    expect(parseStat(4242, line)).toEqual({
      pid: 4242,
      comm: 'my (odd) proc',
      ticks: 175,
      started: 987654,
    });
  });

  it('asks getconf for the clock tick rate', () => {
    expect(clockTicks()).toBeGreaterThan(0);
  });

  it('counts what this process costs over the window, as getrusage does, the busy loop included', async () => {
    const tick = 1 / clockTicks();
    // getrusage around the meter: its window holds the meter's, so they agree up to
    // the whole ticks /proc counts in (sampled at start and stop) and the meter's own
    // reads. Whatever other threads (GC, compilers) do during the sleep counts in both.
    const before = process.cpuUsage();
    const meter = new CpuMeter([benchGroup('me')]).start();
    spin(300);
    await new Promise((r) => setTimeout(r, 300));
    const usage = meter.stop();
    const used = process.cpuUsage(before);
    const me = usage.groups[0].seconds;
    const total = (used.user + used.system) / 1e6;
    expect(me).toBeGreaterThanOrEqual(0.3 - 3 * tick);
    expect(me).toBeGreaterThanOrEqual(total - 3 * tick - 0.02);
    expect(me).toBeLessThanOrEqual(total + 3 * tick);
    expect(usage.machineSeconds).toBeGreaterThanOrEqual(me - 3 * tick);
  });

  it('answers undefined for a process that does not exist', () => {
    expect(procStat(2 ** 22 + 1)).toBeUndefined();
  });

  it('finds the process listening on a port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(pidsListeningOn(port)).toContain(process.pid);
    } finally {
      server.close();
    }
  });
});
