import { counter, histogram } from '@stockflow/runtime';

export const ordersMetrics = {
  decided: counter({
    name: 'stockflow_orders_decided_total',
    help: 'Orders decided against the stock counters',
    labelNames: ['status', 'mode'],
  }),
  /** POST /v1/orders from intake to answer (async: accepted; sync: decided); failures included. */
  checkoutSeconds: histogram({
    name: 'stockflow_orders_checkout_seconds',
    help: 'Time POST /v1/orders took inside the orders service, by mode (async accept or sync decide)',
    labelNames: ['mode'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }),
  /** The broker took longer than ORDERS_ENQUEUE_WAIT_MS: answered from Postgres alone (docs/faults.md). */
  enqueuedLate: counter({
    name: 'stockflow_orders_enqueued_late_total',
    help: 'Async orders answered 202 before the broker acknowledged their queue message',
  }),
  /** Postgres was unreachable: accepted once the log held them; the consumer writes their rows. */
  acceptedWithoutRow: counter({
    name: 'stockflow_orders_accepted_without_row_total',
    help: 'Async orders accepted through the log alone while Postgres was unreachable',
  }),
  requeued: counter({
    name: 'stockflow_orders_requeued_total',
    help: 'Orders still received after the requeue delay, queued again',
  }),
};
