import { InventoryEvent, LogMessage, decodeLogMessage } from '@stockflow/contracts';
import { BatchResult, LedgerState, emptyLedger, foldEvents } from '@stockflow/ledger-core';
import { SqlTransaction } from '../sql-pool';
import { OffsetKey, lockOffset, saveOffset } from './consumer-offsets';
import { loadLedgerSlice } from './projection-reader';
import { LogPosition, writeBatch } from './projection-writer';

/** A message the ledger could not apply: poison (invalid_json, schema) or refused by the fold. */
export interface Rejected<M extends LogMessage> {
  message: M;
  code: string;
  reason: string;
  details?: unknown;
}

export interface FoldedPartitionBatch<M extends LogMessage> {
  /** Projections of the touched SKUs and reservations before the batch. */
  before: LedgerState;
  result: BatchResult;
  /** The batch's decoded events, in log order (applied, duplicate or refused). */
  events: InventoryEvent[];
  rejected: Rejected<M>[];
  /** Messages the stored offset already covered (a redelivery after a crash or rebalance). */
  skipped: number;
}

/**
 * The ledger's write step for one partition batch, shared by the ledger consumer
 * and by replay so that a rebuild runs exactly the code that built the live
 * projections: lock the stored offset, skip what it already covers, decode, fold
 * with the pure core, write projections + journal, move the offset. Run it inside
 * the transaction that must make all of it durable at once; publishing dead
 * letters and stock levels is the caller's business.
 */
export async function foldPartitionBatch<M extends LogMessage>(
  tx: SqlTransaction,
  key: OffsetKey,
  messages: M[],
): Promise<FoldedPartitionBatch<M>> {
  const next = await lockOffset(tx, key);
  const fresh = messages.filter((m) => BigInt(m.offset) >= next);
  const skipped = messages.length - fresh.length;
  if (fresh.length === 0) return { before: emptyLedger(), result: foldEvents(emptyLedger(), []), events: [], rejected: [], skipped };
  const rejected: Rejected<M>[] = [];
  const events: InventoryEvent[] = [];
  const occurrences = new Map<string, M[]>();
  for (const decoded of fresh.map(decodeLogMessage)) {
    if (!decoded.ok) {
      rejected.push({ message: decoded.message, code: decoded.code, reason: decoded.reason, details: decoded.details });
      continue;
    }
    events.push(decoded.event);
    const seen = occurrences.get(decoded.event.eventId) ?? [];
    seen.push(decoded.message);
    occurrences.set(decoded.event.eventId, seen);
  }

  const before = await loadLedgerSlice(
    tx,
    unique(events.map((e) => e.sku)),
    unique(events.flatMap((e) => ('reservationId' in e ? [e.reservationId] : []))),
    [...occurrences.keys()],
  );
  const result = foldEvents(before, events);

  // A refused occurrence of an eventId always precedes its applied one (once
  // applied, later copies are duplicates), so refusals consume occurrences in order.
  for (const refusal of result.refusals) {
    rejected.push({ message: occurrences.get(refusal.eventId)!.shift()!, code: refusal.code, reason: refusal.reason });
  }
  const sources = new Map<string, { event: InventoryEvent; position: LogPosition }>();
  const byId = new Map(events.map((e) => [e.eventId, e]));
  for (const entry of result.entries) {
    const message = occurrences.get(entry.eventId)![0];
    sources.set(entry.eventId, { event: byId.get(entry.eventId)!, position: { partition: key.partition, offset: message.offset } });
  }

  await writeBatch(tx, result, sources);
  await saveOffset(tx, key, BigInt(fresh[fresh.length - 1].offset) + 1n);
  return { before, result, events, rejected, skipped };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
