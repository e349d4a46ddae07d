"use strict";
/**
 * Offsets bound to the log they came from. A stored offset means "every record
 * below this one, in THIS log, is applied". After the broker's storage is lost,
 * the cluster replaced or the topic re-created, the same numbers address other
 * records (or none): resuming would skip records silently. This decides, per
 * partition, whether a stored offset may be resumed, and how to prove it.
 *
 * Pure: the caller reads the stored rows, the cluster id and the watermarks.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.planResume = planResume;
exports.checkAnchor = checkAnchor;
function planResume(partition, stored, log, topic) {
    if (!stored)
        return { partition: partition, action: 'start' };
    var where = "".concat(topic, "[").concat(partition, "]");
    var next = stored.nextOffset;
    if (stored.clusterId !== null && stored.clusterId !== log.clusterId) {
        return {
            partition: partition,
            action: 'refuse',
            reason: "".concat(where, ": stored offset ").concat(next, " was read from Kafka cluster ").concat(stored.clusterId, ", but the broker is cluster ").concat(log.clusterId),
        };
    }
    var marks = log.watermarks.get(partition);
    if (!marks)
        return {
            partition: partition,
            action: 'refuse',
            reason: "".concat(where, ": the partition does not exist on cluster ").concat(log.clusterId),
        };
    if (next > marks.high) {
        return {
            partition: partition,
            action: 'refuse',
            reason: "".concat(where, ": stored offset ").concat(next, " is beyond the log end ").concat(marks.high, " on cluster ").concat(log.clusterId, " (the topic was re-created or its storage lost)"),
        };
    }
    if (next < marks.low) {
        return {
            partition: partition,
            action: 'refuse',
            reason: "".concat(where, ": records ").concat(next, "..").concat(marks.low - 1n, " were deleted from the log (retention) before they were applied"),
        };
    }
    // The anchor can be checked only while the log still holds the record before `next`.
    if (stored.anchor !== null && next > 0n && next - 1n >= marks.low) {
        return {
            partition: partition,
            action: 'resume',
            seekTo: next - 1n,
            verify: { offset: next - 1n, anchor: stored.anchor },
        };
    }
    return { partition: partition, action: 'resume', seekTo: next };
}
function checkAnchor(messages, verify, fingerprint, where) {
    var at = messages.findIndex(function (m) { return BigInt(m.offset) >= verify.offset; });
    if (at === -1)
        return { outcome: 'before', rest: [] };
    var first = messages[at];
    if (BigInt(first.offset) !== verify.offset) {
        return {
            outcome: 'mismatch',
            reason: "".concat(where, ": the last applied record (offset ").concat(verify.offset, ") is missing from the log (next record is at ").concat(first.offset, ")"),
        };
    }
    if (fingerprint(first) !== verify.anchor) {
        return {
            outcome: 'mismatch',
            reason: "".concat(where, ": the record at offset ").concat(verify.offset, " is not the one the ledger applied there (another log answers at the same offsets)"),
        };
    }
    return { outcome: 'verified', rest: messages.slice(at + 1) };
}
