import Redis from 'ioredis';
import { APPLY_LEVEL_LUA } from './lua/apply-level.lua';
import { HOLD_LUA } from './lua/hold.lua';
import { HYDRATE_LUA } from './lua/hydrate.lua';
import { RELEASE_HOLDS_LUA } from './lua/release-holds.lua';
import { LEASE_LUA, TRIM_IF_LEASED_LUA } from './lua/outbox-lease.lua';
import { RESERVE_ORDER_LUA } from './lua/reserve-order.lua';
import type { HydrationPlan } from './hydration-plan';
import { RedisKeys } from './redis-keys';

export interface OrderLineRequest {
  sku: string;
  quantity: number;
  /** Reservation id the line gets when it is reserved afresh (see orderLineReservationId). */
  reservationId: string;
}

export interface OrderReservationRequest {
  orderId: string;
  channel: string;
  cartId?: string;
  lines: OrderLineRequest[];
}

export type OrderReservation =
  | { status: 'reserved'; rids: string[]; released: Release[]; converted: string[] }
  | { status: 'insufficient'; skus: string[] }
  | { status: 'missing'; sku: string };

export interface Release {
  rid: string;
  reason: 'cart_cancel' | 'expired';
}

/** Holds released now; without a registry entry (hydrate first); released earlier. */
export interface HoldReleases {
  released: string[];
  unknown: string[];
  gone: string[];
}

export type HoldOutcome =
  | { status: 'held'; replaced: string }
  | { status: 'insufficient'; available: number }
  | { status: 'missing' };

export type LevelOutcome = 'applied' | 'stale' | 'gap' | 'missing';

/** One open reservation as hydration writes it back into the registry. */
export interface RegistryEntry {
  rid: string;
  quantity: number;
  kind: 'order' | 'hold';
  cartId: string | null;
  orderId: string | null;
  expiresAtMs: number;
  channel: string;
}

export interface Counter {
  avail: number;
  ver: number;
}

/** How long the outcome of an order and a finished reservation stay in Redis (Postgres keeps them for good). */
export const REGISTRY_RETENTION_SECONDS = 7 * 24 * 3600;

type Commands = Record<string, (...args: (string | number)[]) => Promise<string | number>>;

/**
 * The Redis side of reservations: atomic Lua scripts over per-sku counters, the
 * reservation registry and the outbox. Every method is one round trip (or one
 * pipeline); none touches Postgres or Kafka.
 */
export class RedisStock {
  readonly keys: RedisKeys;

  constructor(
    readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = new RedisKeys(prefix);
    const scripts = {
      sfReserveOrder: RESERVE_ORDER_LUA,
      sfHold: HOLD_LUA,
      sfReleaseHolds: RELEASE_HOLDS_LUA,
      sfApplyLevel: APPLY_LEVEL_LUA,
      sfHydrate: HYDRATE_LUA,
      sfLease: LEASE_LUA,
      sfTrimIfLeased: TRIM_IF_LEASED_LUA,
    };
    for (const [name, lua] of Object.entries(scripts)) {
      if (!(name in redis)) redis.defineCommand(name, { lua });
    }
  }

  private get commands(): Commands {
    return this.redis as unknown as Commands;
  }

  /** Reserves the orders in the given sequence, one script each, in one pipeline (FIFO is kept). */
  async reserveOrders(orders: OrderReservationRequest[], now: Date): Promise<OrderReservation[]> {
    if (orders.length === 0) return [];
    const pipeline = this.redis.pipeline() as unknown as Commands & { exec(): Promise<[Error | null, unknown][]> };
    for (const order of orders) pipeline.sfReserveOrder(...this.reserveArgs(order, now));
    const results = (await pipeline.exec())!;
    return results.map(([error, value]) => {
      if (error) throw error;
      return normalize(JSON.parse(value as string));
    });
  }

  async hold(
    hold: { cartId: string; sku: string; quantity: number; rid: string; channel: string; deadline: Date },
    now: Date,
  ): Promise<HoldOutcome> {
    const keys = [this.keys.stock(hold.sku), this.keys.cart(hold.cartId), this.keys.reservation(hold.rid), this.keys.outbox];
    const args = [this.keys.prefix, hold.cartId, hold.sku, hold.quantity, hold.rid, hold.channel, now.toISOString()];
    const raw = await this.commands.sfHold(4, ...keys, ...args, hold.deadline.getTime(), REGISTRY_RETENTION_SECONDS);
    return JSON.parse(raw as string);
  }

  /** Cart cancel: releases every open hold of the cart. */
  releaseCart(cartId: string, now: Date): Promise<HoldReleases> {
    return this.releaseHolds([this.keys.outbox, this.keys.cart(cartId)], 'cart', [], now);
  }

  /** Releases those of the given holds that are open and due at `now`. */
  expireHolds(rids: string[], now: Date): Promise<HoldReleases> {
    return this.releaseHolds([this.keys.outbox], 'expire', rids, now);
  }

