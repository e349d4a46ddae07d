import { writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  ChannelReceiver,
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  freePort,
  makeEvent,
  startService,
  waitFor,
} from '@stockflow/testing';
import { OtlpReceiver, ReceivedSpan } from './otlp-receiver';
import { startAll } from './start-all';

/** Readiness waits on Kafka consumer groups; on a loaded shared broker that can take over a minute. */
const SLOW_START = { readyTimeoutMs: 150_000 };

describe('one trace from a request to the ledger and on to channel delivery (OTLP export of real service processes)', () => {
  let stack: TestStack;
  let otlp: OtlpReceiver;
  let channel: ChannelReceiver;
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;

  beforeAll(async () => {
    stack = await createTestStack('tracing');
    otlp = await OtlpReceiver.start();
    channel = await ChannelReceiver.start({ secret: 'trace-secret' });
    const channelsFile = join(tmpdir(), `tracing-channels-${process.pid}.json`);
    const web = {
      name: 'web',
      adapter: 'webhook',
      endpoint: `${channel.url}/hooks`,
      secret: 'trace-secret',
      safetyStock: 0,
    };
    writeFileSync(channelsFile, JSON.stringify([web]));
    // Export every 200 ms instead of 5 s, so the test does not wait for the batch processor.
    const env = {
      ...stack.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    const ordersPort = await freePort();
    services = await startAll([
      startService('gateway', { ...env, ORDERS_URL: `http://127.0.0.1:${ordersPort}` }, SLOW_START),
      startService('ledger', env, SLOW_START),
      startService('channel-sync', { ...env, CHANNELS_FILE: channelsFile }, SLOW_START),
      startService('orders', env, { ...SLOW_START, port: ordersPort }),
    ]);
    gateway = services[0];
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await otlp?.close();
    await channel?.close();
    await stack?.teardown();
  });

  it('joins the gateway request, the ledger fold and the channel call in one trace', async () => {
    const event = makeEvent('StockReceived', {
      sku: 'TRACE-1',
      channel: 'web',
      locationId: 'WH-1',
      quantity: 7,
    });
    const posted = await api(gateway.url, 'POST', '/v1/events', {
      token: TEST_TOKENS.web,
      body: event,
    });
    expect(posted.status).toBe(202);
    await waitFor(() => channel.calls.some((c) => c.body?.sku === 'TRACE-1'), {
      timeoutMs: 90_000,
      what: 'channel call',
    });

    const batchLinkedTo = (spanId: string) =>
      otlp.spans.find(
        (s) => s.name === 'ledger apply batch' && s.links.some((l) => l.spanId === spanId),
      );
    let trace: ReceivedSpan[] = [];
    await waitFor(
      () => {
        const ingest = otlp.spans.find(
          (s) => s.service === 'stockflow-gateway' && s.name === 'POST /v1/events',
        );
        trace = ingest ? otlp.spans.filter((s) => s.traceId === ingest.traceId) : [];
        // Each service exports on its own timer: the delivery's span can arrive before the fold's.
        return (
          ingest !== undefined &&
          batchLinkedTo(ingest.spanId) !== undefined &&
          ['ledger fold', 'channel-sync deliver'].every((n) => trace.some((s) => s.name === n))
        );
      },
      { timeoutMs: 60_000, what: 'the spans of the trace exported' },
    );
    const named = (name: string) => trace.find((s) => s.name === name)!;
    const ingest = named('POST /v1/events');
    const fold = named('ledger fold');
    const deliver = named('channel-sync deliver');
    expect([ingest.service, fold.service, deliver.service]).toEqual([
      'stockflow-gateway',
      'stockflow-ledger',
      'stockflow-channel-sync',
    ]);
    // A chain of parents, not just a shared id: each hop continues the one before it.
    expect(fold.parentSpanId).toBe(ingest.spanId);
    expect(deliver.parentSpanId).toBe(fold.spanId);
    // The batch span serves many requests: it is linked to this trace, not part of it.
    expect(batchLinkedTo(ingest.spanId)).toBeDefined();
  });

  it('carries a checkout from its HTTP request through the outbox relay to the ledger fold in one trace', async () => {
    const receipt = makeEvent('StockReceived', {
      sku: 'TRACE-CO',
      channel: 'web',
      locationId: 'WH-1',
      quantity: 5,
    });
    expect(
      (await api(gateway.url, 'POST', '/v1/events', { token: TEST_TOKENS.web, body: receipt }))
        .status,
    ).toBe(202);
    const order = {
      orderId: `trace-order-${Date.now()}`,
      lines: [{ sku: 'TRACE-CO', quantity: 2 }],
      payment: { method: 'card' },
    };
    // The receipt may still be on its way to the ledger: the order is then rejected; place another.
    await waitFor(
      async () => {
        order.orderId = `trace-order-${Date.now()}`;
        await api(gateway.url, 'POST', '/v1/orders', { token: TEST_TOKENS.web, body: order });
        let status = 'received';
        await waitFor(
          async () => {
            const got = await api(gateway.url, 'GET', `/v1/orders/${order.orderId}`, {
              token: TEST_TOKENS.web,
            });
            status = got.body?.status ?? 'received';
            return status !== 'received';
          },
          { timeoutMs: 60_000, what: `order ${order.orderId} decided` },
        );
        return status === 'pending';
      },
      { timeoutMs: 120_000, what: 'an order reserved' },
    );

    let trace: ReceivedSpan[] = [];
    let request: ReceivedSpan | undefined;
    await waitFor(
      () => {
        const served = otlp.spans.filter(
          (s) => s.service === 'stockflow-orders' && s.name === 'POST /v1/orders',
        );
        for (const span of served) {
          const spans = otlp.spans.filter((s) => s.traceId === span.traceId);
          if (spans.some((s) => s.name === 'ledger fold')) {
            trace = spans;
            request = span;
            return true;
          }
        }
        return false;
      },
      { timeoutMs: 90_000, what: 'a checkout trace reaching the ledger fold' },
    );
    const named = (name: string) => trace.find((s) => s.name === name)!;
    // The gateway's span of the proxied request (named for its route pattern) is the orders span's parent.
    const ingress = trace.find((s) => s.spanId === request!.parentSpanId)!;
    const relay = named('outbox relay');
    const fold = named('ledger fold');
    expect([ingress.service, request!.service, relay.service, fold.service]).toEqual([
      'stockflow-gateway',
      'stockflow-orders',
      'stockflow-orders',
      'stockflow-ledger',
    ]);
    expect(ingress.name).toMatch(/^POST \/v1\/orders/);
    // The relay continues the request (through the order queue's message), the fold continues the relay.
    expect(relay.parentSpanId).toBe(request!.spanId);
    expect(relay.kind).toBe(4); // PRODUCER (OTLP SpanKind)
    expect(fold.parentSpanId).toBe(relay.spanId);
  });

  it('exports no spans for health and metrics probes', () => {
    expect(otlp.spans.filter((s) => /health|metrics/.test(s.name))).toEqual([]);
  });
});
