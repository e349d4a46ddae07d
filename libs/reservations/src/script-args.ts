import type { HydrationPlan } from './hydration-plan';
import { RedisKeys } from './redis-keys';
import { HoldRef, OrderReservationRequest } from './stock-outcomes';
import type { TraceCarrier } from '@stockflow/tracing';

/** numKeys, KEYS..., ARGV... as ioredis's defined commands take them. */
export type ScriptCall = (string | number)[];

/**
 * Builds each script's KEYS and ARGV (layouts in the scripts' headers). Every
 * key a script touches is here, none is built inside a script: that is what
 * lets Redis Cluster route a call, and what keyslots.spec.ts checks.
 */
export class ScriptArgs {
  constructor(
    private readonly keys: RedisKeys,
    private readonly retentionSeconds: number,
  ) {}

  reserve(
    order: OrderReservationRequest,
    holds: { sku: string; rid: string }[],
    now: Date,
  ): ScriptCall {
    const keys = [this.keys.order(order.orderId), this.keys.outbox];
    for (const l of order.lines)
      keys.push(this.keys.stock(l.sku), this.keys.reservation(l.sku, l.reservationId));
    if (order.cartId) {
      keys.push(this.keys.cart(order.cartId));
      for (const h of holds) keys.push(this.keys.reservation(h.sku, h.rid), this.keys.stock(h.sku));
    }
    const pool = order.pool ?? [];
    const args: (string | number)[] = [
      order.orderId,
      order.channel,
      now.toISOString(),
      now.getTime(),
      order.cartId ?? '',
      order.lines.length,
      this.retentionSeconds,
      pool.length,
      ...pool,
    ];
    for (const l of order.lines) args.push(l.sku, l.quantity, l.reservationId);
    const cartHolds = order.cartId ? holds : [];
    args.push(cartHolds.length, ...cartHolds.flatMap((h) => [h.sku, h.rid]));
    args.push(order.trace ? JSON.stringify(order.trace) : '');
    return [keys.length, ...keys, ...args];
  }

  hold(
    hold: {
      cartId: string;
      sku: string;
      quantity: number;
      rid: string;
      channel: string;
      deadline: Date;
      pool?: readonly string[];
      trace?: TraceCarrier;
    },
    old: string,
    now: Date,
  ): ScriptCall {
    const keys = [
      this.keys.stock(hold.sku),
      this.keys.cart(hold.cartId),
      this.keys.reservation(hold.sku, hold.rid),
      this.keys.outbox,
    ];
    if (old) keys.push(this.keys.reservation(hold.sku, old));
    const pool = hold.pool ?? [];
    const args = [
      hold.cartId,
      hold.sku,
      hold.quantity,
      hold.rid,
      hold.channel,
      now.toISOString(),
      hold.deadline.getTime(),
    ];
    const trace = hold.trace ? JSON.stringify(hold.trace) : '';
    return [keys.length, ...keys, ...args, this.retentionSeconds, old, pool.length, ...pool, trace];
  }

  releaseCart(cartId: string, holds: { sku: string; rid: string }[], now: Date): ScriptCall {
    const keys = [this.keys.outbox, this.keys.cart(cartId)];
    for (const h of holds) keys.push(this.keys.reservation(h.sku, h.rid), this.keys.stock(h.sku));
    const args = [
      'cart',
      now.toISOString(),
      now.getTime(),
      this.retentionSeconds,
      ...holds.flatMap((h) => [h.sku, h.rid]),
    ];
    return [keys.length, ...keys, ...args];
  }

  expire(holds: HoldRef[], now: Date): ScriptCall {
    const keys = [this.keys.outbox];
    for (const h of holds)
      keys.push(
        this.keys.reservation(h.sku, h.rid),
        this.keys.stock(h.sku),
        this.keys.cart(h.cartId),
      );
    const args = [
      'expire',
      now.toISOString(),
      now.getTime(),
      this.retentionSeconds,
      ...holds.flatMap((h) => [h.sku, h.rid]),
    ];
    return [keys.length, ...keys, ...args];
  }

  hydrate(sku: string, plan: HydrationPlan): ScriptCall {
    const { counter, registry, precounted, republish } = plan;
    const keys = [
      this.keys.stock(sku),
      this.keys.outbox,
      ...registry.map((r) => this.keys.reservation(sku, r.rid)),
    ];
    for (const r of registry) if (r.kind === 'hold') keys.push(this.keys.cart(r.cartId ?? ''));
    const locations = Object.entries(counter.locations);
    const args: (string | number)[] = [
      sku,
      counter.ver,
      this.retentionSeconds,
      locations.length,
      ...locations.flat(),
    ];
    args.push(registry.length);
    for (const r of registry) {
      args.push(
        r.rid,
        r.quantity,
        r.kind,
        r.cartId ?? '',
        r.orderId ?? '',
        r.expiresAtMs,
        r.channel,
        JSON.stringify(r.allocations),
      );
    }
    args.push(
      precounted.length,
      ...precounted.flatMap((p) => [p.rid, JSON.stringify(p.allocations)]),
    );
    return [keys.length, ...keys, ...args, ...republish];
  }
}
