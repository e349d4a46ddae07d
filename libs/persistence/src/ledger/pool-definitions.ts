import { LogMessage, PoolDefinition } from '@stockflow/contracts';
import { PoolDirectory, foldPoolMessages } from '@stockflow/ledger-core';
import { Queryable } from '../queryable';
import { SqlTransaction } from '../sql-pool';
import { ConsumerOffsetRepository, OffsetKey } from './consumer-offsets';

interface PoolRow {
  pool_id: string;
  locations: PoolDefinition['locations'];
  channels: string[];
  version: number;
}

/**
 * Every statement on `pools` (migration LocationsAndStates): the ledger's
 * projection of inventory.pools, a handful of rows written whole.
 */
export class PoolRepository {
  constructor(private readonly db: Queryable) {}

  /** The table as a directory. */
  async load(): Promise<PoolDirectory> {
    const rows = await this.db.query<PoolRow>(
      'SELECT pool_id, locations, channels, version FROM pools',
    );
    const pools = new Map<string, PoolDefinition>();
    const channelPools = new Map<string, string>();
    for (const row of rows) {
      pools.set(row.pool_id, {
        poolId: row.pool_id,
        locations: row.locations,
        channels: row.channels,
        version: row.version,
      });
      for (const channel of row.channels) channelPools.set(channel, row.pool_id);
    }
    return { pools, channelPools };
  }

  /** Replaces the table with `directory` (whole: it is tiny and changes rarely). */
  async replace(directory: PoolDirectory): Promise<void> {
    const pools = [...directory.pools.values()];
    await this.db.query('DELETE FROM pools');
    if (pools.length === 0) return;
    await this.db.query(
      `INSERT INTO pools (pool_id, locations, channels, version)
       SELECT * FROM unnest($1::varchar[], $2::jsonb[], $3::jsonb[], $4::int[])`,
      [
        pools.map((p) => p.poolId),
        pools.map((p) => JSON.stringify(p.locations)),
        pools.map((p) => JSON.stringify(p.channels)),
        pools.map((p) => p.version),
      ],
    );
  }
}

/**
 * The ledger's projection of inventory.pools, exactly once like the stock
 * projections: lock the stored offset, skip what it covers, fold, write, move
 * the offset, all in the caller's transaction. Returns the directory after.
 */
export async function applyPoolBatch(
  tx: SqlTransaction,
  key: OffsetKey,
  messages: readonly LogMessage[],
): Promise<PoolDirectory> {
  const offsets = new ConsumerOffsetRepository(tx);
  const next = await offsets.lock(key);
  const fresh = messages.filter((m) => BigInt(m.offset) >= next);
  const pools = new PoolRepository(tx);
  const before = await pools.load();
  if (fresh.length === 0) return before;
  const after = foldPoolMessages(before, fresh);
  await pools.replace(after);
  await offsets.save(key, BigInt(fresh[fresh.length - 1].offset) + 1n);
  return after;
}