  /** Applies inventory.stock-levels updates in order, one script each, in one pipeline. */
  async applyLevels(
    levels: { sku: string; previousVersion: number; version: number; externalAvailableDelta: number }[],
  ): Promise<LevelOutcome[]> {
    if (levels.length === 0) return [];
    const pipeline = this.redis.pipeline() as unknown as Commands & { exec(): Promise<[Error | null, unknown][]> };
    for (const l of levels) {
      pipeline.sfApplyLevel(1, this.keys.stock(l.sku), l.previousVersion, l.version, l.externalAvailableDelta);
    }
    return (await pipeline.exec())!.map(([error, value]) => {
      if (error) throw error;
      return value as LevelOutcome;
    });
  }

  /** Writes a hydrated counter (only if missing); returns whether this call wrote it. */
  async seed(sku: string, plan: HydrationPlan): Promise<boolean> {
    const { counter, registry, precounted, republish } = plan;
    const args: (string | number)[] = [this.keys.prefix, counter.avail, counter.ver, REGISTRY_RETENTION_SECONDS, registry.length, precounted.length];
    for (const r of registry) {
      args.push(r.rid, r.quantity, r.kind, r.cartId ?? '', r.orderId ?? '', r.expiresAtMs, r.channel);
    }
    for (const p of precounted) args.push(p.rid, p.quantity);
    const wrote = await this.commands.sfHydrate(2, this.keys.stock(sku), this.keys.outbox, ...args, ...republish);
    return wrote === 1;
  }

  async counter(sku: string): Promise<Counter | undefined> {
    const [avail, ver] = await this.redis.hmget(this.keys.stock(sku), 'avail', 'ver');
    return avail === null || ver === null ? undefined : { avail: Number(avail), ver: Number(ver) };
  }

  /** Whether any of these reservations is already released in the registry. */
  async anyReleased(rids: string[]): Promise<boolean> {
    if (rids.length === 0) return false;
    const pipeline = this.redis.pipeline();
    for (const rid of rids) pipeline.hget(this.keys.reservation(rid), 'state');
    return (await pipeline.exec())!.some(([, state]) => state === 'released');
  }

  /** Skus (of the given ones) whose counter is missing. */
  async missing(skus: string[]): Promise<string[]> {
    if (skus.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const sku of skus) pipeline.exists(this.keys.stock(sku));
    const results = (await pipeline.exec())!;
    return skus.filter((_, i) => results[i][1] === 0);
  }

  /** Drops a counter so that the next user rebuilds it; reservations of the sku fail closed meanwhile. */
  async drop(sku: string): Promise<void> {
    await this.redis.del(this.keys.stock(sku));
  }

  /** Appends events to the outbox (re-publication of events the ledger has not folded). */
  async appendOutbox(events: string[]): Promise<void> {
    if (events.length > 0) await this.redis.rpush(this.keys.outbox, ...events);
  }

  /** Events waiting in the outbox (LLEN: O(1)). */
  outboxLength(): Promise<number> {
    return this.redis.llen(this.keys.outbox);
  }

  /** The oldest `max` outbox entries, without removing them. */
  peekOutbox(max: number): Promise<string[]> {
    return this.redis.lrange(this.keys.outbox, 0, max - 1);
  }

  /** Takes or renews the outbox lease: only its holder relays, so entries are trimmed by the one who sent them. */
  async leaseOutbox(holder: string, ttlMs: number): Promise<boolean> {
    return (await this.commands.sfLease(1, this.keys.outboxLease, holder, ttlMs)) === 1;
  }

  /** Removes the oldest `count` entries once Kafka acknowledged them, if `holder` still holds the lease. */
  async trimOutbox(holder: string, count: number): Promise<boolean> {
    return (await this.commands.sfTrimIfLeased(2, this.keys.outboxLease, this.keys.outbox, holder, count)) === 1;
  }

  private reserveArgs(order: OrderReservationRequest, now: Date): (string | number)[] {
    const keys = [this.keys.order(order.orderId), this.keys.outbox, ...order.lines.map((l) => this.keys.stock(l.sku))];
    if (order.cartId) keys.push(this.keys.cart(order.cartId));
    const args: (string | number)[] = [
      this.keys.prefix,
      order.orderId,
      order.channel,
      now.toISOString(),
      now.getTime(),
      order.cartId ?? '',
      order.lines.length,
      REGISTRY_RETENTION_SECONDS,
    ];
    for (const l of order.lines) args.push(l.sku, l.quantity, l.reservationId);
    return [keys.length, ...keys, ...args];
  }

  private async releaseHolds(keys: string[], mode: 'cart' | 'expire', rids: string[], now: Date): Promise<HoldReleases> {
    const args = [this.keys.prefix, mode, now.toISOString(), now.getTime(), REGISTRY_RETENTION_SECONDS, ...rids];
    const raw = await this.commands.sfReleaseHolds(keys.length, ...keys, ...args);
    const parsed = JSON.parse(raw as string);
    return {
      released: asArray<string>(parsed.released),
      unknown: asArray<string>(parsed.unknown),
      gone: asArray<string>(parsed.gone),
    };
  }
}

/** cjson encodes an empty Lua table as {}: read it as an empty list. */
function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? value : [];
}

function normalize(raw: any): OrderReservation {
  if (raw.status !== 'reserved') return raw.status === 'insufficient' ? { status: raw.status, skus: asArray(raw.skus) } : raw;
  return { status: 'reserved', rids: asArray(raw.rids), released: asArray(raw.released), converted: asArray(raw.converted) };
}
