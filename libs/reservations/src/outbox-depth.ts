import { MetricRefresher } from '@stockflow/runtime';
import { RedisStock } from './redis-stock';
import { reservationMetrics } from './reservation-metrics';

/**
 * stockflow_outbox_depth: reservations accepted in Redis whose events have not
 * reached Kafka yet. It stays near zero while the relay keeps up; a growing
 * depth means the ledger (and channels) are falling behind checkout.
 */
export class OutboxDepthMetric implements MetricRefresher {
  readonly name = 'outbox-depth';

  constructor(private readonly stock: RedisStock) {}

  async refresh(): Promise<void> {
    reservationMetrics.outboxDepth.set(await this.stock.outboxLength());
  }
}
