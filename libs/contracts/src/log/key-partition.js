"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keyPartition = keyPartition;
exports.murmur2 = murmur2;
/**
 * The partition a record key belongs to, as the Java client's default
 * partitioner (and kafkajs's DefaultPartitioner, the gateway's) computes it:
 * murmur2 of the key bytes, made positive, modulo the partition count. Every
 * event of a SKU must sit on this one partition: it is what orders a SKU's
 * history and keeps two ledger instances from folding one SKU at once.
 * librdkafka clients (kcat, Python, Go, .NET) hash with CRC32 by default and
 * land elsewhere unless configured with `partitioner=murmur2_random`.
 */
function keyPartition(key, partitions) {
    return (murmur2(typeof key === 'string' ? Buffer.from(key) : key) & 0x7fffffff) % partitions;
}
/** Kafka's Utils.murmur2 (32-bit, seed 0x9747b28c), in 32-bit integer arithmetic. */
function murmur2(data) {
    var m = 0x5bd1e995;
    var length = data.length;
    var h = 0x9747b28c ^ length;
    var whole = length & ~3;
    for (var i = 0; i < whole; i += 4) {
        var k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
        k = Math.imul(k, m);
        k ^= k >>> 24;
        k = Math.imul(k, m);
        h = Math.imul(h, m) ^ k;
    }
    var tail = length & 3;
    if (tail >= 3)
        h ^= data[whole + 2] << 16;
    if (tail >= 2)
        h ^= data[whole + 1] << 8;
    if (tail >= 1)
        h = Math.imul(h ^ data[whole], m);
    h ^= h >>> 13;
    h = Math.imul(h, m);
    h ^= h >>> 15;
    return h | 0;
}
