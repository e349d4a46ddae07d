import { OfferResult } from '../delivery/delivery-book';
import { StockState } from '../delivery/queued-update';

/** What confirming a replay needs from the DLQ index and the ledger's table. */
export interface ReplayRecords {
  /** Status of each dead-letter row (absent: gone). */
  replayStatuses(ids: number[]): Promise<Map<number, string>>;
  stockStates(skus: string[]): Promise<Map<string, StockState>>;
  /** Puts settled rows back to `replaying`, so the next delivery of them settles them anew. */
  reopenReplay(ids: number[]): Promise<void>;
  settleReplay(ids: number[], status: 'replayed' | 'replay_failed', version: number): Promise<void>;
}

/** The channel's pipeline, as a replay uses it. */
export interface ReplayTarget {
  offer(state: StockState, options: object, replayIds: number[]): OfferResult | 'not_listed';
}

/** One SKU a replay sent: its dead-letter rows and the ledger version it offered. */
export interface ReplayedSku {
  ids: number[];
  version: number;
}

export interface ConfirmOptions {
  /**
   * Pause before each look at the ledger. Also longer than the ledger's gap
   * between producing a stock level and committing its row, so a newer
   * version another instance already sent is visible in the table by then.
   */
  intervalMs: number;
  /** Give up confirming after this long (the rows stay as they are). */
  forMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * The race it closes: a replay runs in the instance that got the request, and
 * sends the ledger's row as it read it (version v). The instance owning the
 * SKU's partition may meanwhile send v+1; if v lands last, a channel that does
 * not compare versions keeps showing v. So once the replayed state is
 * delivered (its rows settled), the ledger is read again; while it holds a
 * newer version than this replay delivered, the newer state is sent the same
 * way. When the table shows no newer version than the last delivery, every
 * later change is the owner's to send and arrives after it: the channel ends
 * on the newest state whichever instance replayed.
 */
export async function confirmReplay(
  target: ReplayTarget,
  records: ReplayRecords,
  sent: Map<string, ReplayedSku>,
  options: ConfirmOptions,
): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const deadline = now() + options.forMs;
  const open = new Map(sent);
  while (open.size > 0 && now() < deadline) {
    await sleep(options.intervalMs);
    const statuses = await records.replayStatuses([...open.values()].flatMap((s) => s.ids));
    const delivered: string[] = [];
    for (const [sku, { ids }] of open) {
      const states = ids.map((id) => statuses.get(id));
      // A failed delivery wrote a new dead letter: that one is the record now.
      if (states.some((s) => s === 'replay_failed' || s === undefined)) open.delete(sku);
      else if (states.every((s) => s === 'replayed')) delivered.push(sku);
    }
    if (delivered.length === 0) continue;
    const ledger = await records.stockStates(delivered);
    for (const sku of delivered) {
      const replayed = open.get(sku)!;
      const state = ledger.get(sku);
      if (!state || state.version <= replayed.version) {
        open.delete(sku);
        continue;
      }
      await records.reopenReplay(replayed.ids);
      const result = target.offer(state, {}, replayed.ids);
      if (result === 'stale' || result === 'unchanged') {
        // This instance already holds something at least as new for the SKU: it is current.
        await records.settleReplay(replayed.ids, 'replayed', state.version);
        open.delete(sku);
      } else if (result === 'not_listed') {
        await records.settleReplay(replayed.ids, 'replay_failed', state.version);
        open.delete(sku);
      } else {
        open.set(sku, { ids: replayed.ids, version: state.version });
      }
    }
  }
}
