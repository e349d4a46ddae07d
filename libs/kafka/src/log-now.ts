import { Kafka } from 'kafkajs';
import { LogNow } from '@stockflow/contracts';

/**
 * What the broker says the log is right now: its cluster id and, per
 * partition of `topic`, the log start and end offsets. The input of
 * planResume (offset-binding.ts) before a consumer resumes stored offsets.
 */
export async function readLogNow(kafka: Kafka, topic: string): Promise<LogNow> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { clusterId } = await admin.describeCluster();
    const offsets = await admin.fetchTopicOffsets(topic);
    return {
      clusterId,
      watermarks: new Map(
        offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]),
      ),
    };
  } finally {
    await admin.disconnect();
  }
}
