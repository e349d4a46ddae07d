import { counter } from '@stockflow/service-kit';

export const reservationMetrics = {
  drift: counter({
    name: 'stockflow_reservations_counter_drift_total',
    help: 'Redis counters found different from ledger available minus reservations in flight (then rebuilt)',
    labelNames: ['sku'],
  }),
  hydrated: counter({ name: 'stockflow_reservations_counters_hydrated_total', help: 'Redis counters rebuilt from the ledger' }),
  levelGaps: counter({
    name: 'stockflow_reservations_level_gaps_total',
    help: 'inventory.stock-levels messages that did not follow the counter version (counter rebuilt)',
  }),
  relayed: counter({ name: 'stockflow_reservations_events_relayed_total', help: 'Outbox events produced to inventory.events' }),
};
