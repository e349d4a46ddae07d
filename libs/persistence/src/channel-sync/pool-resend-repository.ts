import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Every statement on channel_pool_resends (migration ChannelPoolResends): per
 * channel, the pools version whose re-sends are done.
 */
@Injectable()
export class PoolResendRepository {
  constructor(private readonly db: DataSource) {}

  async doneVersions(): Promise<Map<string, number>> {
    const rows: { channel: string; pool_version: string }[] = await this.db.query(
      'SELECT channel, pool_version FROM channel_pool_resends',
    );
    return new Map(rows.map((r) => [r.channel, Number(r.pool_version)]));
  }

  /** Never moves backwards: two instances of the service may both finish passes. */
  async markDone(channel: string, version: number): Promise<void> {
    await this.db.query(
      `INSERT INTO channel_pool_resends (channel, pool_version) VALUES ($1, $2)
       ON CONFLICT (channel) DO UPDATE SET pool_version = GREATEST(channel_pool_resends.pool_version, EXCLUDED.pool_version), updated_at = now()`,
      [channel, version],
    );
  }
}
