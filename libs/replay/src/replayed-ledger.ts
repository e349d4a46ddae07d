import { LogMessage } from '@stockflow/contracts';
import {
  BatchResult,
  FoldedBatch,
  LedgerState,
  ReservationState,
  SliceKeys,
  StockState,
  decodeBatch,
  foldDecoded,
} from '@stockflow/ledger-core';
import { LedgerProjections, Queryable } from '@stockflow/persistence';

/**
 * The ledger a rebuild folds against, kept in memory. Replay is the only writer
 * of its fresh schema, so what it has folded is exactly what it would read back:
 * no batch queries the projections (reading them back cost Postgres as much as
 * writing them), and they are written once, at the end.
 *
 * Started from a snapshot, it begins with the snapshot's projections and asks
 * the restored journal (`history`) about what it has not seen itself: an
 * eventId applied before the snapshot and re-sent after it, a reservation
 * compacted before it. From offset 0 there is nothing earlier to ask.
 *
 * Memory: every SKU, every reservation and every applied eventId, about 100 MB
 * per million events; replay a long log from a snapshot.
 */
export class ReplayedLedger {
  private readonly stock = new Map<string, StockState>();
  private readonly reservations = new Map<string, ReservationState>();
  private readonly applied = new Set<string>();

  private constructor(private readonly history?: Queryable) {}

  static empty(): ReplayedLedger {
    return new ReplayedLedger();
  }

  /** Starts from the projections a snapshot restore wrote into `db` (SnapshotRepository.restore). */
  static async fromRestoredSnapshot(db: Queryable): Promise<ReplayedLedger> {
    const ledger = new ReplayedLedger(db);
    const projections = new LedgerProjections(db);
    const restored = await projections.slice(
      await projections.stock.allSkus(),
      await projections.reservations.allIds(),
      [],
    );
    for (const [sku, state] of restored.stock) ledger.stock.set(sku, state);
    for (const [id, reservation] of restored.reservations) ledger.reservations.set(id, reservation);
    return ledger;
  }

  /** What foldEvents needs for a batch with these keys (as LedgerProjections.slice answers it from Postgres). */
  private async slice(keys: SliceKeys): Promise<LedgerState> {
    const stock = pick(this.stock, keys.skus);
    const reservations = pick(this.reservations, keys.reservationIds);
    const applied = new Set(keys.eventIds.filter((id) => this.applied.has(id)));
    if (this.history) {
      const earlier = await new LedgerProjections(this.history).slice(
        [],
        keys.reservationIds.filter((id) => !reservations.has(id)),
        keys.eventIds.filter((id) => !applied.has(id)),
      );
      for (const [id, reservation] of earlier.reservations) reservations.set(id, reservation);
      for (const id of earlier.applied) applied.add(id);
    }
    return { stock, reservations, applied };
  }

  /** Decodes and folds one chunk of a partition's messages, and takes the result in. */
  async fold<M extends LogMessage>(messages: M[], partition: number): Promise<FoldedBatch<M>> {
    const decoded = decodeBatch(messages);
    const folded = foldDecoded(await this.slice(decoded.keys), decoded, partition);
    this.remember(folded.result);
    return folded;
  }

  /** Takes in what a folded batch changed. */
  private remember(result: BatchResult): void {
    for (const sku of result.changedSkus) this.stock.set(sku, result.state.stock.get(sku)!);
    for (const id of result.changedReservations)
      this.reservations.set(id, result.state.reservations.get(id)!);
    for (const entry of result.entries) this.applied.add(entry.eventId);
  }

  /** Everything folded so far, to write the projections from. */
  state(): LedgerState {
    return { stock: this.stock, reservations: this.reservations, applied: this.applied };
  }
}

function pick<V>(from: ReadonlyMap<string, V>, keys: readonly string[]): Map<string, V> {
  const picked = new Map<string, V>();
  for (const key of keys) {
    const value = from.get(key);
    if (value !== undefined) picked.set(key, value);
  }
  return picked;
}
