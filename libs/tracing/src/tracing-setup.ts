import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  serviceName: string;
  /** Defaults to process.env; OTEL_EXPORTER_OTLP_ENDPOINT switches tracing on. */
  env?: NodeJS.ProcessEnv;
  /** Export to this instead of OTLP, span by span (tests: InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export interface Tracing {
  readonly enabled: boolean;
  /** Flushes the spans still buffered and stops exporting (call after the app closed). */
  shutdown(): Promise<void>;
}

let active = false;

/** Whether a tracer provider runs in this process; callers skip building carriers when not. */
export function tracingEnabled(): boolean {
  return active;
}

/**
 * Starts the process's tracer provider when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (or an exporter is passed) and does nothing otherwise: the OpenTelemetry API
 * then hands out no-op spans, so the instrumented code costs next to nothing.
 * register() installs the W3C trace-context propagator (`traceparent`) and an
 * AsyncLocalStorage context manager, so a span started in an HTTP handler is
 * the active one for everything that request awaits (the Kafka produce too).
 * The exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
 */
export function startTracing(options: TracingOptions): Tracing {
  const env = options.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!options.exporter && !endpoint) return { enabled: false, shutdown: async () => undefined };
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new Error(
      `OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// URL, got ${JSON.stringify(endpoint)}`,
    );
  }
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${endpoint!.replace(/\/+$/, '')}/v1/traces` }),
      );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || options.serviceName,
    }),
    spanProcessors: [processor],
  });
  provider.register();
  active = true;
  return {
    enabled: true,
    shutdown: async () => {
      active = false;
      await provider.shutdown();
    },
  };
}
