import { InventoryEvent } from '@stockflow/contracts';
import { foldEvent } from './fold-event';
import { JournalEntry } from './journal-entry';
import { Refusal } from './refusal';
import { ReservationState, StockState, emptyStock } from './stock-state';

/**
 * The part of the ledger a batch of events can touch: the states of its SKUs,
 * the reservations it names, and which of its eventIds were already applied.
 * The ledger loads exactly this from Postgres; replay and tests build it in memory.
 */
export interface LedgerState {
  stock: ReadonlyMap<string, StockState>;
  reservations: ReadonlyMap<string, ReservationState>;
  /** eventIds already applied: applying one again changes nothing. */
  applied: ReadonlySet<string>;
}

export interface BatchResult {
  state: LedgerState;
  entries: JournalEntry[];
  refusals: Refusal[];
  duplicates: string[];
  /** SKUs whose state changed, in first-changed order. */
  changedSkus: string[];
  /** Reservations created or drawn down by this batch. */
  changedReservations: string[];
}

export function emptyLedger(): LedgerState {
  return { stock: new Map(), reservations: new Map(), applied: new Set() };
}

/** Folds events in log order. Pure: the input state is left as it was. */
export function foldEvents(state: LedgerState, events: readonly InventoryEvent[]): BatchResult {
  const stock = new Map(state.stock);
  const reservations = new Map(state.reservations);
  const applied = new Set(state.applied);
  const entries: JournalEntry[] = [];
  const refusals: Refusal[] = [];
  const duplicates: string[] = [];
  const changedSkus = new Set<string>();
  const changedReservations = new Set<string>();

  for (const event of events) {
    if (applied.has(event.eventId)) {
      duplicates.push(event.eventId);
      continue;
    }
    const reservationId = 'reservationId' in event ? event.reservationId : undefined;
    const outcome = foldEvent(
      stock.get(event.sku) ?? emptyStock(event.sku),
      reservationId === undefined ? undefined : reservations.get(reservationId),
      event,
    );
    if (!outcome.applied) {
      refusals.push(outcome.refusal);
      continue;
    }
    applied.add(event.eventId);
    stock.set(event.sku, outcome.stock);
    changedSkus.add(event.sku);
    if (outcome.reservation) {
      reservations.set(outcome.reservation.reservationId, outcome.reservation);
      changedReservations.add(outcome.reservation.reservationId);
    }
    entries.push(outcome.entry);
  }
  return {
    state: { stock, reservations, applied },
    entries,
    refusals,
    duplicates,
    changedSkus: [...changedSkus],
    changedReservations: [...changedReservations],
  };
}
