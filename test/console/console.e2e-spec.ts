import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import {
  TEST_OPERATOR_TOKEN,
  TEST_TOKENS,
  api,
  makeEvent,
  repoRoot,
  waitFor,
} from '@stockflow/testing';
import { ConsoleStack, startConsoleStack } from './console-stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The log carries a change through gateway -> Kafka -> ledger (-> channel-sync); generous on a loaded machine. */
const PROPAGATION_MS = 90_000;
/** The console promises numbers that refresh by themselves within 5 s; 1 s of slack for a loaded browser. */
const REFRESH_PROMISE_MS = 6_000;

/**
 * The operator console in a real headless Chromium against every service
 * running as a real process: sign in, stock of a SKU, a number moving after
 * an event, dead letters replayed, orders counted, a channel token refused.
 */
describe('operator console', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let page: Page;
  const sku = 'CONSOLE-TEE-1';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    }
    [stack, browser] = await Promise.all([
      startConsoleStack(),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage'],
      }),
    ]);
    page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const post = (events: unknown[]) =>
    api(stack.gateway.url, 'POST', '/v1/events', { token: TEST_TOKENS.pos, body: events });
  const text = (selector: string) => page.locator(selector).innerText();

  async function ledgerAvailable(expected: number): Promise<void> {
    await waitFor(
      async () =>
        (await api(stack.gateway.url, 'GET', `/v1/stock/${sku}`, { token: TEST_OPERATOR_TOKEN }))
          .body?.available === expected,
      { timeoutMs: PROPAGATION_MS, what: `available ${expected} in the ledger` },
    );
  }

  it('loads without a token and refuses a channel token with a visible message', async () => {
    const res = await page.goto(`${stack.gateway.url}/console`);
    expect(res?.status()).toBe(200);
    await expect(page.getByLabel('Operator token').isVisible()).resolves.toBe(true);
    await page.getByLabel('Operator token').fill(TEST_TOKENS.web);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Refused: this is a channel token').waitFor({ timeout: 10_000 });
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    expect(await page.evaluate('sessionStorage.getItem("stockflow.operatorToken")')).toBeNull();
  });

  it('signs in with the operator token, keeps it for the tab only, and shows every section', async () => {
    await page.getByLabel('Operator token').fill(TEST_OPERATOR_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#dashboard').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate('sessionStorage.getItem("stockflow.operatorToken")')).toBe(
      TEST_OPERATOR_TOKEN,
    );
    expect(await page.evaluate('localStorage.length')).toBe(0);
    const headings = await page.locator('h2').allInnerTexts();
    expect(headings).toEqual(['Services', 'Consumer lag', 'Dead letters', 'Stock', 'Orders']);
    // Every service's readiness, probed by the gateway.
    for (const name of ['gateway', 'ledger', 'orders', 'channel-sync', 'compaction']) {
      await page
        .locator(`#services tr[data-service="${name}"] .status`, { hasText: 'ok' })
        .waitFor({ timeout: 15_000 });
    }
  });

  it('shows a SKU per location with its journal, and a number changes by itself after an event', async () => {
    expect(
      (
        await post([
          makeEvent('StockReceived', { sku, locationId: 'wh-east', quantity: 7 }),
          makeEvent('StockReceived', { sku, locationId: 'wh-west', quantity: 3 }),
        ])
      ).status,
    ).toBe(202);
    await ledgerAvailable(10);
    await page.getByLabel('SKU').fill(sku);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#stock-available', { hasText: /^10$/ }).waitFor({ timeout: 10_000 });
    expect(await text('#stock-locations tr[data-location="wh-east"]')).toContain('7');
    expect(await text('#stock-locations tr[data-location="wh-west"]')).toContain('3');
    expect(await page.locator('#stock-journal tbody tr').count()).toBe(2);

    expect(
      (await post([makeEvent('ItemSold', { sku, locationId: 'wh-east', quantity: 4 })])).status,
    ).toBe(202);
    await ledgerAvailable(6);
    const seenAt = Date.now();
    // No click: the page refreshes on its own.
    await page
      .locator('#stock-available', { hasText: /^6$/ })
      .waitFor({ timeout: REFRESH_PROMISE_MS });
    console.log(`console showed the new available ${Date.now() - seenAt} ms after the API did`);
    expect(await page.locator('#stock-journal tbody tr').count()).toBe(3);
    expect(await text('#stock-journal tbody tr:first-child')).toContain('ItemSold');
  });

  it('counts orders by status over the last minutes', async () => {
    const placed = await api(stack.gateway.url, 'POST', '/v1/orders', {
      token: TEST_TOKENS.web,
      body: { lines: [{ sku, quantity: 1 }], payment: { method: 'card' } },
    });
    expect([201, 202]).toContain(placed.status);
    const shown = async () =>
      (
        await Promise.all(['#orders-received', '#orders-pending', '#orders-rejected'].map(text))
      ).map(Number);
    await waitFor(async () => (await shown()).reduce((a, b) => a + b, 0) === 1, {
      timeoutMs: PROPAGATION_MS,
      what: 'the order counted in the console',
    });
    const counts = (
      await api(stack.gateway.url, 'GET', '/v1/ops/orders?minutes=15', {
        token: TEST_OPERATOR_TOKEN,
      })
    ).body;
    expect(counts.totals.received + counts.totals.pending + counts.totals.rejected).toBe(1);
  });

  it("replays a channel's dead letters and the depth falls", async () => {
    const depth = page.locator('#dead-letters tr[data-channel="web"] td:nth-child(2)');
    // Every stock change so far was refused by the web channel (3 attempts each).
    await waitFor(async () => Number(await depth.innerText()) > 0, {
      timeoutMs: PROPAGATION_MS,
      what: 'dead letters of web in the console',
    });
    expect(await text('#dead-letters tr[data-channel="web"]')).toContain(sku);
    expect(await page.locator('#consumer-lag tbody tr').count()).toBeGreaterThan(0);
    mkdirSync(join(repoRoot(), 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot(), 'docs/console.png'), fullPage: true });

    stack.heal();
    const before = stack.web.calls.length;
    await page.getByRole('button', { name: 'Replay web' }).click();
    await page.getByText('Replay of web:').waitFor({ timeout: 15_000 });
    await waitFor(async () => (await depth.innerText()) === '0', {
      timeoutMs: 30_000,
      what: 'web dead-letter depth 0',
    });
    await waitFor(
      () =>
        stack.web.calls
          .slice(before)
          .some((c) => c.status === 200 && c.body.sku === sku && c.body.quantity === 5),
      {
        timeoutMs: PROPAGATION_MS,
        what: 'the replayed newest quantity delivered to web',
      },
    );
  });

  it('operator endpoints: 401 without a token, 403 for a channel token', async () => {
    for (const path of [
      '/v1/ops/session',
      '/v1/ops/services',
      '/v1/ops/consumer-lag',
      '/v1/ops/dead-letters',
      '/v1/ops/orders',
    ]) {
      expect((await api(stack.gateway.url, 'GET', path)).status).toBe(401);
      expect((await api(stack.gateway.url, 'GET', path, { token: TEST_TOKENS.pos })).status).toBe(
        403,
      );
    }
    expect(
      (
        await api(stack.gateway.url, 'GET', '/v1/ops/orders?minutes=0', {
          token: TEST_OPERATOR_TOKEN,
        })
      ).status,
    ).toBe(400);
  });

  it('accepts a body-less DELETE /v1/carts/:id that says Content-Type: application/json', async () => {
    const res = await fetch(`${stack.gateway.url}/v1/carts/console-cart`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TEST_TOKENS.web}`, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cartId: 'console-cart', released: 0 });
  });
});
