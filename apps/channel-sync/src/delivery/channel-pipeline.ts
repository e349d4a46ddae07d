import { Logger } from '@nestjs/common';
import { PoolView, channelAvailability } from '@stockflow/channels';
import { ChannelAvailabilityMessage, ChannelDeadLetter } from '@stockflow/contracts';
import { ChannelAdapter, DeliveryOutcome } from '../adapters/channel-adapter';
import { channelMetrics, channelSyncMetrics } from '../channel-sync.metrics';
import { ChannelSettings } from './channel-settings';
import { deliveryDeadLetter, DeliveryFailure } from './dead-letter-record';
import { DeliveryBook, InputPosition, OfferResult, PendingUpdate } from './delivery-book';
import { QueuedUpdate, StockState, UpdateSource } from './queued-update';
import { backoffDelay } from './retry-policy';
import { TokenBucket } from './token-bucket';
import { traceDelivery } from './delivery-trace';

export interface PipelineHooks {
  /** Writes a dead letter; resolves once it is durable (Kafka acknowledged it). */
  deadLetter(record: ChannelDeadLetter): Promise<void>;
  /** Replayed dead-letter rows whose fate is now known. */
  replaySettled(ids: number[], outcome: 'replayed' | 'replay_failed', version: number): void;
  /** A newer availability of a SKU on this channel, for inventory.channel-availability. */
  availability(message: ChannelAvailabilityMessage): void;
  /** The pool directory now, and its position in inventory.pools. */
  pools(): PoolView;
}

/** The newest state offered for a SKU: what the channel shows or will show once sends settle. */
interface Offered {
  version: number;
  ledgerVersion: number;
  poolVersion: number;
}

/** What a re-send after a pool change found: offered, or why not. */
export type ResendResult = OfferResult | 'not_listed' | 'current' | 'deferred';

/**
 * Everything one channel needs to receive stock, and nothing shared with any
 * other channel: its own coalescing book, rate limit, connections and retry
 * clock. A channel that is slow, throttling or down only ever delays itself.
 */
export class ChannelPipeline {
  private readonly logger: Logger;
  private readonly book = new DeliveryBook<QueuedUpdate>();
  private readonly offered = new Map<string, Offered>();
  private readonly bucket?: TokenBucket;
  private readonly name: string;
  private readonly metrics: ReturnType<typeof channelMetrics>;
  /** Set by a 429/503 with Retry-After: the channel asked for quiet, every SKU waits. */
  private pausedUntil = 0;
  private sending = 0;
  private wake?: { at: number; timer: NodeJS.Timeout };
  private pumpQueued = false;
  private stopped = false;
  private drained?: () => void;

  constructor(
    private readonly settings: ChannelSettings,
    private readonly adapter: ChannelAdapter,
    private readonly hooks: PipelineHooks,
  ) {
    this.name = settings.definition.name;
    this.logger = new Logger(`channel ${this.name}`);
    this.metrics = channelMetrics(this.name);
    const rate = settings.definition.ratePerSecond;
    if (rate !== undefined) this.bucket = new TokenBucket(rate, Date.now());
  }

  /**
   * A new stock state for the channel. `position` ties it to an input offset
   * (replays have none); `source` is what a dead letter of it will point at.
   */
  offer(
    state: StockState,
    { position, source }: { position?: InputPosition; source?: UpdateSource } = {},
    replayIds: number[] = [],
  ): OfferResult | 'not_listed' {
    if (!this.adapter.lists(state.sku)) {
      if (position) this.book.passOver(position);
      this.metrics.updates.not_listed.inc();
      return 'not_listed';
    }
    const availability = channelAvailability(
      this.name,
      state,
      this.hooks.pools(),
      this.settings.definition,
    );
    const { poolId, available, sellable, version, ledgerVersion, poolVersion } = availability;
    const update: QueuedUpdate = {
      sku: state.sku,
      version,
      available,
      quantity: sellable,
      poolId,
      ledgerVersion,
      poolVersion,
      source,
      changedAt: state.changedAt,
      trace: state.trace,
    };
    const result = this.book.offer(update, position, replayIds);
    this.metrics.updates[result].inc();
    const before = this.offered.get(state.sku);
    if (!before || version > before.version) {
      this.offered.set(state.sku, { version, ledgerVersion, poolVersion });
      this.hooks.availability(availability);
    }
    if (result === 'queued') this.schedulePump();
    return result;
  }

  /**
   * Offers the SKU again after a pool change, from the ledger's table. Skipped
   * (`current`) when an update computed under this pool directory was already
   * offered. `deferred` when the feed already offered a newer ledger version
   * than the table holds (the ledger produces a stock level just before its
   * transaction commits): offering the older row would be dropped as stale,
   * leaving the channel on the old pool's numbers, so the caller reads it again.
   */
  resend(state: StockState): ResendResult {
    const before = this.offered.get(state.sku);
    if (
      before &&
      before.poolVersion >= this.hooks.pools().version &&
      before.ledgerVersion >= state.version
    )
      return 'current';
    if (before && before.ledgerVersion > state.version) return 'deferred';
    return this.offer(state);
  }

  /** SKUs waiting for a send: re-sends after a pool change only fill the channel while this is low. */
  waitingCount(): number {
    return this.book.waitingCount();
  }

