import { counter, gauge } from '@stockflow/runtime';

export const reservationMetrics = {
  drift: counter({
    name: 'stockflow_reservations_counter_drift_total',
    // A total, not per SKU: a million-SKU catalog would be a million series. The SKU is in the warning log.
    help: 'Redis counters found different from ledger available minus reservations in flight (then rebuilt); the SKU is logged',
  }),
  hydrated: counter({
    name: 'stockflow_reservations_counters_hydrated_total',
    help: 'Redis counters rebuilt from the ledger',
  }),
  levelGaps: counter({
    name: 'stockflow_reservations_level_gaps_total',
    help: 'inventory.stock-levels messages that did not follow the counter version (counter rebuilt)',
  }),
  outboxDepth: gauge({
    name: 'stockflow_outbox_depth',
    help: 'Reservation events in the Redis outbox not yet produced to inventory.events (refreshed every few seconds)',
  }),
  relayed: counter({
    name: 'stockflow_reservations_events_relayed_total',
    help: 'Outbox events produced to inventory.events',
  }),
};
