/**
 * Stockflow operator console: one page over the gateway's public API. The
 * operator token lives in sessionStorage (this tab only, gone when it closes)
 * and goes out as a bearer token; every number refreshes every REFRESH_MS.
 */
const TOKEN_KEY = 'stockflow.operatorToken';
/** Well inside the 5 s an operator should wait for a number to move. */
const REFRESH_MS = 2000;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let currentSku: string | null = null;
let timer: number | undefined;

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T =>
  document.querySelector(selector) as T;

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call(method: string, path: string, body?: unknown): Promise<Json> {
  const headers: Record<string, string> = { authorization: `Bearer ${token ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Json = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  if (!res.ok)
    throw new ApiError(
      res.status,
      typeof parsed === 'object' && parsed?.message ? String(parsed.message) : `HTTP ${res.status}`,
    );
  return parsed;
}

/** Text only (never innerHTML with data): SKUs, reasons and payloads come from outside. */
function cell(row: HTMLTableRowElement, value: unknown, className?: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = value === undefined || value === null ? '' : String(value);
  if (className) td.className = className;
  return td;
}

function fillRows<T>(
  tbody: HTMLTableSectionElement,
  items: T[],
  fill: (row: HTMLTableRowElement, item: T) => void,
): void {
  tbody.replaceChildren();
  for (const item of items) fill(tbody.insertRow(), item);
}

function setText(selector: string, value: unknown): void {
  $(selector).textContent = value === undefined || value === null ? '' : String(value);
}

// ---- sign in ---------------------------------------------------------------

async function signIn(candidate: string): Promise<void> {
  token = candidate;
  try {
    await call('GET', '/v1/ops/session');
  } catch (error) {
    token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    const status = error instanceof ApiError ? error.status : 0;
    setText(
      '#sign-in-message',
      status === 403
        ? 'Refused: this is a channel token. The console needs an operator token (OPERATOR_TOKENS).'
        : status === 401
          ? 'Refused: unknown token.'
          : `Could not sign in: ${(error as Error).message}`,
    );
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, candidate);
  setText('#sign-in-message', '');
  $('#sign-in').hidden = true;
  $('#dashboard').hidden = false;
  $('#sign-out').hidden = false;
  void refresh();
  timer = window.setInterval(() => void refresh(), REFRESH_MS);
}

function signOut(): void {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  window.clearInterval(timer);
  $('#dashboard').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
}

// ---- sections ----------------------------------------------------------------

async function showServices(): Promise<void> {
  const { services } = await call('GET', '/v1/ops/services');
  fillRows($('#services tbody') as HTMLTableSectionElement, services as Json[], (row, s) => {
    row.dataset.service = s.name;
    cell(row, s.name);
    cell(row, s.status, s.status === 'ok' ? 'ok status' : 'bad status');
    cell(
      row,
      Object.entries(s.checks ?? {})
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    );
    cell(row, s.latencyMs);
  });
}

async function showConsumerLag(): Promise<void> {
  const { partitions } = await call('GET', '/v1/ops/consumer-lag');
  const rows = partitions as Json[];
  const total = rows.reduce((sum, p) => sum + p.lag, 0);
  setText(
    '#consumer-lag .summary',
    `${new Set(rows.map((p) => p.group)).size} groups, ${total} messages behind in total`,
  );
  fillRows($('#consumer-lag tbody') as HTMLTableSectionElement, rows, (row, p) => {
    cell(row, p.group);
    cell(row, p.topic);
    cell(row, p.partition);
    cell(row, p.committedOffset < 0 ? '(none)' : p.committedOffset);
    cell(row, p.logEndOffset);
    cell(row, p.lag, p.lag > 0 ? 'bad lag' : 'lag');
  });
}

async function showDeadLetters(): Promise<void> {
  const { channels } = await call('GET', '/v1/ops/dead-letters');
  fillRows($('#dead-letters tbody') as HTMLTableSectionElement, channels as Json[], (row, c) => {
    row.dataset.channel = c.channel;
    cell(row, c.channel);
    cell(row, c.depth, c.depth > 0 ? 'bad depth' : 'depth');
    const list = document.createElement('ul');
    list.className = 'entries';
    for (const d of c.newest as Json[]) {
      const item = document.createElement('li');
      item.textContent = `${d.sku ?? '(no sku)'} ${d.code}: ${d.reason} (${d.failedAt})`;
      list.append(item);
    }
    cell(row, '').append(list);
    const actions = cell(row, '');
    if (c.replayable) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Replay';
      button.disabled = c.depth === 0;
      button.setAttribute('aria-label', `Replay ${c.channel}`);
      button.addEventListener('click', () => void replay(c.channel, button));
      actions.append(button);
    }
  });
}

async function replay(channel: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const result = await call('POST', `/v1/channels/${encodeURIComponent(channel)}/dlq/replay`, {});
    setText('#replay-message', `Replay of ${channel}: ${JSON.stringify(result)}`);
  } catch (error) {
    setText('#replay-message', `Replay of ${channel} failed: ${(error as Error).message}`);
  }
  await showDeadLetters().catch(() => undefined);
}

async function showStock(): Promise<void> {
  if (!currentSku) return;
  const sku = currentSku;
  let stock: Json;
  try {
    stock = await call('GET', `/v1/stock/${encodeURIComponent(sku)}`);
  } catch (error) {
    $('#stock-view').hidden = true;
    setText(
      '#stock-message',
      error instanceof ApiError && error.status === 404
        ? `No stock recorded for ${sku}.`
        : (error as Error).message,
    );
    return;
  }
  const journal = await call('GET', `/v1/stock/${encodeURIComponent(sku)}/ledger?limit=20`);
  if (sku !== currentSku) return; // the operator searched another SKU meanwhile
  setText('#stock-message', '');
  $('#stock-view').hidden = false;
  setText('#stock-on-hand', stock.onHand);
  setText('#stock-reserved', stock.reserved);
  setText('#stock-available', stock.available);
  setText('#stock-version', stock.version);
  showLocations(stock.locations as Json[]);
  const pools = stock.pools as Json[] | undefined;
  $('#stock-pools').hidden = !pools;
  fillRows($('#stock-pools tbody') as HTMLTableSectionElement, pools ?? [], (row, p) => {
    cell(row, p.poolId);
    cell(row, p.available);
  });
  fillRows(
    $('#stock-journal tbody') as HTMLTableSectionElement,
    journal.entries as Json[],
    (row, e) => {
      cell(row, e.version);
      cell(row, e.type);
      cell(row, e.channel);
      cell(row, e.onHandDelta);
      cell(row, e.reservedDelta);
      cell(
        row,
        ((e.locationDeltas ?? []) as Json[])
          .map((d) => `${d.locationId} ${d.delta > 0 ? '+' : ''}${d.delta}`)
          .join(', '),
      );
      cell(row, e.occurredAt);
    },
  );
}

/** Columns follow what the API gives: onHand always; reserved, available and Shopify quantity states once present. */
function showLocations(locations: Json[]): void {
  const states = [...new Set(locations.flatMap((l) => Object.keys(l.quantities ?? {})))];
  const columns = ['onHand', 'reserved', 'available'].filter((k) =>
    locations.some((l) => l[k] !== undefined),
  );
  const head = $('#stock-locations thead') as HTMLTableSectionElement;
  head.replaceChildren();
  const headRow = head.insertRow();
  for (const name of ['location', ...columns, ...states])
    headRow.append(Object.assign(document.createElement('th'), { textContent: name }));
  fillRows($('#stock-locations tbody') as HTMLTableSectionElement, locations, (row, l) => {
    row.dataset.location = l.locationId;
    cell(row, l.locationId);
    for (const k of columns) cell(row, l[k], k);
    for (const s of states) cell(row, l.quantities?.[s]);
  });
}

async function showOrders(): Promise<void> {
  const minutes = ($('#orders-window') as HTMLSelectElement).value;
  const counts = await call('GET', `/v1/ops/orders?minutes=${minutes}`);
  setText('#orders-received', counts.totals.received);
  setText('#orders-pending', counts.totals.pending);
  setText('#orders-rejected', counts.totals.rejected);
  fillRows($('#orders tbody') as HTMLTableSectionElement, counts.perMinute as Json[], (row, m) => {
    cell(row, new Date(m.minute).toLocaleTimeString());
    cell(row, m.received);
    cell(row, m.pending);
    cell(row, m.rejected);
  });
}

/** Sections refresh independently: one failing upstream leaves the others live and says what failed. */
async function refresh(): Promise<void> {
  const sections: [string, () => Promise<void>][] = [
    ['#services', showServices],
    ['#consumer-lag', showConsumerLag],
    ['#dead-letters', showDeadLetters],
    ['#stock', showStock],
    ['#orders', showOrders],
  ];
  await Promise.all(
    sections.map(async ([id, show]) => {
      try {
        await show();
        $(id).classList.remove('stale');
        $(id).removeAttribute('title');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signOut();
        $(id).classList.add('stale');
        $(id).title = `refresh failed: ${(error as Error).message}`;
      }
    }),
  );
  setText('#refreshed', `refreshed ${new Date().toLocaleTimeString()}`);
}

// ---- wiring --------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(($('#token') as HTMLInputElement).value.trim());
  });
  $('#sign-out').addEventListener('click', signOut);
  $('#stock-search').addEventListener('submit', (event) => {
    event.preventDefault();
    currentSku = ($('#sku') as HTMLInputElement).value.trim();
    void showStock();
  });
  $('#orders-window').addEventListener('change', () => void showOrders());
  if (token) void signIn(token);
});
