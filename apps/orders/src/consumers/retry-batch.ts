import { Logger } from '@nestjs/common';
import { ordersMetrics } from '../orders.metrics';

export interface BatchControl {
  isRunning(): boolean;
  isStale(): boolean;
  heartbeat(): Promise<void>;
}

/**
 * Runs a batch's work until it succeeds. A failure of Redis, Postgres or Kafka
 * decides nothing (the work is idempotent), so the batch is simply tried again,
 * with its offset uncommitted, until the dependency is back: orders stay
 * `received`, none is lost. Stopping or losing the partition abandons the batch.
 */
export async function retryBatch(consumer: string, control: BatchControl, work: () => Promise<void>): Promise<boolean> {
  const logger = new Logger(consumer);
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return true;
    } catch (error) {
      ordersMetrics.retries.inc({ consumer });
      logger.warn(`batch failed (attempt ${attempt}), retrying: ${(error as Error).message}`);
      if (!control.isRunning() || control.isStale()) return false;
      await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 2000)));
      await control.heartbeat().catch(() => undefined);
    }
  }
}
