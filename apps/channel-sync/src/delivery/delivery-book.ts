import { ChannelStockUpdate } from '@stockflow/contracts';

/** Where an update was read on the input topic (absent for replays). */
export interface InputPosition {
  partition: number;
  /** A number, not a bigint: exact up to 2^53 messages per partition, and no allocation per message. */
  offset: number;
}

/** One SKU's update waiting to be sent, or being sent. */
export interface PendingUpdate<U extends ChannelStockUpdate = ChannelStockUpdate> {
  update: U;
  /** Lowest input offset whose effect waits on this delivery (commit stops below it). */
  heldFrom?: InputPosition;
  /** Failed sends so far; a newer version that supersedes a failing one inherits them. */
  attempts: number;
  /** Not sent before this time (ms): backoff or the channel's Retry-After. */
  notBefore: number;
  /** Dead-letter rows this delivery settles when it lands (replay). */
  replayIds: number[];
}

interface Slot<U extends ChannelStockUpdate> {
  inFlight?: PendingUpdate<U>;
  next?: PendingUpdate<U>;
}

/**
 * - `queued`: will be sent; `merged`: folded into an update already waiting or
 *   being sent (only the newest version goes out);
 * - `stale`: not newer than what the channel has, dropped;
 * - `unchanged`: newer, but the channel already shows this quantity, no call.
 */
export type OfferResult = 'queued' | 'merged' | 'stale' | 'unchanged';

/**
 * The coalescing state of ONE channel, pure (time is passed in, nothing async):
 * per SKU at most one send in flight and at most one newer update waiting, which
 * always holds the newest version seen. A burst of a thousand versions of a SKU
 * therefore costs a handful of calls, the last value always goes out, and a
 * version not newer than the delivered one is dropped.
 *
 * It also answers which input offsets are safe to commit: everything below the
 * lowest offset still waiting for a delivery (or a dead letter). Committing no
 * further is what makes a SIGKILL lose no final value.
 */
export class DeliveryBook<U extends ChannelStockUpdate = ChannelStockUpdate> {
  /** What the channel is known to show, per SKU (since this process started). */
  private readonly delivered = new Map<string, { version: number; quantity: number }>();
  private readonly slots = new Map<string, Slot<U>>();
  /** SKUs whose waiting update may go now, oldest first (a Set keeps insertion order). */
  private readonly ready = new Set<string>();
  /** SKUs whose waiting update must wait for its notBefore. */
  private readonly waiting = new Set<string>();
  /** Per input partition: the offset after the highest one offered. */
  private readonly highWater = new Map<number, number>();

  /** Records that an input message needs no delivery (poison, a SKU the channel does not sell). */
  passOver(position: InputPosition): void {
    const after = position.offset + 1;
    if (after > (this.highWater.get(position.partition) ?? -1))
      this.highWater.set(position.partition, after);
  }

  offer(update: U, position?: InputPosition, replayIds: number[] = []): OfferResult {
    if (position) this.passOver(position);
    const done = this.delivered.get(update.sku);
    if (done && update.version <= done.version) return 'stale';
    const slot = this.slots.get(update.sku);
    if (!slot) {
      if (done && update.quantity === done.quantity) {
        this.delivered.set(update.sku, { version: update.version, quantity: update.quantity });
        return 'unchanged';
      }
      this.slots.set(update.sku, {
        next: { update, heldFrom: position, attempts: 0, notBefore: 0, replayIds },
      });
      this.ready.add(update.sku);
      return 'queued';
    }
    // Something is waiting or in flight: an older or equal version rides along
    // with it (its effect lands with the newer one), a newer one replaces the waiting one.
    const target =
      slot.next ?? (update.version <= slot.inFlight!.update.version ? slot.inFlight! : undefined);
    if (!target) {
      slot.next = { update, heldFrom: position, attempts: 0, notBefore: 0, replayIds };
      return 'queued';
    }
    merge(target, { update, heldFrom: position, attempts: 0, notBefore: 0, replayIds });
    return 'merged';
  }

  /** True if an update may be sent now. */
  hasDue(now: number): boolean {
    this.promote(now);
    return this.ready.size > 0;
  }

  /** The oldest due update, now in flight (the SKU sends nothing else until it settles). */
  takeDue(now: number): PendingUpdate<U> | undefined {
    this.promote(now);
    const sku = this.ready.values().next().value;
    if (sku === undefined) return undefined;
    this.ready.delete(sku);
    const slot = this.slots.get(sku)!;
    slot.inFlight = slot.next;
    slot.next = undefined;
    return slot.inFlight;
  }

