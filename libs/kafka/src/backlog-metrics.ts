import { Admin, Kafka } from 'kafkajs';
import { MetricRefresher, gauge } from '@stockflow/runtime';
import { ConsumerLagRow, readConsumerLag, retainedMessages } from './consumer-lag';

const consumerLag = gauge({
  name: 'stockflow_consumer_lag',
  help: 'Messages between a consumer group position and the log end, per partition (refreshed every few seconds)',
  labelNames: ['group', 'topic', 'partition'],
});

const dlqDepth = gauge({
  name: 'stockflow_dlq_depth',
  help: 'Messages retained in a dead-letter topic (log end minus earliest offset, all partitions); alert on its growth',
  labelNames: ['topic'],
});

/** A group and the topic it reads: the unit lag is reported for. */
export interface Subscription {
  group: string;
  topic: string;
}

/** Where a service's lag rows come from: Kafka's committed offsets by default. */
export type LagSource = (admin: Admin) => Promise<ConsumerLagRow[]>;

/** Lag of groups that commit their offsets to Kafka. */
export function committedLag(subscriptions: Subscription[]): LagSource {
  return async (admin) => {
    const rows: ConsumerLagRow[] = [];
    for (const { group, topic } of subscriptions)
      rows.push(...(await readConsumerLag(admin, [group], [topic])));
    return rows;
  };
}

export interface BacklogMetricsOptions {
  lag?: LagSource;
  /** Dead-letter topics whose depth this service reports (the ones it writes). */
  dlqTopics?: string[];
}

/**
 * Refreshes stockflow_consumer_lag and stockflow_dlq_depth from one admin
 * client. The lag series are replaced as a whole on each refresh (reset, then
 * set, without an await between), so a partition that moved to another instance
 * disappears from this one instead of freezing at its last value.
 */
export class BacklogMetrics implements MetricRefresher {
  readonly name = 'kafka-backlog-metrics';
  private admin?: Admin;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: BacklogMetricsOptions,
  ) {}

  async refresh(): Promise<void> {
    const admin = await this.connected();
    try {
      const rows = this.options.lag ? await this.options.lag(admin) : [];
      const depths = await Promise.all(
        (this.options.dlqTopics ?? []).map(
          async (t) => [t, await retainedMessages(admin, t)] as const,
        ),
      );
      consumerLag.reset();
      for (const r of rows)
        consumerLag.set({ group: r.group, topic: r.topic, partition: String(r.partition) }, r.lag);
      for (const [topic, depth] of depths) dlqDepth.set({ topic }, depth);
    } catch (error) {
      // A broken connection is not reused: the next refresh connects afresh.
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}
