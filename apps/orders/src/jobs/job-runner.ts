import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { BackgroundJob, JobLoop, JobLoopObserver } from '@stockflow/service-kit';
import { JOBS } from './job';

/**
 * Runs each job in its own JobLoop for the life of the process. A failing run
 * is logged and tried again after a growing pause: jobs are idempotent, so a
 * retry never does anything twice. SIGTERM lets the run in progress finish.
 */
@Injectable()
export class JobRunner
  implements OnApplicationBootstrap, BeforeApplicationShutdown, JobLoopObserver
{
  private readonly logger = new Logger(JobRunner.name);
  private readonly loops: JobLoop[];

  constructor(@Inject(JOBS) jobs: BackgroundJob[]) {
    this.loops = jobs.map(
      (job) =>
        new JobLoop(job, { idleDelayMs: 100, errorDelayMs: 100, maxErrorDelayMs: 5_000 }, this),
    );
  }

  onApplicationBootstrap(): void {
    this.loops.forEach((loop) => loop.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  slice(): void {}

  failed(job: string, error: Error, consecutive: number, retryInMs: number): void {
    this.logger.warn(
      `${job} failed (${consecutive} in a row, retry in ${retryInMs} ms): ${error.message}`,
    );
  }
}
