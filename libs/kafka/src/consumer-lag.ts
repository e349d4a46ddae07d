import { Admin } from 'kafkajs';

/** How far one consumer group is behind the log end on one partition. */
export interface ConsumerLagRow {
  group: string;
  topic: string;
  partition: number;
  /** The next offset the group will read; -1 when it has committed nothing on this partition. */
  committedOffset: number;
  /** The partition's high watermark: the offset the next produced message gets. */
  logEndOffset: number;
  lag: number;
}

interface PartitionBounds {
  low: number;
  high: number;
}

/**
 * Messages behind the log end. A partition the group has never committed on
 * counts every message still in the log (high - low), because that is what the
 * group will read when it starts; an offset below the earliest retained one
 * (retention deleted what the group had not read) counts from the earliest.
 */
export function partitionLag(committedOffset: number, bounds: PartitionBounds): number {
  const from = committedOffset < 0 ? bounds.low : Math.max(committedOffset, bounds.low);
  return Math.max(0, bounds.high - from);
}

/**
 * Lag of every group on every partition it reads, from Kafka's committed offsets
 * (admin fetchOffsets) and the topics' watermarks (admin fetchTopicOffsets).
 * `topics`, when given, are the topics the groups subscribe to: a group that has
 * committed nothing yet still shows its whole backlog. Without it a group is
 * read on the topics it has committed offsets for.
 */
export async function readConsumerLag(
  admin: Admin,
  groupIds: string[],
  topics?: string[],
): Promise<ConsumerLagRow[]> {
  const bounds = new Map<string, Promise<Map<number, PartitionBounds>>>();
  const boundsOf = (topic: string) => {
    let found = bounds.get(topic);
    if (!found) {
      found = admin
        .fetchTopicOffsets(topic)
        .then(
          (partitions) =>
            new Map(
              partitions.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]),
            ),
        );
      bounds.set(topic, found);
    }
    return found;
  };

  const rows: ConsumerLagRow[] = [];
  for (const group of groupIds) {
    const committed = await admin.fetchOffsets(
      topics ? { groupId: group, topics } : { groupId: group },
    );
    for (const { topic, partitions } of committed) {
      const watermarks = await boundsOf(topic);
      for (const { partition, offset } of partitions) {
        const partitionBounds = watermarks.get(partition);
        if (!partitionBounds) continue; // partition deleted since the commit
        const committedOffset = Number(offset);
        rows.push({
          group,
          topic,
          partition,
          committedOffset,
          logEndOffset: partitionBounds.high,
          lag: partitionLag(committedOffset, partitionBounds),
        });
      }
    }
  }
  return rows.sort(
    (a, b) =>
      a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic) || a.partition - b.partition,
  );
}

/**
 * Lag of a group whose offsets are kept outside Kafka (the ledger stores them
 * in Postgres, in the transaction of each batch): `stored` maps partition to the
 * next offset to read. Every partition of the topic gets a row; one with no
 * stored offset counts its whole retained log.
 */
export async function lagFromStoredOffsets(
  admin: Admin,
  group: string,
  topic: string,
  stored: Map<number, string | number | bigint>,
): Promise<ConsumerLagRow[]> {
  const watermarks = await topicBounds(admin, topic);
  return [...watermarks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([partition, partitionBounds]) => {
      const offset = stored.get(partition);
      const committedOffset = offset === undefined ? -1 : Number(offset);
      return {
        group,
        topic,
        partition,
        committedOffset,
        logEndOffset: partitionBounds.high,
        lag: partitionLag(committedOffset, partitionBounds),
      };
    });
}

async function topicBounds(admin: Admin, topic: string): Promise<Map<number, PartitionBounds>> {
  const partitions = await admin.fetchTopicOffsets(topic);
  return new Map(
    partitions.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]),
  );
}

/** Messages retained in a topic (log end minus earliest, summed over partitions): a dead-letter topic's depth. */
export async function retainedMessages(admin: Admin, topic: string): Promise<number> {
  let total = 0;
  for (const { low, high } of (await topicBounds(admin, topic)).values()) total += high - low;
  return total;
}
