import { BackgroundJob, JobLoop, JobLoopObserver } from './job-loop';

const FAST = { idleDelayMs: 5, errorDelayMs: 5, maxErrorDelayMs: 20 };

function recorder(): JobLoopObserver & {
  slices: number[];
  failures: { message: string; retryInMs: number }[];
} {
  const slices: number[] = [];
  const failures: { message: string; retryInMs: number }[] = [];
  return {
    slices,
    failures,
    slice: (_job, handled) => void slices.push(handled),
    failed: (_job, error, _n, retryInMs) =>
      void failures.push({ message: error.message, retryInMs }),
  };
}

/** A job that hands out the given results one per call, then stays idle. */
function scripted(results: (number | Error)[]): BackgroundJob & { calls: number } {
  const job = {
    name: 'scripted',
    calls: 0,
    async runOnce(): Promise<number> {
      const next = results[job.calls++];
      if (next instanceof Error) throw next;
      return next ?? 0;
    },
  };
  return job;
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
};

describe('JobLoop', () => {
  it('runs slices back to back while the job has work, then keeps polling when idle', async () => {
    const job = scripted([3, 2, 1]);
    const observer = recorder();
    const loop = new JobLoop(job, FAST, observer);
    loop.start();
    await until(() => job.calls >= 6);
    await loop.stop();
    expect(observer.slices.slice(0, 5)).toEqual([3, 2, 1, 0, 0]);
    expect(observer.failures).toEqual([]);
  });

  it('reports a failed slice, backs off exponentially up to the cap and keeps running', async () => {
    const job = scripted([
      new Error('db down'),
      new Error('db down'),
      new Error('db down'),
      new Error('db down'),
      4,
    ]);
    const observer = recorder();
    const loop = new JobLoop(job, FAST, observer);
    loop.start();
    await until(() => observer.slices.length >= 1);
    await loop.stop();
    expect(observer.failures).toEqual([
      { message: 'db down', retryInMs: 5 },
      { message: 'db down', retryInMs: 10 },
      { message: 'db down', retryInMs: 20 },
      { message: 'db down', retryInMs: 20 },
    ]);
    expect(observer.slices[0]).toBe(4);
  });

  it('stop lets the slice in progress finish and starts no new one', async () => {
    let release!: () => void;
    let finished = false;
    let calls = 0;
    const job: BackgroundJob = {
      name: 'slow',
      runOnce: async () => {
        calls++;
        await new Promise<void>((r) => (release = r));
        finished = true;
        return 1;
      },
    };
    const loop = new JobLoop(job, FAST, recorder());
    loop.start();
    await until(() => calls === 1);
    const stopped = loop.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(calls).toBe(1);
  });

  it('spaces busy slices to the pace the job asks for', async () => {
    const job = scripted([5, 5, 5]);
    const calls: number[] = [];
    // 5 items per slice at 100 items/s: a slice starts 50 ms after the previous one at the earliest.
    const paced: BackgroundJob = {
      name: 'paced',
      maxItemsPerSecond: 100,
      runOnce: () => {
        calls.push(Date.now());
        return job.runOnce();
      },
    };
    const loop = new JobLoop(paced, FAST, recorder());
    loop.start();
    await until(() => calls.length >= 3);
    await loop.stop();
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(45);
    expect(calls[2] - calls[1]).toBeGreaterThanOrEqual(45);
  });

  it('stop interrupts an idle pause at once', async () => {
    const job = scripted([]);
    const loop = new JobLoop(job, { ...FAST, idleDelayMs: 60_000 }, recorder());
    loop.start();
    await until(() => job.calls === 1);
    await loop.stop(); // would hang for a minute (jest timeout) if the pause were not interrupted
    expect(job.calls).toBe(1);
  });
});