  /** Input offsets that were delivered or dead-lettered, per partition. */
  committable(): Map<number, number> {
    return this.book.committable();
  }

  /** Input needing no delivery (poison: the input guard dead-letters it once for all channels). */
  passOver(position: InputPosition): void {
    this.book.passOver(position);
  }

  keepPartitions(owned: ReadonlySet<number>): void {
    this.book.keepPartitions(owned);
  }

  /** Stops sending; resolves when the sends in flight have ended (waiting updates are abandoned). */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.wake) clearTimeout(this.wake.timer);
    if (this.sending === 0) return this.adapter.close();
    return new Promise<void>((resolve) => (this.drained = resolve)).then(() =>
      this.adapter.close(),
    );
  }

  private schedulePump(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    // After the current input batch is offered, so a batch coalesces before anything goes out.
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    this.metrics.pending.set(this.book.waitingCount());
    while (!this.stopped && this.sending < this.settings.concurrency) {
      const now = Date.now();
      if (now < this.pausedUntil) return this.wakeAt(this.pausedUntil);
      if (!this.book.hasDue(now)) {
        const at = this.book.nextWakeAt();
        if (at !== undefined) this.wakeAt(at);
        return;
      }
      if (this.bucket && !this.bucket.tryTake(now))
        return this.wakeAt(this.bucket.nextTokenAt(now));
      const pending = this.book.takeDue(now)!;
      this.sending++;
      void this.deliver(pending).finally(() => {
        this.sending--;
        if (this.stopped && this.sending === 0) this.drained?.();
        this.schedulePump();
      });
    }
  }

  private wakeAt(at: number): void {
    if (this.wake && this.wake.at <= at) return;
    if (this.wake) clearTimeout(this.wake.timer);
    const timer = setTimeout(
      () => {
        this.wake = undefined;
        this.pump();
      },
      Math.max(0, at - Date.now()),
    );
    this.wake = { at, timer };
  }

  private async deliver(pending: PendingUpdate<QueuedUpdate>): Promise<void> {
    const request = this.adapter.prepare(pending.update);
    const stopTimer = this.metrics.callSeconds.startTimer();
    const outcome = await traceDelivery(this.name, pending.update, () =>
      this.adapter.send(request),
    );
    stopTimer();
    if (outcome.ok) {
      this.metrics.delivered.inc();
      const { changedAt, version } = pending.update;
      if (changedAt) this.metrics.changeToChannelSeconds.observe((Date.now() - changedAt) / 1000);
      if (this.book.settle(pending, true) && pending.replayIds.length > 0)
        this.hooks.replaySettled(pending.replayIds, 'replayed', version);
      return;
    }
    if (!outcome.retryable) {
      this.metrics.rejected.inc();
      const failure: DeliveryFailure = {
        code: 'rejected',
        reason: outcome.reason,
        attempts: pending.attempts + 1,
      };
      return this.deadLetter(pending, failure, request.payload);
    }
    this.metrics.retried.inc();
    return this.retryOrGiveUp(pending, outcome);
  }

  private async retryOrGiveUp(
    pending: PendingUpdate<QueuedUpdate>,
    outcome: Extract<DeliveryOutcome, { ok: false }>,
  ): Promise<void> {
    const merged = this.book.fail(pending);
    if (!merged) return; // a rebalance took the SKU's partition away meanwhile
    const now = Date.now();
    if (outcome.retryAfterMs !== undefined)
      this.pausedUntil = Math.max(this.pausedUntil, now + outcome.retryAfterMs);
    const { retry } = this.settings;
    if (merged.attempts >= retry.maxAttempts) {
      const failure: DeliveryFailure = {
        code: 'retries_exhausted',
        reason: outcome.reason,
        attempts: merged.attempts,
      };
      // The newest state of the SKU is what the channel lacks (and what a replay will send).
      return this.deadLetter(merged, failure, this.adapter.prepare(merged.update).payload);
    }
    this.book.retry(merged, now + (outcome.retryAfterMs ?? backoffDelay(merged.attempts, retry)));
  }

  private async deadLetter(
    pending: PendingUpdate<QueuedUpdate>,
    failure: DeliveryFailure,
    payload: unknown,
  ): Promise<void> {
    const record = deliveryDeadLetter(this.name, pending.update, failure, payload, new Date());
    try {
      await this.hooks.deadLetter(record);
    } catch (error) {
      // Not durable yet, so its input offset stays uncommitted: try the channel again later.
      this.logger.error(
        `dead letter for ${pending.update.sku} not written, retrying delivery: ${(error as Error).message}`,
      );
      this.book.retry(pending, Date.now() + backoffDelay(failure.attempts, this.settings.retry));
      return;
    }
    channelSyncMetrics.deadLetters.inc({ channel: this.name, code: failure.code });
    this.logger.warn(
      `dead-lettered ${pending.update.sku}@${pending.update.version} after ${failure.attempts} attempt(s): ${failure.reason}`,
    );
    if (this.book.settle(pending, false) && pending.replayIds.length > 0) {
      this.hooks.replaySettled(pending.replayIds, 'replay_failed', pending.update.version);
    }
  }
}
