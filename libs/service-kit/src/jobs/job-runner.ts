import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Provider,
  Type,
} from '@nestjs/common';
import { BackgroundJob, JobLoop, JobLoopObserver, JobLoopOptions } from './job-loop';

/** Injection token of every job the runner loops over (BackgroundJob[]). */
export const JOBS = Symbol('JOBS');
const JOB_RUNNER_OPTIONS = Symbol('JOB_RUNNER_OPTIONS');

export interface JobRunnerOptions {
  loop: JobLoopOptions;
  /** Run only these jobs (from a config variable, named in the error when it lists an unknown job). */
  enabled?: { variable: string; names: string[] };
  /** The app's metrics per slice and per failure (the runner logs failures itself). */
  observer?: Partial<JobLoopObserver>;
}

/**
 * The one way a service registers background jobs: each job class becomes a
 * provider (inject what it needs), and one JobRunner loops over them. Add a
 * job by adding its class to the list given here in the app module.
 */
export function backgroundJobs(jobs: Type<BackgroundJob>[], options: JobRunnerOptions): Provider[] {
  return [
    ...jobs,
    { provide: JOBS, inject: jobs, useFactory: (...instances: BackgroundJob[]) => instances },
    { provide: JOB_RUNNER_OPTIONS, useValue: options },
    JobRunner,
  ];
}

/**
 * Runs each job in its own JobLoop from the app's bootstrap until SIGTERM. A
 * failing slice is logged and tried again after a growing pause: jobs are
 * idempotent, so a retry never does anything twice. SIGTERM lets the slice in
 * progress finish before the database and Redis connections close (Nest runs
 * beforeApplicationShutdown before onApplicationShutdown).
 */
@Injectable()
export class JobRunner
  implements OnApplicationBootstrap, BeforeApplicationShutdown, JobLoopObserver
{
  private readonly logger = new Logger(JobRunner.name);
  private readonly loops: JobLoop[];

  constructor(
    @Inject(JOBS) jobs: BackgroundJob[],
    @Inject(JOB_RUNNER_OPTIONS) private readonly options: JobRunnerOptions,
  ) {
    let running = jobs;
    if (options.enabled) {
      const enabled = new Set(options.enabled.names);
      const unknown = [...enabled].filter((name) => !jobs.some((job) => job.name === name));
      if (unknown.length > 0)
        throw new Error(
          `${options.enabled.variable} names jobs that are not registered: ${unknown.join(', ')}`,
        );
      running = jobs.filter((job) => enabled.has(job.name));
    }
    this.loops = running.map((job) => new JobLoop(job, options.loop, this));
    this.logger.log(`jobs: ${running.map((j) => j.name).join(', ') || '(none)'}`);
  }

  onApplicationBootstrap(): void {
    this.loops.forEach((loop) => loop.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  slice(job: string, handled: number, seconds: number): void {
    this.options.observer?.slice?.(job, handled, seconds);
  }

  failed(job: string, error: Error, consecutive: number, retryInMs: number): void {
    this.options.observer?.failed?.(job, error, consecutive, retryInMs);
    this.logger.error(
      `job ${job} failed (${consecutive} in a row, retry in ${retryInMs} ms): ${error.message}`,
      error.stack,
    );
  }
}
