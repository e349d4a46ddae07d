import { counter } from '@stockflow/service-kit';

export const ordersMetrics = {
  decided: counter({
    name: 'stockflow_orders_decided_total',
    help: 'Orders decided against the stock counters',
    labelNames: ['status', 'mode'],
  }),
  retries: counter({
    name: 'stockflow_orders_batch_retries_total',
    help: 'Consumer batches retried because Redis, Postgres or Kafka failed (nothing was decided)',
    labelNames: ['consumer'],
  }),
  requeued: counter({ name: 'stockflow_orders_requeued_total', help: 'Orders still received after the requeue delay, queued again' }),
};
