import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, ConsumerLagRow, Kafka, readConsumerLag } from '@stockflow/kafka';
import { GatewayConfig } from '../gateway.config';

/**
 * Consumer lag of every Stockflow consumer group (ledger, orders, each
 * channel's feed...). Groups are found by name rather than configured, so a
 * channel added to CHANNELS_FILE shows up without touching the gateway: every
 * group id Stockflow uses starts with `<KAFKA_TOPIC_PREFIX>stockflow-`.
 */
@Injectable()
export class ConsumerLagSource implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: GatewayConfig,
  ) {}

  async read(): Promise<ConsumerLagRow[]> {
    const admin = await this.connected();
    const prefix = `${this.config.KAFKA_TOPIC_PREFIX}stockflow-`;
    const { groups } = await admin.listGroups();
    const ids = groups
      .map((g) => g.groupId)
      .filter((id) => id.startsWith(prefix))
      .sort();
    const rows = await readConsumerLag(admin, ids);
    return rows.sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.topic.localeCompare(b.topic) ||
        a.partition - b.partition,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }

  /** One admin connection for the process, opened on first use; a failed connect is retried next time. */
  private connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}
