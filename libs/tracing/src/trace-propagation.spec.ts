import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { currentTraceHeaders, contextOf, traceHeadersOf } from './trace-carrier';
import { inSpan } from './spans';
import { startTracing } from './tracing-setup';

// Order matters: the first test runs before any provider is registered in this process.
describe('trace propagation through message headers', () => {
  const exporter = new InMemorySpanExporter();

  it('does nothing without OTEL_EXPORTER_OTLP_ENDPOINT: no provider, no headers', async () => {
    expect(startTracing({ serviceName: 'test', env: {} }).enabled).toBe(false);
    await inSpan('request', {}, async () => expect(currentTraceHeaders()).toBeUndefined());
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() =>
      startTracing({ serviceName: 'test', env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' } }),
    ).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('continues the producer trace in the consumer, from Buffer headers as kafkajs delivers them', async () => {
    const tracing = startTracing({ serviceName: 'test', exporter });
    let sent: Record<string, string> | undefined;
    await inSpan('POST /v1/events', {}, async () => {
      sent = currentTraceHeaders();
    });
    expect(sent?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const received = { traceparent: Buffer.from(sent!.traceparent), other: Buffer.from('x') };
    await inSpan('ledger fold', { parent: contextOf(traceHeadersOf(received)) }, async () => {
      await inSpan('channel-sync deliver', {}, async () => undefined);
    });
    const spans = exporter.getFinishedSpans(); // before shutdown, which empties the exporter
    await tracing.shutdown();

    const byName = Object.fromEntries(spans.map((s) => [s.name, s]));
    const traceIds = new Set(spans.map((s) => s.spanContext().traceId));
    expect(traceIds.size).toBe(1);
    expect(byName['ledger fold'].parentSpanContext?.spanId).toBe(
      byName['POST /v1/events'].spanContext().spanId,
    );
    expect(byName['channel-sync deliver'].parentSpanContext?.spanId).toBe(
      byName['ledger fold'].spanContext().spanId,
    );
  });

  it('starts a new trace for a message without trace headers', () => {
    expect(traceHeadersOf({ other: Buffer.from('x') })).toBeUndefined();
    expect(traceHeadersOf(undefined)).toBeUndefined();
  });
});
