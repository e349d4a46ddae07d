/**
 * A gauge whose value lives elsewhere (Kafka watermarks, a Redis list, ...) and
 * is read on a timer rather than at scrape time: a scrape then never waits on,
 * or multiplies calls to, a broker. service-kit's MetricRefreshLoop runs them.
 */
export interface MetricRefresher {
  readonly name: string;
  /** Reads the source and sets the gauges; throwing leaves the previous values. */
  refresh(): Promise<void>;
  /** Releases connections after the last refresh. */
  close?(): Promise<void>;
}
