// autocannon ships no type declarations: the part of its API the benchmarks use.
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      /** `context` is per connection, kept from setupRequest to that request's onResponse. */
      setupRequest?: (
        req: Record<string, unknown>,
        context: Record<string, unknown>,
      ) => Record<string, unknown>;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      requests?: Request[];
      /** Requests per second over all connections (an open-ish loop); unlimited when absent. */
      overallRate?: number;
    }
    interface Result {
      requests: { total: number; average: number };
      latency: { p50: number; p99: number };
      statusCodeStats?: Record<string, { count: number }>;
    }
  }
  function autocannon(
    options: autocannon.Options,
    done: (error: Error | null, result: autocannon.Result) => void,
  ): unknown;
  export = autocannon;
}
