"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.isMisrouted = isMisrouted;
exports.rerouted = rerouted;
var contracts_1 = require("@stockflow/contracts");
/**
 * Records a foreign partitioner put on the wrong partition (librdkafka's
 * default CRC32 instead of murmur2): the same SKU would then be folded from two
 * partitions, out of order and possibly by two ledger instances at once.
 *
 * WHY re-produce rather than dead-letter: it keeps the data flowing without an
 * operator. Within the transaction that moves this partition's offset past the
 * record, it is appended to its right partition (acknowledged before COMMIT);
 * a crash in between appends it again, and the copy is a duplicate eventId the
 * fold ignores. Its place in the SKU's order is "when the ledger re-produced
 * it", after everything already on the right partition: the same guarantee
 * two independent producers get. One foreign producer's records for a SKU all
 * land on the same wrong partition, so they keep their order among themselves.
 */
function isMisrouted(message, partition, partitions) {
    if (!partitions || !message.key || message.key.length === 0)
        return false;
    return (0, contracts_1.keyPartition)(message.key, partitions) !== partition;
}
/** The re-produced copy: same key, value and headers, on the key's partition, saying where it came from. */
function rerouted(message, from, partitions) {
    return {
        key: message.key,
        value: message.value,
        partition: (0, contracts_1.keyPartition)(message.key, partitions),
        headers: __assign(__assign({}, message.headers), { 'x-rerouted-from': "".concat(from, "@").concat(message.offset) }),
    };
}
