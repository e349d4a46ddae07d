import { BatchResult, JournalSources, LedgerState } from '@stockflow/ledger-core';
import { Queryable } from '../queryable';
import { SqlTransaction } from '../sql-pool';
import { JournalRepository } from './journal-repository';
import { ReservationRepository } from './reservation-repository';
import { StockRepository } from './stock-repository';

/**
 * The four projection tables as the fold sees them: a LedgerState in, a
 * folded batch out. Each table's SQL is in its own repository; this only
 * decides what the fold reads and writes, in one transaction.
 */
export class LedgerProjections<Db extends Queryable = Queryable> {
  readonly stock: StockRepository;
  readonly reservations: ReservationRepository;
  readonly journal: JournalRepository<Db>;

  constructor(db: Db) {
    this.stock = new StockRepository(db);
    this.reservations = new ReservationRepository(db);
    this.journal = new JournalRepository(db);
  }

  /**
   * The slice of the projections a batch of events can touch, so the pure fold
   * can run over it: a few indexed lookups per batch, whatever its size.
   * Sequential on purpose: inside a transaction they share one connection anyway.
   */
  async slice(skus: string[], reservationIds: string[], eventIds: string[]): Promise<LedgerState> {
    const stock = await this.stock.states(skus);
    const reservations = await this.reservations.states(reservationIds);
    const applied = await this.journal.appliedOf(eventIds);
    const missing = reservationIds.filter((id) => !reservations.has(id));
    for (const netted of await this.journal.compactedReservations(missing))
      reservations.set(netted.reservationId, netted);
    return { stock, reservations, applied };
  }

  /** Upserts the given SKUs (with their locations) and reservations of `state`. */
  async save(
    state: LedgerState,
    skus: readonly string[],
    reservationIds: readonly string[],
  ): Promise<void> {
    await this.stock.save(skus.map((sku) => state.stock.get(sku)!));
    await this.reservations.save(reservationIds.map((id) => state.reservations.get(id)!));
  }

  /**
   * Writes what folded batches changed, as `state` holds it after the last of
   * them: SKU rows, location rows, reservations and journal entries, each as
   * one set-based statement whatever the number and size of the batches. Call
   * it inside the transaction that also moves the consumer offsets.
   */
  async write(
    this: LedgerProjections<SqlTransaction>,
    state: LedgerState,
    results: readonly Pick<BatchResult, 'entries' | 'changedSkus' | 'changedReservations'>[],
    sources: JournalSources,
  ): Promise<void> {
    const entries = results.flatMap((r) => r.entries);
    if (entries.length === 0) return;
    const skus = new Set(results.flatMap((r) => r.changedSkus));
    const reservationIds = new Set(results.flatMap((r) => r.changedReservations));
    await this.save(state, [...skus], [...reservationIds]);
    await this.journal.append(entries, sources);
  }
}
