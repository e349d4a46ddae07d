/**
 * Offsets bound to the log they came from. A stored offset means "every record
 * below this one, in THIS log, is applied". After the broker's storage is lost,
 * the cluster replaced or the topic re-created, the same numbers address other
 * records (or none): resuming would skip records silently. This decides, per
 * partition, whether a stored offset may be resumed, and how to prove it.
 *
 * Pure: the caller reads the stored rows, the cluster id and the watermarks.
 */

/** What a consumer stored with a partition's offset. */
export interface StoredOffset {
  partition: number;
  nextOffset: bigint;
  /** Kafka cluster id the offset was read from; null for rows written before the binding existed (or by replay). */
  clusterId: string | null;
  /** recordFingerprint of the record at nextOffset - 1 (the last one applied); null when unknown. */
  anchor: string | null;
}

/** The log as the broker describes it now. */
export interface LogNow {
  clusterId: string;
  /** Per partition: first offset still held (log start) and the offset the next record will get (log end). */
  watermarks: Map<number, { low: bigint; high: bigint }>;
}

export type ResumePlan =
  /** Nothing stored: read the partition from its start. */
  | { partition: number; action: 'start' }
  /**
   * Resume at `seekTo`. With `verify`, the record at `verify.offset` (== seekTo)
   * must have the stored fingerprint before anything after it is applied.
   */
  | {
      partition: number;
      action: 'resume';
      seekTo: bigint;
      verify?: { offset: bigint; anchor: string };
    }
  | { partition: number; action: 'refuse'; reason: string };

export function planResume(
  partition: number,
  stored: StoredOffset | undefined,
  log: LogNow,
  topic: string,
): ResumePlan {
  if (!stored) return { partition, action: 'start' };
  const where = `${topic}[${partition}]`;
  const next = stored.nextOffset;
  if (stored.clusterId !== null && stored.clusterId !== log.clusterId) {
    return {
      partition,
      action: 'refuse',
      reason: `${where}: stored offset ${next} was read from Kafka cluster ${stored.clusterId}, but the broker is cluster ${log.clusterId}`,
    };
  }
  const marks = log.watermarks.get(partition);
  if (!marks)
    return {
      partition,
      action: 'refuse',
      reason: `${where}: the partition does not exist on cluster ${log.clusterId}`,
    };
  if (next > marks.high) {
    return {
      partition,
      action: 'refuse',
      reason: `${where}: stored offset ${next} is beyond the log end ${marks.high} on cluster ${log.clusterId} (the topic was re-created or its storage lost)`,
    };
  }
  if (next < marks.low) {
    return {
      partition,
      action: 'refuse',
      reason: `${where}: records ${next}..${marks.low - 1n} were deleted from the log (retention) before they were applied`,
    };
  }
  // The anchor can be checked only while the log still holds the record before `next`.
  if (stored.anchor !== null && next > 0n && next - 1n >= marks.low) {
    return {
      partition,
      action: 'resume',
      seekTo: next - 1n,
      verify: { offset: next - 1n, anchor: stored.anchor },
    };
  }
  return { partition, action: 'resume', seekTo: next };
}

/** Messages of a first batch after a resume with `verify`, as the consumer sees them. */
export type AnchorCheck<M> =
  | { outcome: 'verified'; rest: M[] }
  /** Every message is below the anchor: a fetch issued before the seek; drop it and wait. */
  | { outcome: 'before'; rest: M[] }
  | { outcome: 'mismatch'; reason: string };

export function checkAnchor<M extends { offset: string }>(
  messages: M[],
  verify: { offset: bigint; anchor: string },
  fingerprint: (message: M) => string,
  where: string,
): AnchorCheck<M> {
  const at = messages.findIndex((m) => BigInt(m.offset) >= verify.offset);
  if (at === -1) return { outcome: 'before', rest: [] };
  const first = messages[at];
  if (BigInt(first.offset) !== verify.offset) {
    return {
      outcome: 'mismatch',
      reason: `${where}: the last applied record (offset ${verify.offset}) is missing from the log (next record is at ${first.offset})`,
    };
  }
  if (fingerprint(first) !== verify.anchor) {
    return {
      outcome: 'mismatch',
      reason: `${where}: the record at offset ${verify.offset} is not the one the ledger applied there (another log answers at the same offsets)`,
    };
  }
  return { outcome: 'verified', rest: messages.slice(at + 1) };
}
