import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { JobLoop, JobLoopObserver } from '@stockflow/service-kit';
import { CompactionConfig } from '../compaction.config';
import { compactionMetrics } from '../compaction.metrics';
import { COMPACTION_JOBS, CompactionJob } from './compaction-job';

/**
 * Starts one JobLoop per registered job once the app is up, and stops them all
 * on SIGTERM before the database and Redis connections close (Nest runs
 * beforeApplicationShutdown before onApplicationShutdown).
 */
@Injectable()
export class JobRunner
  implements OnApplicationBootstrap, BeforeApplicationShutdown, JobLoopObserver
{
  private readonly logger = new Logger(JobRunner.name);
  private readonly loops: JobLoop[];

  constructor(@Inject(COMPACTION_JOBS) jobs: CompactionJob[], config: CompactionConfig) {
    const options = {
      idleDelayMs: config.COMPACTION_IDLE_DELAY_MS,
      errorDelayMs: config.COMPACTION_ERROR_DELAY_MS,
      maxErrorDelayMs: config.COMPACTION_MAX_ERROR_DELAY_MS,
    };
    const enabled = new Set(config.COMPACTION_JOBS.split(','));
    const unknown = [...enabled].filter((name) => !jobs.some((job) => job.name === name));
    if (unknown.length > 0)
      throw new Error(`COMPACTION_JOBS names jobs that are not registered: ${unknown.join(', ')}`);
    const running = jobs.filter((job) => enabled.has(job.name));
    this.loops = running.map((job) => new JobLoop(job, options, this));
    this.logger.log(`jobs: ${running.map((j) => j.name).join(', ') || '(none)'}`);
  }

  onApplicationBootstrap(): void {
    this.loops.forEach((loop) => loop.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  slice(job: string, handled: number, seconds: number): void {
    compactionMetrics.slices.inc({ job, outcome: handled > 0 ? 'work' : 'idle' });
    compactionMetrics.items.inc({ job }, handled);
    compactionMetrics.sliceSeconds.observe({ job }, seconds);
  }

  failed(job: string, error: Error, consecutive: number, retryInMs: number): void {
    compactionMetrics.slices.inc({ job, outcome: 'error' });
    this.logger.error(
      `job ${job} failed (${consecutive} in a row, retry in ${retryInMs} ms): ${error.message}`,
      error.stack,
    );
  }
}
