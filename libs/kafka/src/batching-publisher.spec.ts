import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Kafka, Message } from 'kafkajs';
import { inSpan, startTracing } from '@stockflow/tracing';
import { BatchingPublisher, splitBySize } from './batching-publisher';

describe('BatchingPublisher trace headers', () => {
  const sent: Message[] = [];
  const kafka = {
    producer: () => ({
      sendBatch: async ({ topicMessages }: { topicMessages: { messages: Message[] }[] }) => {
        for (const t of topicMessages) sent.push(...t.messages);
      },
    }),
  } as unknown as Kafka;
  const tracing = startTracing({ serviceName: 'test', exporter: new InMemorySpanExporter() });
  afterAll(() => tracing.shutdown());

  beforeEach(() => (sent.length = 0));

  it('stamps the active span on every message published inside it', async () => {
    const publisher = new BatchingPublisher(kafka);
    let traceId = '';
    await inSpan('request', {}, async (span) => {
      traceId = span.spanContext().traceId;
      await publisher.publish('t', [
        { key: 'a', value: '1' },
        { key: 'b', value: '2', headers: { x: 'y' } },
      ]);
    });
    expect(sent.map((m) => String(m.headers?.traceparent).split('-')[1])).toEqual([
      traceId,
      traceId,
    ]);
    expect(sent[1].headers?.x).toBe('y');
  });

  it('keeps a traceparent the caller set (the ledger gives each stock level its event trace)', async () => {
    const publisher = new BatchingPublisher(kafka);
    const own = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await inSpan('batch', {}, () =>
      publisher.publish('t', [{ key: 'a', value: '1', headers: { traceparent: own } }]),
    );
    expect(sent[0].headers?.traceparent).toBe(own);
  });

  it('adds no header outside a span', async () => {
    await new BatchingPublisher(kafka).publish('t', [{ key: 'a', value: '1' }]);
    expect(sent[0].headers).toBeUndefined();
  });
});

const msg = (bytes: number, key = 'k'): Message => ({ key, value: 'x'.repeat(bytes - key.length) });

describe('splitBySize', () => {
  it('keeps a send that fits in one request whole', () => {
    const groups = [
      { topic: 'a', messages: [msg(10), msg(10)] },
      { topic: 'b', messages: [msg(10)] },
    ];
    expect(splitBySize(groups, 100)).toEqual([groups]);
  });

  it('splits in order so that no request carries more than the limit, losing and duplicating nothing', () => {
    const groups = [
      { topic: 'levels', messages: Array.from({ length: 25 }, (_, i) => msg(40, `k${i}`)) },
      { topic: 'dlq', messages: [msg(30, 'd')] },
    ];
    const requests = splitBySize(groups, 100);
    for (const request of requests) {
      const bytes = request
        .flatMap((g) => g.messages)
        .reduce((t, m) => t + String(m.value).length + String(m.key).length, 0);
      expect(bytes).toBeLessThanOrEqual(100);
    }
    const flat = requests.flatMap((r) =>
      r.flatMap((g) => g.messages.map((m) => `${g.topic}:${m.key}`)),
    );
    expect(flat).toEqual([...groups[0].messages.map((m) => `levels:${m.key}`), 'dlq:d']);
  });

  it('sends a message larger than the limit alone rather than dropping it', () => {
    const requests = splitBySize([{ topic: 'a', messages: [msg(10), msg(500), msg(10)] }], 100);
    expect(requests.map((r) => r[0].messages.length)).toEqual([1, 1, 1]);
  });
});