  /** Earliest time a waiting update becomes due, if nothing is due now. */
  nextWakeAt(): number | undefined {
    let earliest: number | undefined;
    for (const sku of this.waiting) {
      const at = this.slots.get(sku)!.next!.notBefore;
      if (earliest === undefined || at < earliest) earliest = at;
    }
    return earliest;
  }

  /**
   * The send in flight ended for good: delivered (the channel now shows it) or
   * dead-lettered. Releases its offsets; a newer update that arrived meanwhile
   * becomes due. False if `sent` is no longer this SKU's send (a rebalance
   * dropped it), so the caller settles nothing.
   */
  settle(sent: PendingUpdate<U>, delivered: boolean): boolean {
    const { sku } = sent.update;
    const slot = this.slotSending(sent);
    if (!slot) return false;
    slot.inFlight = undefined;
    if (delivered)
      this.delivered.set(sku, { version: sent.update.version, quantity: sent.update.quantity });
    if (slot.next) this.schedule(sku, slot.next);
    else this.slots.delete(sku);
    return true;
  }

  /**
   * The send in flight failed and may be retried. A newer update that arrived
   * meanwhile takes its place (the channel must only catch up with the latest)
   * and inherits the failure count, so a dead channel cannot postpone the dead
   * letter forever by receiving new versions. Returns the merged update, still
   * in flight: the caller either `retry`s it or dead-letters it and `settle`s.
   */
  fail(sent: PendingUpdate<U>): PendingUpdate<U> | undefined {
    const slot = this.slotSending(sent);
    if (!slot) return undefined;
    sent.attempts += 1;
    if (slot.next) merge(sent, slot.next);
    slot.next = undefined;
    return sent;
  }

  /** Puts the failed update in flight back to wait until `at`. */
  retry(sent: PendingUpdate<U>, at: number): void {
    const slot = this.slotSending(sent);
    if (!slot) return;
    slot.inFlight = undefined;
    sent.notBefore = at;
    // A newer update may have arrived while the caller tried to dead-letter this one.
    if (slot.next) merge(sent, slot.next);
    slot.next = sent;
    this.schedule(sent.update.sku, sent);
  }

  /** Input offsets safe to commit, per partition: below the lowest one still held. */
  committable(): Map<number, number> {
    const safe = new Map(this.highWater);
    for (const slot of this.slots.values()) {
      for (const held of [slot.inFlight?.heldFrom, slot.next?.heldFrom]) {
        if (held && held.offset < (safe.get(held.partition) ?? held.offset + 1))
          safe.set(held.partition, held.offset);
      }
    }
    return safe;
  }

  /**
   * Forgets what came from partitions this consumer no longer owns (a rebalance):
   * their new owner reads them again from the committed offset.
   */
  keepPartitions(owned: ReadonlySet<number>): void {
    for (const [sku, slot] of this.slots) {
      const foreign = [slot.inFlight, slot.next].some(
        (p) => p?.heldFrom && !owned.has(p.heldFrom.partition),
      );
      if (!foreign) continue;
      this.slots.delete(sku);
      this.ready.delete(sku);
      this.waiting.delete(sku);
    }
    for (const partition of this.highWater.keys())
      if (!owned.has(partition)) this.highWater.delete(partition);
  }

  /** SKUs with an update waiting to be sent (not counting sends in flight). */
  waitingCount(): number {
    return this.ready.size + this.waiting.size;
  }

  private slotSending(sent: PendingUpdate<U>): Slot<U> | undefined {
    const slot = this.slots.get(sent.update.sku);
    return slot?.inFlight === sent ? slot : undefined;
  }

  private schedule(sku: string, pending: PendingUpdate<U>): void {
    if (pending.notBefore > 0) this.waiting.add(sku);
    else this.ready.add(sku);
  }

  /** Moves waiting updates whose time has come to the back of the ready queue. */
  private promote(now: number): void {
    for (const sku of this.waiting) {
      if (this.slots.get(sku)!.next!.notBefore > now) continue;
      this.waiting.delete(sku);
      this.ready.add(sku);
    }
  }
}

/** Folds `other` into `into`: the newer update wins, offsets and replay rows add up. */
function merge<U extends ChannelStockUpdate>(
  into: PendingUpdate<U>,
  other: PendingUpdate<U>,
): void {
  if (other.update.version > into.update.version) into.update = other.update;
  into.heldFrom = lowest(into.heldFrom, other.heldFrom);
  into.replayIds.push(...other.replayIds);
}

function lowest(a?: InputPosition, b?: InputPosition): InputPosition | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.offset < a.offset ? b : a;
}
