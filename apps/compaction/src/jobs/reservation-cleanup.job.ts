import { Injectable } from '@nestjs/common';
import { ReservationRepository } from '@stockflow/persistence';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/**
 * Keeps `reservations` proportional to what is open: deletes netted rows (open
 * = 0) in small batches, continuously. Needs no exclusivity: replicas skip each
 * other's locked rows (SKIP LOCKED), so two of them just share the work.
 */
@Injectable()
export class ReservationCleanupJob implements CompactionJob {
  readonly name = 'reservation-cleanup';
  readonly maxItemsPerSecond?: number;

  constructor(
    private readonly reservations: ReservationRepository,
    private readonly config: CompactionConfig,
  ) {
    this.maxItemsPerSecond = config.RESERVATION_CLEANUP_ROWS_PER_SECOND || undefined;
  }

  runOnce(): Promise<number> {
    return this.reservations.deleteNetted(this.config.RESERVATION_CLEANUP_BATCH_SIZE);
  }
}
