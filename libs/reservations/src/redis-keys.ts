/**
 * Where the reservation model lives in Redis. Every key starts with
 * REDIS_KEY_PREFIX so environments and test suites can share one Redis.
 *
 *   stock:<sku>       hash {avail, ver}: units still sellable, ledger version folded in
 *   res:<rid>         hash {sku, qty, state, kind, cart, order, exp, ch}: the reservation registry
 *   cart:<cartId>     hash sku -> rid of the cart's open hold for that sku
 *   order:<orderId>   the JSON outcome of an order's reservation (makes re-processing a no-op)
 *   outbox            list of event JSON waiting to be produced to inventory.events
 *   outbox:lease      which process relays the outbox (one at a time)
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  stock(sku: string): string {
    return `${this.prefix}stock:${sku}`;
  }

  reservation(rid: string): string {
    return `${this.prefix}res:${rid}`;
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
