import { InventoryEvent, LogMessage, recordFingerprint } from '@stockflow/contracts';
import {
  BatchResult,
  DecodedBatch,
  JournalSources,
  LedgerState,
  Rejected,
  SliceKeys,
  decodeBatch,
  emptyLedger,
  foldDecoded,
  foldEvents,
} from '@stockflow/ledger-core';
import { SqlTransaction } from '../sql-pool';
import { ConsumerOffsetRepository, OffsetKey, OffsetMove } from './consumer-offsets';
import { LedgerProjections } from './ledger-projections';

export interface FoldedPartitionBatch<M extends LogMessage> {
  /** Projections before the batch (after the batches folded before it in the same call): at least the SKUs and reservations it touches. */
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

/** One partition's messages, as foldPartitionBatches takes them. */
export interface PartitionBatch<M> {
  partition: number;
  messages: M[];
  options?: PartitionBatchOptions<M>;
}

/** A batch whose fresh messages are known, before the fold. */
interface PlannedBatch<M extends LogMessage> {
  partition: number;
  skipped: number;
  handedOff: M[];
  /** Undefined when nothing of the batch is left to fold. */
  decoded?: DecodedBatch<M>;
}

/**
 * The ledger's write step for one partition batch: foldPartitionBatches of one.
 */
export async function foldPartitionBatch<M extends LogMessage>(
  tx: SqlTransaction,
  key: OffsetKey,
  messages: M[],
  options: PartitionBatchOptions<M> = {},
): Promise<FoldedPartitionBatch<M>> {
  const [folded] = await foldPartitionBatches(tx, key, [
    { partition: key.partition, messages, options },
  ]);
  return folded;
}

/**
 * The ledger's write step for the partition batches of one fetch (several
 * batches of one partition must come in log order): lock the stored offsets,
 * skip what they already cover, decode, fold each batch with the pure core in
 * the order given over one slice of the projections (a batch sees what the
 * ones before it folded), write projections + journal, move the offsets.
 * Each step is one statement per table for all the batches, not one per
 * partition. Run it inside the transaction that must make all of it durable
 * at once; publishing dead letters and stock levels is the caller's business.
 */
export async function foldPartitionBatches<M extends LogMessage>(
  tx: SqlTransaction,
  log: Pick<OffsetKey, 'groupId' | 'topic'>,
  batches: readonly PartitionBatch<M>[],
): Promise<FoldedPartitionBatch<M>[]> {
  const offsets = new ConsumerOffsetRepository(tx);
  const next = await offsets.lockAll(
    log.groupId,
    log.topic,
    batches.map((b) => b.partition),
  );
  const moves = new Map<number, OffsetMove>();
  const planned = batches.map((batch) => plan(batch, next, moves));

  const projections = new LedgerProjections(tx);
  const keys = sliceKeys(planned);
  let state = keys
    ? await projections.slice(keys.skus, keys.reservationIds, keys.eventIds)
    : emptyLedger();
  const folded = planned.map((batch): FoldedPartitionBatch<M> => {
    const { skipped, handedOff, decoded } = batch;
    if (!decoded) return { ...nothingFolded(), skipped, handedOff };
    const before = state;
    const { result, rejected, sources } = foldDecoded(before, decoded, batch.partition);
    state = result.state;
    return { before, result, events: decoded.events, rejected, skipped, handedOff, sources };
  });
  await projections.write(
    state,
    folded.map((f) => f.result),
    new Map(folded.flatMap((f) => [...f.sources])),
  );
  await offsets.saveAll(log.groupId, log.topic, [...moves.values()]);
  return folded;
}

/** Which messages of a batch are fresh (past the stored offset), handed off, or left to fold; moves the offset past them. */
function plan<M extends LogMessage>(
  { partition, messages, options = {} }: PartitionBatch<M>,
  next: Map<number, bigint>,
  moves: Map<number, OffsetMove>,
): PlannedBatch<M> {
  const from = moves.get(partition)?.nextOffset ?? next.get(partition)!;
  const fresh = messages.filter((m) => BigInt(m.offset) >= from);
  const skipped = messages.length - fresh.length;
  if (fresh.length === 0) return { partition, skipped, handedOff: [] };
  const handedOff = options.handOff ? fresh.filter(options.handOff) : [];
  const handed = new Set(handedOff);
  const folded = handed.size > 0 ? fresh.filter((m) => !handed.has(m)) : fresh;
  const last = fresh[fresh.length - 1];
  const binding =
    options.clusterId === undefined
      ? undefined
      : { clusterId: options.clusterId, anchor: recordFingerprint(last) };
  moves.set(partition, { partition, nextOffset: BigInt(last.offset) + 1n, binding });
  return {
    partition,
    skipped,
    handedOff,
    decoded: folded.length > 0 ? decodeBatch(folded) : undefined,
  };
}

/** The SKUs, reservations and event ids every batch can touch, or undefined when none has anything to fold. */
function sliceKeys<M extends LogMessage>(
  batches: readonly PlannedBatch<M>[],
): SliceKeys | undefined {
  const decoded = batches.flatMap((b) => (b.decoded ? [b.decoded.keys] : []));
  if (decoded.length === 0) return undefined;
  const union = (pick: (k: SliceKeys) => readonly string[]) => [...new Set(decoded.flatMap(pick))];
  return {
    skus: union((k) => k.skus),
    reservationIds: union((k) => k.reservationIds),
    eventIds: union((k) => k.eventIds),
  };
}

function nothingFolded(): Omit<FoldedPartitionBatch<never>, 'skipped' | 'handedOff'> {
  return {
    before: emptyLedger(),
    result: foldEvents(emptyLedger(), []),
    events: [],
    rejected: [],
    sources: new Map(),
  };
}
