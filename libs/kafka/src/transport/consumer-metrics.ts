import { counter, gauge } from '@stockflow/runtime';

export const batchRetries = counter({
  name: 'stockflow_consumer_batch_retries_total',
  help: 'Consumer batches retried in place because a dependency failed (the handler is idempotent)',
  labelNames: ['consumer'],
});

/** When each running member last finished a batch (or joined): read at every scrape. */
const lastBatch = new Map<object, { group: string; topic: string; at: () => number | undefined }>();

gauge({
  name: 'stockflow_consumer_last_batch_age_seconds',
  help: 'Seconds since this member last handled a batch, or since it joined its group when the topic is quiet',
  labelNames: ['group', 'topic'],
  collect() {
    this.reset();
    const now = Date.now();
    for (const { group, topic, at } of lastBatch.values()) {
      const since = at();
      if (since !== undefined) this.set({ group, topic }, (now - since) / 1000);
    }
  },
});

/** Registers a member for the age gauge; `at` is undefined until it has joined. */
export function trackLastBatch(
  member: object,
  group: string,
  topic: string,
  at: () => number | undefined,
): () => void {
  lastBatch.set(member, { group, topic, at });
  return () => lastBatch.delete(member);
}
