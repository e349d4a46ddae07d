/**
 * Where the reservation model lives in Redis. Every key starts with
 * REDIS_KEY_PREFIX so environments and test suites can share one Redis. The keys
 * of one SKU share the hash tag `{<sku>}` (SKUs match ^[A-Za-z0-9._-]{1,64}$, so a
 * SKU never contains a brace): in Redis Cluster they live on one slot, and every
 * script over a single SKU's counter and registry is a single-slot script
 * (docs/pools.md, "Redis layout and Redis Cluster").
 *
 *   stock:{<sku>}        hash {ver, l:<locationId> = available, pre:<rid>}: units still sellable per location
 *   res:{<sku>}:<rid>    hash {sku, qty, state, kind, cart, order, exp, ch, alloc}: the reservation registry
 *   cart:<cartId>        hash sku -> rid of the cart's open hold for that sku
 *   order:<orderId>      the JSON outcome of an order's reservation (makes re-processing a no-op)
 *   outbox               list of event JSON waiting to be produced to inventory.events
 *   outbox:lease         which process relays the outbox (one at a time)
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  stock(sku: string): string {
    return `${this.prefix}stock:{${sku}}`;
  }

  reservation(sku: string, rid: string): string {
    return `${this.prefix}res:{${sku}}:${rid}`;
  }

  cart(cartId: string): string {
    return `${this.prefix}cart:${cartId}`;
  }

  order(orderId: string): string {
    return `${this.prefix}order:${orderId}`;
  }

  get outbox(): string {
    return `${this.prefix}outbox`;
  }

  get outboxLease(): string {
    return `${this.prefix}outbox:lease`;
  }
}
