import { DEFAULT_POOL_ID, PoolDefinition } from '@stockflow/contracts';
import { PoolDirectory } from './pool-directory';
import { StockState, locationAvailable, locationIds } from './stock-state';

/**
 * A pool's available for a SKU: the sum of its locations' available, where a
 * location below zero counts 0 (an oversold shop does not eat into the
 * warehouse's units). `pool` undefined is the implicit default pool.
 */
export function poolAvailable(stock: StockState, pool: PoolDefinition | undefined): number {
  const ids = pool ? pool.locations.map((l) => l.locationId) : locationIds(stock);
  let total = 0;
  for (const id of ids) {
    const location = stock.locations[id];
    if (location) total += Math.max(0, locationAvailable(location));
  }
  return total;
}

/** Every pool's available for a SKU: `default` first, then the defined pools by id. */
export function poolsAvailable(
  stock: StockState,
  directory: PoolDirectory,
): { poolId: string; available: number }[] {
  const defined = [...directory.pools.values()].sort((a, b) => (a.poolId < b.poolId ? -1 : 1));
  return [
    { poolId: DEFAULT_POOL_ID, available: poolAvailable(stock, undefined) },
    ...defined.map((pool) => ({ poolId: pool.poolId, available: poolAvailable(stock, pool) })),
  ];
}

/** What a channel may sell: its pool's available less its safety stock, never below 0. */
export function sellable(poolAvailableUnits: number, safetyStock: number): number {
  return Math.max(0, poolAvailableUnits - safetyStock);
}
