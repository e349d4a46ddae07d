import Redis from 'ioredis';
import { APPLY_LEVEL_LUA } from './lua/apply-level.lua';
import { HOLD_LUA } from './lua/hold.lua';
import { HYDRATE_LUA } from './lua/hydrate.lua';
import { RELEASE_HOLDS_LUA } from './lua/release-holds.lua';
import { LEASE_LUA, TRIM_IF_LEASED_LUA } from './lua/outbox-lease.lua';
import { RESERVE_ORDER_LUA } from './lua/reserve-order.lua';
import type { HydrationPlan } from './hydration-plan';
import { RedisKeys } from './redis-keys';
import type { TraceCarrier } from '@stockflow/tracing';
import { ScriptArgs } from './script-args';
import {
  Counter,
  HoldOutcome,
  HoldRef,
  HoldReleases,
  LevelOutcome,
  OrderReservation,
  OrderReservationRequest,
} from './stock-outcomes';

export * from './stock-outcomes';

/** How long the outcome of an order and a finished reservation stay in Redis (Postgres keeps them for good). */
export const REGISTRY_RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * A script that learns a cart's holds only inside (they are keys) is given the
 * holds the caller read just before; it answers 'retry' if the cart changed in
 * between. A cart changing this often means a client hammering one cart.
 */
const MAX_CART_RETRIES = 5;

type Commands = Record<string, (...args: (string | number)[]) => Promise<string | number>>;
type Pipeline = Commands & { exec(): Promise<[Error | null, unknown][]> };

/**
 * The Redis side of reservations: atomic Lua scripts over per-(sku, location)
 * counters, the reservation registry and the outbox. Every method is one round
 * trip or one pipeline (plus a read of the cart first where a cart is involved);
 * none touches Postgres or Kafka.
 */
export class RedisStock {
  readonly keys: RedisKeys;
  private readonly args: ScriptArgs;

