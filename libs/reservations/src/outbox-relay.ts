import { BatchingPublisher, Message } from '@stockflow/kafka';
import {
  Span,
  SpanKind,
  contextOf,
  contextWithSpan,
  markFailed,
  openSpan,
  traceHeadersFor,
  tracingEnabled,
} from '@stockflow/tracing';
import { OutboxEntry, decodeOutboxEntry } from './outbox-entry';
import { RedisStock } from './redis-stock';
import { reservationMetrics } from './reservation-metrics';

/**
 * Produces the outbox (events the Lua scripts appended atomically with their
 * counter moves) to inventory.events, oldest first, keyed by sku, and trims what
 * Kafka acknowledged. A crash between produce and trim re-sends the same events
 * with the same eventIds; the ledger applies each once. Returns how many it sent
 * (0 when the outbox is empty or another process holds the lease).
 */
export async function relayOutbox(
  stock: RedisStock,
  publisher: BatchingPublisher,
  topic: string,
  holder: string,
  max = 2000,
): Promise<number> {
  const raw = await stock.leaseAndPeekOutbox(holder, 10_000, max);
  if (!raw || raw.length === 0) return 0;
  const relay = new RelaySpans();
  try {
    await publisher.publish(topic, raw.map(decodeOutboxEntry).map(relay.message));
  } catch (error) {
    relay.fail(error);
    throw error;
  } finally {
    relay.end();
  }
  if (!(await stock.trimOutbox(holder, raw.length))) return 0;
  reservationMetrics.relayed.inc(raw.length);
  return raw.length;
}

/**
 * The trace of a checkout does not stop at Redis: per request context found in
 * the batch, one PRODUCER span `outbox relay`, child of that request's span,
 * and the request's events carry it as `traceparent`, so the ledger's fold
 * continues the same trace. Without a tracer in this process the stored headers
 * are passed on as they are (the trace then jumps from the request to the ledger).
 */
class RelaySpans {
  private readonly spans = new Map<string, { span: Span; headers: Message['headers'] }>();

  readonly message = (entry: OutboxEntry): Message => {
    const message: Message = { key: entry.sku, value: entry.value };
    if (!entry.trace) return message;
    if (!tracingEnabled()) return { ...message, headers: entry.trace };
    let relayed = this.spans.get(entry.trace.traceparent);
    if (!relayed) {
      const parent = contextOf(entry.trace);
      const span = openSpan('outbox relay', {
        parent,
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send' },
      });
      relayed = { span, headers: traceHeadersFor(contextWithSpan(span, parent)) ?? entry.trace };
      this.spans.set(entry.trace.traceparent, relayed);
    }
    return { ...message, headers: relayed.headers };
  };

  fail(error: unknown): void {
    for (const { span } of this.spans.values()) markFailed(span, error);
  }

  end(): void {
    for (const { span } of this.spans.values()) span.end();
  }
}
