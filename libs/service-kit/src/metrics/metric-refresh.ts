import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { MetricRefresher } from '@stockflow/runtime';
import { JobLoop, JobLoopObserver } from '../jobs/job-loop';

/** Injection token: the MetricRefresher[] a service provides. */
export const METRIC_REFRESHERS = Symbol('METRIC_REFRESHERS');
/** Injection token: the pause between refreshes in ms (default 5000). */
export const METRIC_REFRESH_INTERVAL_MS = Symbol('METRIC_REFRESH_INTERVAL_MS');

/** Why 5 s: well inside Prometheus' usual 15-30 s scrape interval, and a few admin calls per refresh. */
export const DEFAULT_METRIC_REFRESH_MS = 5_000;

/** Runs every refresher in its own JobLoop for the life of the process. */
@Injectable()
export class MetricRefreshLoop
  implements OnApplicationBootstrap, BeforeApplicationShutdown, JobLoopObserver
{
  private readonly logger = new Logger('metrics');
  private readonly loops: JobLoop[];

  constructor(
    @Inject(METRIC_REFRESHERS) private readonly refreshers: MetricRefresher[],
    @Optional() @Inject(METRIC_REFRESH_INTERVAL_MS) intervalMs?: number,
  ) {
    const idleDelayMs = intervalMs ?? DEFAULT_METRIC_REFRESH_MS;
    this.loops = refreshers.map(
      (r) =>
        new JobLoop(
          { name: r.name, idleDelayMs, runOnce: () => r.refresh().then(() => 0) },
          { idleDelayMs, errorDelayMs: idleDelayMs, maxErrorDelayMs: 60_000 },
          this,
        ),
    );
  }

  onApplicationBootstrap(): void {
    this.loops.forEach((loop) => loop.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
    await Promise.all(this.refreshers.map((r) => r.close?.()));
  }

  slice(): void {}

  failed(job: string, error: Error, consecutive: number, retryInMs: number): void {
    // A metric source being down is reported, never fatal: the gauge keeps its last value.
    if (consecutive === 1 || consecutive % 10 === 0) {
      this.logger.warn(
        `refreshing ${job} failed (${consecutive} in a row, retry in ${retryInMs} ms): ${error.message}`,
      );
    }
  }
}
