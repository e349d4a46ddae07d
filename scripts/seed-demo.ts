/**
 * Seeds a small demo catalog through the public API, as a 3PL receipt feed
 * would: one StockReceived per SKU and warehouse. Run by `npm start` in the
 * background once the gateway is up.
 *
 * Idempotent on purpose: every eventId is a UUID v5 of "demo:<sku>:<location>",
 * so seeding again sends the same ids and the ledger's eventId dedupe makes it
 * a no-op (restarting `npm start` never doubles the demo stock).
 *
 * Env: PORT (gateway, default 3000), CHANNEL_TOKENS ("pos:tok1,3pl:tok2,...").
 */
import { createHash } from 'node:crypto';

const BASE_URL = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const READY_TIMEOUT_MS = 120_000;
const CHANNEL = '3pl';

// [sku, units at WH-EAST, units at WH-WEST]
const CATALOG: ReadonlyArray<[string, number, number]> = [
  ['TSHIRT-RED-M', 120, 80],
  ['TSHIRT-BLUE-L', 90, 60],
  ['TSHIRT-BLACK-S', 150, 40],
  ['HOODIE-GREY-M', 45, 30],
  ['MUG-WHITE', 200, 200],
  ['MUG-BLACK', 75, 25],
  ['SNEAKER-42', 24, 12],
  ['SNEAKER-44', 18, 6],
  ['CAP-NAVY', 60, 60],
  ['TOTE-CANVAS', 100, 50],
];

// Fixed namespace for the demo's UUID v5 ids (any constant UUID works; this one is ours).
const DEMO_NAMESPACE = '6f1c2b1e-9a57-4c1e-8d4e-0b5a7c3d2e10';

/** RFC 4122 UUID v5: SHA-1 of namespace bytes + name, with version and variant bits set. */
export function uuidV5(name: string, namespace = DEMO_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function channelToken(channel: string): string {
  const entries = (process.env.CHANNEL_TOKENS ?? '')
    .split(',')
    .map((pair) => pair.trim().split(':'));
  const token = entries.find(([name]) => name === channel)?.[1];
  if (!token) {
    throw new Error(`CHANNEL_TOKENS has no token for "${channel}" (format "pos:tok1,3pl:tok2")`);
  }
  return token;
}

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE_URL}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(
    `${BASE_URL}/health/ready not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${last})`,
  );
}

function demoEvents(): object[] {
  const occurredAt = new Date().toISOString();
  return CATALOG.flatMap(([sku, east, west]) =>
    (
      [
        ['WH-EAST', east],
        ['WH-WEST', west],
      ] as const
    ).map(([locationId, quantity]) => ({
      eventId: uuidV5(`demo:${sku}:${locationId}`),
      type: 'StockReceived',
      sku,
      channel: CHANNEL,
      occurredAt,
      schemaVersion: 1,
      locationId,
      quantity,
      metadata: { source: 'seed-demo' },
    })),
  );
}

async function main(): Promise<void> {
  const token = channelToken(CHANNEL);
  await waitUntilReady();
  const events = demoEvents();
  const res = await fetch(`${BASE_URL}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(events),
  });
  const body = await res.text();
  if (res.status !== 202) throw new Error(`POST /v1/events answered ${res.status}: ${body}`);
  console.log(
    `seed-demo: ${events.length} StockReceived events for ${CATALOG.length} SKUs accepted ` +
      `(repeats are deduped by eventId); try: curl ${BASE_URL}/v1/stock/${CATALOG[0][0]}`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`seed-demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
