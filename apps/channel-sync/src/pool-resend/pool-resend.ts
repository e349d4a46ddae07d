import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PoolView } from '@stockflow/channels';
import { PoolFeed } from '@stockflow/kafka';
import { emptyDirectory } from '@stockflow/ledger-core';
import { PoolResendRepository, StockRepository } from '@stockflow/persistence';
import { ChannelSyncConfig } from '../channel-sync.config';
import { ChannelFleet } from '../consumers/channel-fleet';
import { ChannelPipeline, ResendResult } from '../delivery/channel-pipeline';
import { ChannelSettings } from '../delivery/channel-settings';
import { TokenBucket } from '../delivery/token-bucket';
import { affectedChannels, movedAvailability } from './resend-plan';
import { poolResendMetrics as metrics } from './resend-metrics';

const PAGE_SIZE = 500;
/** A deferred SKU waits for the ledger's commit that follows its stock-level message: milliseconds, normally. */
const DEFERRED_ROUNDS = 60;
const DEFERRED_WAIT_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After a pool change, sends every affected channel each SKU whose numbers
 * moved (docs/channel-sync.md "Pool changes"). The latest per-location state
 * comes from the ledger's table (stock_locations), read in SKU pages: the
 * compacted stock-levels topic would have to be read whole and held in memory.
 *
 * Each channel runs its passes one after the other, independently of the other
 * channels (a slow channel delays only its own re-send). A pass offers a SKU
 * only while the channel has fewer than `concurrency` updates waiting, at most
 * CHANNEL_RESEND_PER_SECOND a second, so ordinary updates never queue behind a
 * catalog's worth of re-sends.
 *
 * The pools version up to which a channel's re-sends are done is kept in
 * channel_pool_resends: a pool change made while the service was down, or
 * whose pass a restart cut short, is re-sent at the next start.
 */
