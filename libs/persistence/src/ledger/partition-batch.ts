import { InventoryEvent, LogMessage, recordFingerprint } from '@stockflow/contracts';
import {
  BatchResult,
  JournalSources,
  LedgerState,
  Rejected,
  decodeBatch,
  emptyLedger,
  foldDecoded,
  foldEvents,
} from '@stockflow/ledger-core';
import { SqlTransaction } from '../sql-pool';
import { ConsumerOffsetRepository, OffsetKey } from './consumer-offsets';
import { LedgerProjections } from './ledger-projections';

export interface FoldedPartitionBatch<M extends LogMessage> {
  /** Projections of the touched SKUs and reservations before the batch. */
  before: LedgerState;
  result: BatchResult;
  /** The batch's decoded events, in log order (applied, duplicate or refused). */
  events: InventoryEvent[];
  rejected: Rejected<M>[];
  /** Messages the stored offset already covered (a redelivery after a crash or rebalance): the first `skipped` of the batch. */
  skipped: number;
  /** Fresh messages options.handOff took (not folded; covered by the new offset): the caller must make them durable elsewhere before COMMIT. */
  handedOff: M[];
  /** The message behind each journal entry. */
  sources: JournalSources;
}

export interface PartitionBatchOptions<M> {
  /** The cluster the messages were read from: binds the stored offset to this log (offset-binding.ts in contracts). */
  clusterId?: string;
  /** Messages that belong elsewhere (e.g. on another partition): not folded here, but covered by the offset. */
  handOff?: (message: M) => boolean;
}

/**
 * The ledger's write step for one partition batch: lock the stored offset, skip
 * what it already covers, decode, fold with the pure core over the slice of the
 * projections the batch touches, write projections + journal, move the offset.
 * Run it inside the transaction that must make all of it durable at once;
 * publishing dead letters and stock levels is the caller's business.
 */
export async function foldPartitionBatch<M extends LogMessage>(
  tx: SqlTransaction,
  key: OffsetKey,
  messages: M[],
  options: PartitionBatchOptions<M> = {},
): Promise<FoldedPartitionBatch<M>> {
  const offsets = new ConsumerOffsetRepository(tx);
  const next = await offsets.lock(key);
  const fresh = messages.filter((m) => BigInt(m.offset) >= next);
  const skipped = messages.length - fresh.length;
  const nothing = {
    before: emptyLedger(),
    result: foldEvents(emptyLedger(), []),
    events: [],
    rejected: [],
    skipped,
    sources: new Map(),
  };
  if (fresh.length === 0) return { ...nothing, handedOff: [] };
  const handedOff = options.handOff ? fresh.filter(options.handOff) : [];
  const handed = new Set(handedOff);
  const folded = handed.size > 0 ? fresh.filter((m) => !handed.has(m)) : fresh;
  const last = fresh[fresh.length - 1];
  const binding =
    options.clusterId === undefined
      ? undefined
      : { clusterId: options.clusterId, anchor: recordFingerprint(last) };
  if (folded.length === 0) {
    await offsets.save(key, BigInt(last.offset) + 1n, binding);
    return { ...nothing, handedOff };
  }

  const decoded = decodeBatch(folded);
  const { skus, reservationIds, eventIds } = decoded.keys;
  const projections = new LedgerProjections(tx);
  const before = await projections.slice(skus, reservationIds, eventIds);
  const { result, rejected, sources } = foldDecoded(before, decoded, key.partition);
  await projections.write(result, sources);
  await offsets.save(key, BigInt(last.offset) + 1n, binding);
  return { before, result, events: decoded.events, rejected, skipped, handedOff, sources };
}
