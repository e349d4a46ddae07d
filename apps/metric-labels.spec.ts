import { register } from 'prom-client';
// Every module that registers metrics, so the registry holds what the services export.
import '@stockflow/kafka';
import '@stockflow/reservations';
import { registerDefaultMetrics } from '@stockflow/service-kit';
import './channel-sync/src/channel-sync.metrics';
import './compaction/src/compaction.metrics';
import './ledger/src/ledger.metrics';
import './orders/src/orders.metrics';

/** Labels whose values grow with the catalog or the traffic: one series each would sink Prometheus. */
const UNBOUNDED = ['sku', 'orderid', 'reservationid', 'cartid', 'eventid', 'bulkid'];

describe('metric labels', () => {
  registerDefaultMetrics();
  const metrics = register.getMetricsAsArray() as unknown as {
    name: string;
    labelNames: string[];
  }[];

  it('registers the metrics of every service', () => {
    const names = metrics.map((m) => m.name);
    for (const name of [
      'stockflow_consumer_lag',
      'stockflow_dlq_depth',
      'stockflow_outbox_depth',
      'stockflow_reservations_counter_drift_total',
      'stockflow_ledger_negative_stock_total',
      'stockflow_channel_sync_calls_total',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('has no label holding a SKU, an order, a reservation or a cart id', () => {
    const offending = metrics.flatMap((m) =>
      (m.labelNames ?? [])
        .filter((l) => UNBOUNDED.includes(l.toLowerCase().replace(/_/g, '')))
        .map((l) => `${m.name}{${l}}`),
    );
    expect(offending).toEqual([]);
  });
});
