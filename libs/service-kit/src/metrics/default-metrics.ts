import { collectDefaultMetrics, register } from 'prom-client';

/**
 * Process and runtime metrics (process_cpu_seconds_total, nodejs_eventloop_lag_seconds,
 * heap sizes, GC) in the global registry. Registering them twice throws, and tests
 * build several apps in one process, so this runs once per process.
 */
export function registerDefaultMetrics(): void {
  if (register.getSingleMetric('process_cpu_seconds_total')) return;
  collectDefaultMetrics();
}
