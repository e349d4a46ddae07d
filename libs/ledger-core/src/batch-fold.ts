import { InventoryEvent, LogMessage, decodeLogMessage } from '@stockflow/contracts';
import { JournalSource, JournalSources } from './journal-source';
import { BatchResult, LedgerState, foldEvents } from './ledger-state';

/** A message the ledger could not apply: poison (invalid_json, schema) or refused by the fold. */
export interface Rejected<M extends LogMessage> {
  message: M;
  code: string;
  reason: string;
  details?: unknown;
}

export interface Occurrence<M extends LogMessage> {
  message: M;
  event: InventoryEvent;
}

/** The SKUs, reservations and eventIds a batch names. */
export interface SliceKeys {
  skus: string[];
  reservationIds: string[];
  eventIds: string[];
}

export interface DecodedBatch<M extends LogMessage> {
  /** The batch's decoded events, in log order. */
  events: InventoryEvent[];
  /** Poison messages, with their reasons. */
  rejected: Rejected<M>[];
  /** Every message carrying each eventId, with its event, in log order. */
  occurrences: Map<string, Occurrence<M>[]>;
  /** What folding these events can touch: the slice of the ledger to load first. */
  keys: SliceKeys;
}

export interface FoldedBatch<M extends LogMessage> {
  result: BatchResult;
  /** Poison messages and refused events, each with its message. */
  rejected: Rejected<M>[];
  /** The event and log position of every journal entry. */
  sources: JournalSources;
}

/**
 * Decodes one partition batch. The ledger and replay share it (and foldDecoded)
 * so that a rebuild applies exactly the rules that built the live projections.
 */
export function decodeBatch<M extends LogMessage>(messages: readonly M[]): DecodedBatch<M> {
  const rejected: Rejected<M>[] = [];
  const events: InventoryEvent[] = [];
  const occurrences = new Map<string, Occurrence<M>[]>();
  const skus = new Set<string>();
  const reservationIds = new Set<string>();
  for (const message of messages) {
    const decoded = decodeLogMessage(message);
    if (!decoded.ok) {
      rejected.push({
        message,
        code: decoded.code,
        reason: decoded.reason,
        details: decoded.details,
      });
      continue;
    }
    const event = decoded.event;
    events.push(event);
    skus.add(event.sku);
    if ('reservationId' in event) reservationIds.add(event.reservationId);
    const seen = occurrences.get(event.eventId);
    if (seen) seen.push({ message, event });
    else occurrences.set(event.eventId, [{ message, event }]);
  }
  return {
    events,
    rejected,
    occurrences,
    keys: {
      skus: [...skus],
      reservationIds: [...reservationIds],
      eventIds: [...occurrences.keys()],
    },
  };
}

/** Folds a decoded batch of `partition` over `before`, the slice its keys name. Pure. */
export function foldDecoded<M extends LogMessage>(
  before: LedgerState,
  decoded: DecodedBatch<M>,
  partition: number,
): FoldedBatch<M> {
  const result = foldEvents(before, decoded.events);
  const rejected = [...decoded.rejected];
  // A refused occurrence of an eventId always precedes its applied one (once
  // applied, later copies are duplicates), so refusals consume occurrences in
  // order and an entry belongs to the first occurrence not consumed: its
  // message gives the log position, its event the journal's copy (a re-sent
  // eventId may carry a different body than the one applied).
  const consumed = new Map<string, number>();
  const next = (eventId: string) => decoded.occurrences.get(eventId)![consumed.get(eventId) ?? 0];
  for (const refusal of result.refusals) {
    const details = refusal.current === undefined ? undefined : { current: refusal.current };
    rejected.push({
      message: next(refusal.eventId).message,
      code: refusal.code,
      reason: refusal.reason,
      details,
    });
    consumed.set(refusal.eventId, (consumed.get(refusal.eventId) ?? 0) + 1);
  }
  const sources = new Map<string, JournalSource>();
  for (const entry of result.entries) {
    const { message, event } = next(entry.eventId);
    sources.set(entry.eventId, { event, position: { partition, offset: message.offset } });
  }
  return { result, rejected, sources };
}
