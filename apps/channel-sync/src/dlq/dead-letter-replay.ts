import { Injectable, Logger } from '@nestjs/common';
import {
  ChannelDeadLetterRepository,
  IndexedDeadLetter,
  StockRepository,
} from '@stockflow/persistence';
import { ChannelFleet } from '../consumers/channel-fleet';
import { StockState } from '../delivery/queued-update';
import { ReplayRecords, ReplayedSku, confirmReplay } from './replay-confirmation';

/** How often, and how long, a replay checks that no newer state overtook it (see confirmReplay). */
const CONFIRM = { intervalMs: 1_000, forMs: 5 * 60_000 };

export interface ReplayStarted {
  channel: string;
  /** Dead letters taken for replay. */
  deadLetters: number;
  /** Distinct SKUs: each gets one call with its newest state. */
  skus: number;
}

/**
 * Replays a channel's dead letters: per SKU, the NEWEST state goes out (the
 * ledger's current stock level, or a dead letter's own if that is newer), not
 * each stale payload. It travels the channel's normal pipeline, so ordering,
 * coalescing, rate limit and retries apply; rows turn `replayed` when the
 * channel takes it (or already shows something newer) and `replay_failed`
 * when it is dead-lettered again (a new dead letter records that failure).
 */
@Injectable()
export class DeadLetterReplay {
  private readonly logger = new Logger(DeadLetterReplay.name);

  constructor(
    private readonly store: ChannelDeadLetterRepository,
    private readonly fleet: ChannelFleet,
    private readonly stockLevels: StockRepository,
  ) {}

  /** The DLQ index's rows and the ledger's levels, as confirming a replay reads them. */
  private readonly records: ReplayRecords = {
    replayStatuses: (ids) => this.store.replayStatuses(ids),
    reopenReplay: (ids) => this.store.reopenReplay(ids),
    settleReplay: (ids, status, version) => this.store.settleReplay(ids, status, version),
    stockStates: (skus) => this.stockStates(skus),
  };

  async replay(channel: string, skus?: string[]): Promise<ReplayStarted> {
    const pipeline = this.fleet.pipeline(channel)!;
    const rows = await this.store.claimForReplay(channel, skus);
    const bySku = new Map<string, IndexedDeadLetter[]>();
    for (const row of rows) {
      const sku = row.record.sku!;
      bySku.set(sku, [...(bySku.get(sku) ?? []), row]);
    }
    const ledger = await this.stockStates([...bySku.keys()]);
    const sent = new Map<string, ReplayedSku>();
    for (const [sku, deadLetters] of bySku) {
      const ids = deadLetters.map((d) => d.id);
      const state = newest(ledger.get(sku), deadLetters);
      const result = pipeline.offer(state, {}, ids);
      if (result === 'stale' || result === 'unchanged')
        await this.store.settleReplay(ids, 'replayed', state.version);
      if (result === 'not_listed')
        await this.store.settleReplay(ids, 'replay_failed', state.version);
      if (result === 'queued' || result === 'merged')
        sent.set(sku, { ids, version: state.version });
    }
    // In the background: the request is answered once the replay is under way, as before.
    void confirmReplay(pipeline, this.records, sent, CONFIRM).catch((error: Error) =>
      this.logger.error(
        `replay of ${channel}: confirming against the ledger failed: ${error.message}`,
      ),
    );
    return { channel, deadLetters: rows.length, skus: bySku.size };
  }

  /** The ledger's current state of these SKUs, per location (its projection; newer than any dead letter of them). */
  private async stockStates(skus: string[]): Promise<Map<string, StockState>> {
    return new Map(
      (await this.stockLevels.locationLevelsOf(skus)).map((level) => [level.sku, level]),
    );
  }
}

/**
 * The ledger's row when there is one: it is at least as new as any dead letter
 * and carries the per-location numbers the channel's pool needs. A dead
 * letter's own update (its pool's available) only stands in when the row is gone.
 */
function newest(ledger: StockState | undefined, deadLetters: IndexedDeadLetter[]): StockState {
  if (ledger) return ledger;
  let best: StockState | undefined;
  for (const { record } of deadLetters) {
    const update = record.update as (typeof record.update & { ledgerVersion?: number }) | null;
    if (!update) continue;
    const version = update.ledgerVersion ?? update.version;
    if (!best || version > best.version)
      best = { sku: update.sku, version, available: update.available };
  }
  return best!;
}
