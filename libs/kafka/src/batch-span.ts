import { KafkaMessage } from 'kafkajs';
import {
  Link,
  SpanKind,
  inSpan,
  spanContextOf,
  traceHeadersOf,
  tracingEnabled,
} from '@stockflow/tracing';

/** Links of one batch span: enough to find the traces it served, bounded for a batch of thousands. */
const MAX_LINKS = 128;

/** Span links to the traces the messages were produced in (those with a `traceparent` header). */
export function messageLinks(messages: KafkaMessage[]): Link[] {
  const links: Link[] = [];
  for (const message of messages) {
    if (links.length >= MAX_LINKS) break;
    const spanContext = spanContextOf(traceHeadersOf(message.headers));
    if (spanContext) links.push({ context: spanContext });
  }
  return links;
}

export function batchAttributes(topic: string, partition: number, messages: KafkaMessage[]) {
  return {
    'messaging.system': 'kafka',
    'messaging.destination.name': topic,
    'messaging.destination.partition.id': String(partition),
    'messaging.batch.message_count': messages.length,
  };
}

/**
 * Runs the handling of one partition batch in a CONSUMER span linked to the
 * traces of its messages: a batch serves many requests, so it is the child of
 * none of them, and a link is how a trace viewer gets from a request to it.
 */
export function inBatchSpan<T>(
  name: string,
  topic: string,
  partition: number,
  messages: KafkaMessage[],
  work: () => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return work();
  return inSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      links: messageLinks(messages),
      attributes: batchAttributes(topic, partition, messages),
    },
    work,
  );
}
