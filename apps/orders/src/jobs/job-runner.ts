import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOBS, Job } from './job';

/**
 * Runs each job in its own loop for the life of the process. A failing run is
 * logged and tried again after the interval: jobs are idempotent, so a retry
 * never does anything twice. SIGTERM lets the run in progress finish.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private running = true;
  private loops: Promise<void>[] = [];
  private wake?: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.wake = resolve));

  constructor(@Inject(JOBS) private readonly jobs: Job[]) {}

  onApplicationBootstrap(): void {
    this.loops = this.jobs.map((job) => this.loop(job));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await Promise.all(this.loops);
  }

  private async loop(job: Job): Promise<void> {
    while (this.running) {
      let done = 0;
      try {
        done = await job.runOnce();
      } catch (error) {
        this.logger.warn(`${job.name} failed, retrying: ${(error as Error).message}`);
      }
      if (done === 0 && this.running) {
        await Promise.race([new Promise((r) => setTimeout(r, job.intervalMs)), this.stopped]);
      }
    }
  }
}
