import { counter } from '@stockflow/service-kit';

export const ordersMetrics = {
  decided: counter({
    name: 'stockflow_orders_decided_total',
    help: 'Orders decided against the stock counters',
    labelNames: ['status', 'mode'],
  }),
  requeued: counter({ name: 'stockflow_orders_requeued_total', help: 'Orders still received after the requeue delay, queued again' }),
};