@Injectable()
export class PoolResend implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PoolResend.name);
  private readonly queues = new Map<string, Promise<void>>();
  /** The pool directory after each change read during startup, by version: where an unfinished pass starts. */
  private readonly history = new Map<number, PoolView>([
    [0, { directory: emptyDirectory(), version: 0 }],
  ]);
  private current: PoolView = { directory: emptyDirectory(), version: 0 };
  private stopped = false;

  constructor(
    private readonly feed: PoolFeed,
    private readonly fleet: ChannelFleet,
    private readonly stockLevels: StockRepository,
    private readonly config: ChannelSyncConfig,
    private readonly progress: PoolResendRepository,
  ) {
    // Registered before the feed starts, so no change is missed.
    feed.onChange((before, after) => {
      const previous = this.current;
      this.current = { directory: after, version: feed.version() };
      if (!feed.isCaughtUp()) {
        this.history.set(this.current.version, this.current);
        return;
      }
      const channels = affectedChannels(before, after, this.fleet.names());
      this.logger.log(
        `pool change ${previous.version} -> ${this.current.version}: ${channels.length > 0 ? `re-sending to ${channels.join(', ')}` : 'no channel affected'}`,
      );
      for (const channel of channels) this.enqueue(channel, previous, this.current);
      // Unaffected channels are done with this change too.
      for (const channel of this.fleet.names())
        if (!channels.includes(channel)) this.enqueueMark(channel, this.current.version);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.whenCaughtUp();
    const done = await this.progress.doneVersions();
    for (const channel of this.fleet.names()) {
      const from = done.get(channel);
      // A new channel's feed reads stock levels from the beginning under the current pools: nothing to re-send.
      if (from === undefined || from >= this.current.version) {
        this.enqueueMark(channel, this.current.version);
        continue;
      }
      const before = this.viewAt(from);
      if (affectedChannels(before.directory, this.current.directory, [channel]).length === 0)
        this.enqueueMark(channel, this.current.version);
      else {
        this.logger.log(
          `channel ${channel}: pool changes ${from} -> ${this.current.version} happened while stopped, re-sending`,
        );
        this.enqueue(channel, before, this.current);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.queues.values());
  }

  /** Resolves when every pass queued so far has ended (tests, shutdown). */
  idle(): Promise<void> {
    return Promise.all(this.queues.values()).then(() => undefined);
  }

  private enqueue(channel: string, before: PoolView, after: PoolView): void {
    this.chain(channel, async () => {
      const finished = await this.pass(channel, before, after);
      if (finished) await this.progress.markDone(channel, after.version);
    });
  }

  private enqueueMark(channel: string, version: number): void {
    this.chain(channel, () => this.progress.markDone(channel, version));
  }

  private chain(channel: string, work: () => Promise<void>): void {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    this.queues.set(
      channel,
      previous
        .then(work)
        .catch((error: Error) =>
          this.logger.error(`channel ${channel}: pool re-send failed: ${error.message}`),
        ),
    );
  }

  /** One pass over every SKU for one channel; false if shutdown cut it short. */
  private async pass(channel: string, before: PoolView, after: PoolView): Promise<boolean> {
    // The fleet builds its pipelines once the pool feed caught up, as this service starts its passes.
    while (!this.fleet.pipeline(channel)) await sleep(50);
    const pipeline = this.fleet.pipeline(channel)!;
    const settings = this.fleet.settings(channel)!;
    const bucket = new TokenBucket(this.config.CHANNEL_RESEND_PER_SECOND, Date.now());
    const counts = new Map<ResendResult, number>();
    const deferred = new Set<string>();
    const offer = async (level: Parameters<ChannelPipeline['resend']>[0]) => {
      if (!movedAvailability(channel, level, before, after, settings.definition)) return;
      await this.capacity(pipeline, settings, bucket);
      const result = pipeline.resend(level);
      counts.set(result, (counts.get(result) ?? 0) + 1);
      metrics.skus.inc({ channel, result });
      if (result === 'deferred') deferred.add(level.sku);
      else deferred.delete(level.sku);
    };
    const started = Date.now();
    metrics.passes.inc({ channel, phase: 'started' });
    metrics.running.set({ channel }, 1);
    this.logger.log(
      `channel ${channel}: re-send for pools ${before.version} -> ${after.version} started`,
    );
    let scanned = 0;
    let lastLog = started;
    try {
      for (let afterSku = ''; ;) {
        if (this.stopped) return this.stop(channel, scanned);
        const page = await this.stockLevels.locationLevelsAfter(afterSku, PAGE_SIZE);
        if (page.length === 0) break;
        for (const level of page) {
          if (this.stopped) return this.stop(channel, scanned);
          await offer(level);
        }
        scanned += page.length;
        metrics.scanned.inc({ channel }, page.length);
        afterSku = page[page.length - 1].sku;
        if (Date.now() - lastLog >= 5_000) {
          lastLog = Date.now();
          this.logger.log(
            `channel ${channel}: re-send progress: ${scanned} SKUs examined, up to ${afterSku}; ${summary(counts)}`,
          );
        }
      }
      for (let round = 0; deferred.size > 0 && round < DEFERRED_ROUNDS; round++) {
        await sleep(DEFERRED_WAIT_MS);
        if (this.stopped) return this.stop(channel, scanned);
        for (const level of await this.stockLevels.locationLevelsOf([...deferred]))
          await offer(level);
      }
      if (deferred.size > 0)
        this.logger.warn(
          `channel ${channel}: ${deferred.size} SKUs stayed behind the ledger; their next change sends them`,
        );
      metrics.passes.inc({ channel, phase: 'done' });
      this.logger.log(
        `channel ${channel}: re-send done in ${Date.now() - started} ms: ${scanned} SKUs examined; ${summary(counts)}`,
      );
      return true;
    } finally {
      metrics.running.set({ channel }, 0);
    }
  }

  /** Waits until the channel has room: its waiting updates below its concurrency, and a token of the pass's rate. */
  private async capacity(
    pipeline: ChannelPipeline,
    settings: ChannelSettings,
    bucket: TokenBucket,
  ): Promise<void> {
    while (!this.stopped && pipeline.waitingCount() >= settings.concurrency) await sleep(20);
    for (let now = Date.now(); !bucket.tryTake(now); now = Date.now())
      await sleep(Math.max(1, bucket.nextTokenAt(now) - now));
  }

  private stop(channel: string, scanned: number): boolean {
    metrics.passes.inc({ channel, phase: 'stopped' });
    this.logger.log(
      `channel ${channel}: re-send stopped by shutdown after ${scanned} SKUs; the next start finishes it`,
    );
    return false;
  }

  /** The directory as it was at `version` (the newest change at or before it). */
  private viewAt(version: number): PoolView {
    let best = this.history.get(0)!;
    for (const view of this.history.values())
      if (view.version <= version && view.version >= best.version) best = view;
    return best;
  }
}

function summary(counts: Map<ResendResult, number>): string {
  const parts = [...counts].map(([result, n]) => `${result} ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing moved';
}
