import { randomUUID } from 'node:crypto';
import { seededRandom, Json } from '@stockflow/testing';
import { RequestKind, RequestRecord } from './outages';
import { TOKENS } from './system';

/** SKUs orders and holds race for: few units, topped up by small receipts. */
export const SCARCE = ['CHAOS-SCARCE-1', 'CHAOS-SCARCE-2', 'CHAOS-SCARCE-3'];
/** SKUs the channels' event batches move around (sales may take them below zero). */
export const BUSY = Array.from({ length: 12 }, (_, i) => `CHAOS-BUSY-${i + 1}`);
const LOCATIONS = ['WH-1', 'WH-2', 'STORE-1'];
const ORDER_CHANNELS = ['web', 'amazon', 'pos'] as const;

export interface LoadOptions {
  gatewayUrl: string;
  /** Requests per second of each kind (holds at a third of it). */
  rate: number;
  requestTimeoutMs: number;
  seed: number;
}

/** What the load leaves behind for the invariants: every request, and what the system accepted. */
export interface LoadResult {
  records: RequestRecord[];
  /** eventIds answered 202. */
  acceptedEvents: Set<string>;
  /** orderIds answered with a decision or `received`; each must end decided. */
  acceptedOrders: Set<string>;
  /** orderIds never answered despite retries (the system may or may not know them). */
  unansweredOrders: Set<string>;
}

