import { KafkaMessage, Message } from '@stockflow/kafka';
import { keyPartition } from '@stockflow/contracts';

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
export function isMisrouted(
  message: KafkaMessage,
  partition: number,
  partitions: number | undefined,
): boolean {
  if (!partitions || !message.key || message.key.length === 0) return false;
  return keyPartition(message.key, partitions) !== partition;
}

/** The re-produced copy: same key, value and headers, on the key's partition, saying where it came from. */
export function rerouted(message: KafkaMessage, from: number, partitions: number): Message {
  return {
    key: message.key,
    value: message.value,
    partition: keyPartition(message.key!, partitions),
    headers: { ...message.headers, 'x-rerouted-from': `${from}@${message.offset}` },
  };
}
