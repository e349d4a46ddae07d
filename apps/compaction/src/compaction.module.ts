import { DynamicModule, Module, Type } from '@nestjs/common';
import { ReservationsModule } from '@stockflow/reservations';
import { StockflowServiceModule, backgroundJobs } from '@stockflow/service-kit';
import { CompactionConfig } from './compaction.config';
import { CompactionJob, compactionJobMetrics } from './jobs/compaction-job';
import { HoldExpiryJob } from './jobs/hold-expiry.job';
import { ReconciliationJob } from './jobs/reconciliation.job';
import { ReservationCleanupJob } from './jobs/reservation-cleanup.job';
import { SnapshotJob } from './jobs/snapshot.job';

/** Every job the service runs continuously; add a job here. */
const JOBS: Type<CompactionJob>[] = [
  ReservationCleanupJob,
  SnapshotJob,
  HoldExpiryJob,
  ReconciliationJob,
];

@Module({})
export class CompactionModule {
  static forRoot(config: CompactionConfig): DynamicModule {
    return {
      module: CompactionModule,
      imports: [
        StockflowServiceModule.forRoot(config, { name: 'compaction' }),
        ReservationsModule.forRoot({
          redisUrl: config.REDIS_URL,
          keyPrefix: config.REDIS_KEY_PREFIX,
        }),
      ],
      providers: [
        ...backgroundJobs(JOBS, {
          loop: {
            idleDelayMs: config.COMPACTION_IDLE_DELAY_MS,
            errorDelayMs: config.COMPACTION_ERROR_DELAY_MS,
            maxErrorDelayMs: config.COMPACTION_MAX_ERROR_DELAY_MS,
          },
          enabled: { variable: 'COMPACTION_JOBS', names: config.COMPACTION_JOBS.split(',') },
          observer: compactionJobMetrics,
        }),
      ],
    };
  }
}