async function call(
  options: LoadOptions,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(options.gatewayUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(options.requestTimeoutMs),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/**
 * The mixed load: event batches from the 3PL and the tills, async (card) and
 * sync (cash at the till) orders racing for scarce stock, cart holds and
 * cancels. Open loop: requests leave on schedule whether or not earlier ones
 * were answered, so an outage shows as failed sends, not as fewer sends. A
 * failed order is sent again with the same orderId (idempotent), as a client
 * would retry it.
 */
export class MixedLoad {
  private readonly random: () => number;
  private readonly result: LoadResult = {
    records: [],
    acceptedEvents: new Set(),
    acceptedOrders: new Set(),
    unansweredOrders: new Set(),
  };
  private readonly inFlight = new Set<Promise<void>>();
  private readonly retries: { orderId: string; body: unknown; token: string }[] = [];
  private timers: NodeJS.Timeout[] = [];
  private holdSeq = 0;

  constructor(private readonly options: LoadOptions) {
    this.random = seededRandom(options.seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Sends `request`, recording it under `kind`; `accept` says whether the answer is a contract answer. */
  private send(
    kind: RequestKind,
    request: () => Promise<{ status: number; body: Json }>,
    accept: (res: { status: number; body: Json }) => boolean,
  ): Promise<boolean> {
    const startedAt = Date.now();
    const done = request().then(
      (res) => ({ ok: accept(res), answer: String(res.status) }),
      (error: Error) => ({
        ok: false,
        answer: error.name === 'TimeoutError' ? 'timeout' : error.message,
      }),
    );
    const recorded = done.then(({ ok, answer }) => {
      this.result.records.push({ kind, startedAt, endedAt: Date.now(), ok, answer });
      return ok;
    });
    const tracked = recorded.then(() => undefined);
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return recorded;
  }

  /** Initial stock: scarce SKUs get a few units, busy ones a lot. */
  seedEvents(): unknown[] {
    return [
      ...SCARCE.map((sku) => this.event('StockReceived', sku, '3pl', { quantity: 10 })),
      ...BUSY.map((sku) => this.event('StockReceived', sku, '3pl', { quantity: 500 })),
    ];
  }

  private event(type: string, sku: string, channel: string, fields: Record<string, unknown>) {
    return {
      eventId: randomUUID(),
      type,
      sku,
      channel,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      locationId: this.pick(LOCATIONS),
      ...fields,
    };
  }

  private eventBatch(): { token: string; events: Record<string, unknown>[] } {
    const fromTill = this.random() < 0.5;
    const channel = fromTill ? 'pos' : '3pl';
    const events = Array.from({ length: 5 }, () => {
      const sku = this.pick(BUSY);
      const roll = this.random();
      if (!fromTill) {
        if (roll < 0.1)
          return this.event('StockReceived', this.pick(SCARCE), channel, { quantity: 1 });
        if (roll < 0.7)
          return this.event('StockReceived', sku, channel, {
            quantity: 1 + Math.floor(this.random() * 20),
          });
        const from = this.pick(LOCATIONS);
        return {
          ...this.event('StockTransferred', sku, channel, {
            quantity: 1 + Math.floor(this.random() * 3),
          }),
          locationId: undefined,
          fromLocationId: from,
          toLocationId: LOCATIONS.find((l) => l !== from),
        };
      }
      if (roll < 0.8)
        return this.event('ItemSold', sku, channel, {
          quantity: 1 + Math.floor(this.random() * 3),
        });
      return this.event('StockAdjusted', sku, channel, {
        delta: this.random() < 0.5 ? -1 : 2,
        reason: 'cycle_count',
      });
    });
    return { token: TOKENS[channel], events };
  }

  async postEvents(token: string, events: unknown[]): Promise<boolean> {
    return this.send(
      'events',
      () => call(this.options, 'POST', '/v1/events', token, events),
      (res) => {
        if (res.status !== 202) return false;
        for (const e of events as { eventId: string }[]) this.result.acceptedEvents.add(e.eventId);
        return true;
      },
    );
  }

  private placeOrder(orderId: string, body: unknown, token: string): void {
    void this.send(
      'orders',
      () => call(this.options, 'POST', '/v1/orders', token, body),
      // 202 received, 201 pending, 409 rejected (out of stock): each is the contract's answer.
      (res) => [201, 202, 409].includes(res.status) && typeof res.body?.status === 'string',
    ).then((ok) => {
      if (ok) {
        this.result.acceptedOrders.add(orderId);
        this.result.unansweredOrders.delete(orderId);
      } else {
        this.result.unansweredOrders.add(orderId);
        this.retries.push({ orderId, body, token });
      }
    });
  }

  private newOrder(): void {
    const channel = this.pick(ORDER_CHANNELS);
    const skus =
      this.random() < 0.3 ? [SCARCE[0], this.pick(SCARCE.slice(1))] : [this.pick(SCARCE)];
    const orderId = `chaos-${randomUUID()}`;
    const body = {
      orderId,
      lines: skus.map((sku) => ({ sku, quantity: 1 })),
      payment: { method: channel === 'pos' && this.random() < 0.7 ? 'pos_cash' : 'card' },
    };
    this.placeOrder(orderId, body, TOKENS[channel]);
  }

  private holdOrCancel(): void {
    const cartId = `cart-${this.holdSeq++}`;
    void this.send(
      'holds',
      () =>
        call(this.options, 'POST', `/v1/carts/${cartId}/holds`, TOKENS.web, {
          sku: this.pick(SCARCE),
          quantity: 1,
        }),
      (res) => res.status === 201 || res.status === 409,
    ).then((ok) => {
      if (ok && this.random() < 0.5)
        void this.send(
          'holds',
          () => call(this.options, 'DELETE', `/v1/carts/${cartId}`, TOKENS.web),
          (res) => res.status === 200,
        );
    });
  }

  /** Starts the paced senders; stop() ends them. */
  start(): void {
    const every = (perSecond: number, f: () => void) =>
      this.timers.push(setInterval(f, Math.max(5, 1000 / perSecond)));
    every(this.options.rate, () => {
      const { token, events } = this.eventBatch();
      void this.postEvents(token, events);
    });
    every(this.options.rate, () => {
      // A retry takes the slot of a new order: the rate stays what it says.
      const retry = this.retries.shift();
      if (retry) this.placeOrder(retry.orderId, retry.body, retry.token);
      else this.newOrder();
    });
    every(this.options.rate / 3, () => this.holdOrCancel());
  }

  /** Stops sending, waits for what is in flight, then retries every unanswered order until `deadline`. */
  async stop(deadline: number): Promise<LoadResult> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    while (this.retries.length > 0 && Date.now() < deadline) {
      const batch = this.retries.splice(0);
      for (const r of batch) this.placeOrder(r.orderId, r.body, r.token);
      while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
      if (this.retries.length > 0) await new Promise((r) => setTimeout(r, 500));
    }
    return this.result;
  }
}
