/**
 * Background work a service does continuously (outbox relay, cleanup, expiry...).
 * The loop calls `runOnce` again and again: a job never schedules itself and
 * never loops inside `runOnce`, so SIGTERM only ever waits for one small slice.
 */
export interface BackgroundJob {
  readonly name: string;
  /** One bounded slice of work; returns how many items it handled (0 = idle: the loop waits before the next call). */
  runOnce(): Promise<number>;
  /** Wait after an idle slice, when this job wants its own instead of the loop's. */
  readonly idleDelayMs?: number;
  /**
   * Optional pace: busy slices are spaced so that the job handles at most this
   * many items per second (the CPU it leaves to checkout on a small box).
   */
  readonly maxItemsPerSecond?: number;
}

export interface JobLoopOptions {
  /** Wait after a slice that found nothing to do (unless the job sets its own). */
  idleDelayMs: number;
  /** First wait after a failed slice; doubles per consecutive failure up to maxErrorDelayMs. */
  errorDelayMs: number;
  maxErrorDelayMs: number;
}

export interface JobLoopObserver {
  slice(job: string, handled: number, seconds: number): void;
  failed(job: string, error: Error, consecutive: number, retryInMs: number): void;
}

/**
 * Runs one job continuously: slice after slice while it has work, a pause when
 * it is idle, an exponential pause after errors (a database restart must not
 * become a hot retry loop, nor crash the process). `stop()` interrupts a pause at
 * once but lets the slice in progress finish, so nothing is abandoned half-done.
 */
export class JobLoop {
  private readonly abort = new AbortController();
  private done?: Promise<void>;

  constructor(
    private readonly job: BackgroundJob,
    private readonly options: JobLoopOptions,
    private readonly observer: JobLoopObserver,
  ) {}

  start(): void {
    this.done ??= this.run();
  }

  /** Resolves once the slice in progress (if any) has finished; no new slice starts. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      const started = process.hrtime.bigint();
      let handled: number;
      try {
        handled = await this.job.runOnce();
      } catch (error) {
        failures++;
        const retryInMs = Math.min(
          this.options.errorDelayMs * 2 ** (failures - 1),
          this.options.maxErrorDelayMs,
        );
        this.observer.failed(this.job.name, asError(error), failures, retryInMs);
        await this.pause(retryInMs);
        continue;
      }
      failures = 0;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.observer.slice(this.job.name, handled, seconds);
      // Busy: go again once the pace allows (at once if unpaced, still yielding to
      // the event loop for health checks and the other jobs).
      await this.pause(
        handled > 0
          ? this.paceMs(handled, seconds)
          : (this.job.idleDelayMs ?? this.options.idleDelayMs),
      );
    }
  }

  /** How long to wait so that `handled` items took at least handled / maxItemsPerSecond seconds. */
  private paceMs(handled: number, seconds: number): number {
    const rate = this.job.maxItemsPerSecond;
    return rate ? Math.max(0, Math.round((handled / rate - seconds) * 1000)) : 0;
  }

  private pause(ms: number): Promise<void> {
    const signal = this.abort.signal;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
