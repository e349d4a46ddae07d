import { ChannelAvailabilityMessage, DEFAULT_POOL_ID, PoolDefinition } from '@stockflow/contracts';
import { PoolDirectory, poolOfChannel } from '@stockflow/ledger-core';
import { SafetyStock, sellableQuantity } from './sellable-quantity';

export interface LocationAvailable {
  locationId: string;
  /** What can be reserved or sold there; negative when oversold. */
  available: number;
}

/** A SKU's stock as the readers of stock levels see it (a stock-level message, or the ledger's row). */
export interface SkuLevel {
  sku: string;
  /** The ledger's version of the SKU. */
  version: number;
  /** The SKU's total available, used only when `locations` is unknown (a message older than locations). */
  available: number;
  locations?: readonly LocationAvailable[];
}

/** The pool directory and the position in inventory.pools it was folded to. */
export interface PoolView {
  directory: PoolDirectory;
  version: number;
}

/**
 * A pool's available from per-location numbers: the sum over the pool's
 * locations (every location of the SKU for `default`), a location below zero
 * counting 0, as ledger-core's poolAvailable does on the full state. Channel
 * sync only has the per-location available of a stock-level message, the
 * gateway has the full state; both call this so they can never disagree.
 */
export function poolAvailableAt(level: SkuLevel, pool: PoolDefinition | undefined): number {
  if (!level.locations) return pool ? 0 : Math.max(0, level.available);
  const members = pool ? new Set(pool.locations.map((l) => l.locationId)) : undefined;
  let total = 0;
  for (const location of level.locations) {
    if (!members || members.has(location.locationId)) total += Math.max(0, location.available);
  }
  return total;
}

/**
 * What `channel` may sell of the SKU under the pool directory `pools`.
 * `safety` is the channel's entry of the channels file; a channel without one
 * holds nothing back.
 */
export function channelAvailability(
  channel: string,
  level: SkuLevel,
  pools: PoolView,
  safety: SafetyStock | undefined,
): ChannelAvailabilityMessage {
  const pool = poolOfChannel(pools.directory, channel);
  const available = poolAvailableAt(level, pool);
  return {
    channel,
    poolId: pool?.poolId ?? DEFAULT_POOL_ID,
    sku: level.sku,
    available,
    sellable: sellableQuantity(available, level.sku, safety ?? { safetyStock: 0 }),
    version: level.version + pools.version,
    ledgerVersion: level.version,
    poolVersion: pools.version,
  };
}