  constructor(
    readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = new RedisKeys(prefix);
    this.args = new ScriptArgs(this.keys, REGISTRY_RETENTION_SECONDS);
    const scripts = {
      sfReserveAt: RESERVE_ORDER_LUA,
      sfHoldAt: HOLD_LUA,
      sfReleaseHoldsAt: RELEASE_HOLDS_LUA,
      sfApplyLevelAt: APPLY_LEVEL_LUA,
      sfHydrateAt: HYDRATE_LUA,
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
    const outcomes: (OrderReservation | 'retry')[] = new Array(orders.length).fill('retry');
    for (let round = 0; ; round++) {
      const pending = outcomes.flatMap((o, i) => (o === 'retry' ? [i] : []));
      if (pending.length === 0) return outcomes as OrderReservation[];
      if (round === MAX_CART_RETRIES)
        throw new Error(`the carts of ${pending.length} orders kept changing under their scripts`);
      const carts = await this.readCarts(pending.map((i) => orders[i].cartId));
      const pipeline = this.redis.pipeline() as unknown as Pipeline;
      pending.forEach((i, k) =>
        pipeline.sfReserveAt(...this.args.reserve(orders[i], carts[k], now)),
      );
      const results = (await pipeline.exec())!;
      pending.forEach((i, k) => {
        const [error, value] = results[k];
        if (error) throw error;
        outcomes[i] = normalize(JSON.parse(value as string));
      });
    }
  }

  async hold(
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
    now: Date,
  ): Promise<HoldOutcome> {
    for (let round = 0; round < MAX_CART_RETRIES; round++) {
      const old = (await this.redis.hget(this.keys.cart(hold.cartId), hold.sku)) ?? '';
      const parsed = JSON.parse(
        (await this.commands.sfHoldAt(...this.args.hold(hold, old, now))) as string,
      );
      if (parsed.status === 'retry') continue;
      return parsed.status === 'held'
        ? { ...parsed, allocations: asArray(parsed.allocations) }
        : parsed;
    }
    throw new Error(`the cart ${hold.cartId} kept changing under its hold script`);
  }

  /** Cart cancel: releases every open hold of the cart. */
  async releaseCart(cartId: string, now: Date): Promise<HoldReleases> {
    for (let round = 0; round < MAX_CART_RETRIES; round++) {
      const [holds] = await this.readCarts([cartId]);
      const parsed = JSON.parse(
        (await this.commands.sfReleaseHoldsAt(
          ...this.args.releaseCart(cartId, holds, now),
        )) as string,
      );
      if (parsed.status !== 'retry') return releases(parsed);
    }
    throw new Error(`the cart ${cartId} kept changing under its release script`);
  }

  /** Releases those of the given holds that are open and due at `now`. */
  async expireHolds(holds: HoldRef[], now: Date): Promise<HoldReleases> {
    if (holds.length === 0) return { released: [], unknown: [], gone: [] };
    return releases(
      JSON.parse((await this.commands.sfReleaseHoldsAt(...this.args.expire(holds, now))) as string),
    );
  }

  /** Applies inventory.stock-levels updates in order, one script each, in one pipeline. */
  async applyLevels(
    levels: {
      sku: string;
      previousVersion: number;
      version: number;
      externalLocationDeltas: Record<string, number>;
    }[],
  ): Promise<LevelOutcome[]> {
    if (levels.length === 0) return [];
    const pipeline = this.redis.pipeline() as unknown as Pipeline;
    for (const l of levels) {
      const deltas = Object.entries(l.externalLocationDeltas ?? {}).flatMap(([location, delta]) => [
        location,
        delta,
      ]);
      pipeline.sfApplyLevelAt(1, this.keys.stock(l.sku), l.previousVersion, l.version, ...deltas);
    }
    return (await pipeline.exec())!.map(([error, value]) => {
      if (error) throw error;
      return value as LevelOutcome;
    });
  }

  /** Writes a hydrated counter (only if missing); returns whether this call wrote it. */
  async seed(sku: string, plan: HydrationPlan): Promise<boolean> {
    return (await this.commands.sfHydrateAt(...this.args.hydrate(sku, plan))) === 1;
  }

  async counter(sku: string): Promise<Counter | undefined> {
    const flat = await this.redis.hgetall(this.keys.stock(sku));
    if (flat.ver === undefined) return undefined;
    const locations: Record<string, number> = {};
    for (const [field, value] of Object.entries(flat))
      if (field.startsWith('l:')) locations[field.slice(2)] = Number(value);
    const avail = Object.values(locations).reduce((t, v) => t + v, 0);
    return { avail, ver: Number(flat.ver), locations };
  }

  /** Whether any of these reservations is already released in the registry. */
  async anyReleased(reservations: { rid: string; sku: string }[]): Promise<boolean> {
    if (reservations.length === 0) return false;
    const pipeline = this.redis.pipeline();
    for (const r of reservations) pipeline.hget(this.keys.reservation(r.sku, r.rid), 'state');
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

  /**
   * Takes or renews the outbox lease (only its holder relays, so entries are
   * trimmed by the one who sent them) and reads the oldest `max` entries
   * without removing them; undefined when another process holds the lease.
   * One pipeline: the relay polls this ten times a second while idle, and a
   * second round trip per poll was a visible share of an idle orders process.
   */
  async leaseAndPeekOutbox(
    holder: string,
    ttlMs: number,
    max: number,
  ): Promise<string[] | undefined> {
    const pipeline = this.redis.pipeline() as unknown as Pipeline;
    pipeline.sfLease(1, this.keys.outboxLease, holder, ttlMs);
    pipeline.lrange(this.keys.outbox, 0, max - 1);
    const [[leaseError, leased], [peekError, entries]] = (await pipeline.exec())!;
    if (leaseError) throw leaseError;
    if (leased !== 1) return undefined;
    if (peekError) throw peekError;
    return entries as string[];
  }

  /** Removes the oldest `count` entries once Kafka acknowledged them, if `holder` still holds the lease. */
  async trimOutbox(holder: string, count: number): Promise<boolean> {
    return (
      (await this.commands.sfTrimIfLeased(
        2,
        this.keys.outboxLease,
        this.keys.outbox,
        holder,
        count,
      )) === 1
    );
  }

  /** The holds (sku -> rid) of each cart; an empty list for no cart. */
  private async readCarts(
    cartIds: (string | undefined)[],
  ): Promise<{ sku: string; rid: string }[][]> {
    const wanted = cartIds.flatMap((c, i) => (c ? [i] : []));
    const holds: { sku: string; rid: string }[][] = cartIds.map(() => []);
    if (wanted.length === 0) return holds;
    const pipeline = this.redis.pipeline();
    for (const i of wanted) pipeline.hgetall(this.keys.cart(cartIds[i]!));
    const results = (await pipeline.exec())!;
    wanted.forEach((i, k) => {
      const [error, flat] = results[k];
      if (error) throw error;
      holds[i] = Object.entries(flat as Record<string, string>).map(([sku, rid]) => ({ sku, rid }));
    });
    return holds;
  }
}

/** cjson encodes an empty Lua table as {}: read it as an empty list. */
function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? value : [];
}

/** A script's JSON reply: a status and the fields that status carries (lists may be {}). */
type ScriptReply = { status?: unknown } & Record<string, unknown>;

function releases(parsed: ScriptReply): HoldReleases {
  return {
    released: asArray<string>(parsed.released),
    unknown: asArray<string>(parsed.unknown),
    gone: asArray<string>(parsed.gone),
  };
}

function normalize(raw: ScriptReply): OrderReservation | 'retry' {
  if (raw.status === 'retry') return 'retry';
  if (raw.status !== 'reserved')
    return raw.status === 'insufficient'
      ? { status: 'insufficient', skus: asArray(raw.skus) }
      : (raw as OrderReservation); // { status: 'missing', sku }
  return {
    status: 'reserved',
    rids: asArray(raw.rids),
    allocations: asArray<unknown>(raw.allocations).map((a) => asArray(a)),
    released: asArray(raw.released),
    converted: asArray(raw.converted),
  };
}
