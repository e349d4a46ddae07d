import { KafkaMessage, Message, batchAttributes, messageLinks } from '@stockflow/kafka';
import {
  Span,
  SpanKind,
  TraceCarrier,
  contextOf,
  contextWithSpan,
  inSpan,
  markFailed,
  openSpan,
  traceHeadersFor,
  traceHeadersOf,
  tracingEnabled,
} from '@stockflow/tracing';

/** Gives each stock-level message the trace of the event that produced it. */
export type StampTrace = (levels: Message[]) => Message[];

/**
 * Traces one partition batch: a CONSUMER span for the batch, linked to the
 * traces of its messages (a batch serves many requests, so it can be the child
 * of none), and, per SKU the batch changed, a `ledger fold` span that continues
 * the trace of that SKU's last event in the batch. The stock-level message of
 * the SKU carries that span's traceparent, so the trace of an ingest request
 * runs on through channel-sync. Without tracing, `work` runs as it is.
 */
export function tracedBatch<T>(
  topic: string,
  partition: number,
  messages: KafkaMessage[],
  work: (stamp: StampTrace) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work((levels) => levels);
  const bySku = new Map<string, TraceCarrier>();
  for (const message of messages) {
    const carrier = traceHeadersOf(message.headers);
    const key = message.key?.toString();
    if (carrier && key) bySku.set(key, carrier); // the SKU's last traced event in the batch wins
  }
  const attributes = batchAttributes(topic, partition, messages);
  const links = messageLinks(messages);
  return inSpan(
    'ledger apply batch',
    { kind: SpanKind.CONSUMER, links, attributes },
    async (batch) => {
      const folds: Span[] = [];
      const stamp: StampTrace = (levels) =>
        levels.map((level) => {
          const sku = level.key?.toString() ?? '';
          const carrier = bySku.get(sku);
          if (!carrier) return level;
          const parent = contextOf(carrier);
          const span = openSpan('ledger fold', {
            parent,
            kind: SpanKind.CONSUMER,
            links: [{ context: batch.spanContext() }],
            attributes: { ...attributes, 'stockflow.sku': sku },
          });
          folds.push(span);
          return {
            ...level,
            headers: { ...level.headers, ...traceHeadersFor(contextWithSpan(span, parent)) },
          };
        });
      try {
        return await work(stamp);
      } catch (error) {
        for (const span of folds) markFailed(span, error);
        throw error;
      } finally {
        for (const span of folds) span.end();
      }
    },
  );
}
