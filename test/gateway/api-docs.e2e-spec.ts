import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  ServiceProcess,
  TEST_TOKENS,
  TestStack,
  api,
  createTestStack,
  makeEvent,
  startService,
  waitFor,
  Json,
} from '@stockflow/testing';

/**
 * The API documentation the gateway serves on its public port, checked against
 * the gateway's real answers: every documented route exists in the document,
 * and real responses validate against the schemas it publishes.
 */
/** Readiness wait per service: generous, since the shared 2-core machine can be loaded far beyond its cores. */
const READY = { readyTimeoutMs: 240_000 };

describe('API documentation', () => {
  let stack: TestStack;
  let gateway: ServiceProcess;
  let ledger: ServiceProcess;
  let openapi: Json;

  beforeAll(async () => {
    stack = await createTestStack('apidocs');
    [gateway, ledger] = await Promise.all([
      startService('gateway', stack.env, READY),
      startService('ledger', stack.env, READY),
    ]);
    openapi = (await api(gateway.url, 'GET', '/openapi.json')).body;
  }, 400_000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), ledger?.stop()]);
    await stack?.teardown();
  });

  /** Ajv over the document's components, so $refs resolve as a client generator would resolve them. */
  function validator(schemaName: string) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: openapi.components });
    return ajv.getSchema(`openapi#/components/schemas/${schemaName}`)!;
  }

  function expectValid(schemaName: string, body: unknown) {
    const validate = validator(schemaName);
    expect({ schemaName, valid: validate(body), errors: validate.errors }).toEqual({
      schemaName,
      valid: true,
      errors: null,
    });
  }

  it('serves Swagger UI at /docs from local assets, no CDN', async () => {
    const page = await fetch(`${gateway.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.filter((s) => /^(https?:)?\/\//.test(s))).toEqual([]);
    for (const asset of sources.filter((s) => s.endsWith('.js') || s.endsWith('.css'))) {
      const url = new URL(asset, `${gateway.url}/docs`).toString(); // as a browser resolves it on /docs
      expect({ url, status: (await fetch(url)).status }).toEqual({ url, status: 200 });
    }
  });

  it('documents every public route, the proxied orders, carts and DLQ routes included', () => {
    expect(openapi.openapi).toMatch(/^3\./);
    const routes = Object.entries(openapi.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/events',
        'POST /v1/events/bulk',
        'GET /v1/bulk/{bulkId}',
        'GET /v1/stock/{sku}',
        'GET /v1/stock/{sku}/ledger',
        'POST /v1/orders',
        'GET /v1/orders/{orderId}',
        'POST /v1/carts/{cartId}/holds',
        'DELETE /v1/carts/{cartId}',
        'GET /v1/channels/{channel}/dlq',
        'POST /v1/channels/{channel}/dlq/replay',
        'GET /v1/channels/dead-letters',
        'GET /v1/ops/services',
        'GET /v1/ops/consumer-lag',
        'GET /v1/ops/dead-letters',
        'GET /v1/ops/orders',
      ]),
    );
    expect(openapi.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it("describes the gateway's real answers: events accepted, a validation error, stock and journal", async () => {
    const event = makeEvent('StockReceived', { sku: 'DOCS-1', locationId: 'wh-1', quantity: 3 });
    expectValid('InventoryEvent', event);
    const accepted = await api(gateway.url, 'POST', '/v1/events', {
      token: TEST_TOKENS.pos,
      body: event,
    });
    expect(accepted.status).toBe(202);
    expectValid('EventsAcceptedDto', accepted.body);

    const bad = { ...event, quantity: 0 };
    expect(validator('InventoryEvent')(bad)).toBe(false);
    const refused = await api(gateway.url, 'POST', '/v1/events', {
      token: TEST_TOKENS.pos,
      body: bad,
    });
    expect(refused.status).toBe(400);
    expectValid('ErrorDto', refused.body);

    let stock: { status: number; body: Json } = { status: 0, body: undefined };
    await waitFor(
      async () =>
        (stock = await api(gateway.url, 'GET', '/v1/stock/DOCS-1', { token: TEST_TOKENS.pos }))
          .status === 200,
      {
        timeoutMs: 90_000,
        what: 'DOCS-1 in the ledger',
      },
    );
    expectValid('StockDto', stock.body);
    const journal = await api(gateway.url, 'GET', '/v1/stock/DOCS-1/ledger', {
      token: TEST_TOKENS.pos,
    });
    expect(journal.body.entries).toHaveLength(1);
    expectValid('JournalPageDto', journal.body);
    const missing = await api(gateway.url, 'GET', '/v1/stock/NO-SUCH-SKU', {
      token: TEST_TOKENS.pos,
    });
    expect(missing.status).toBe(404);
    expectValid('ErrorDto', missing.body);
  });

  it('serves the AsyncAPI document with the topics this deployment uses', async () => {
    const res = await api(gateway.url, 'GET', '/asyncapi.json');
    expect(res.status).toBe(200);
    expect(res.body.asyncapi).toBe('2.6.0');
    expect(Object.keys(res.body.channels).sort()).toEqual(Object.values(stack.topics).sort());
  });
});
