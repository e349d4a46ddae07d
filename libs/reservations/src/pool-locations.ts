import { poolOfChannel } from '@stockflow/ledger-core';
import type { ReservationContext } from './hydration';

/**
 * The locations a channel reserves at, in priority order, or undefined for the
 * implicit default pool (every location of the SKU, lowest locationId first: the
 * scripts read those from the counter itself). Read from the pool directory at
 * the moment the reservation is decided; a context without a directory (jobs
 * that only release) sells from nothing and needs none.
 */
export function poolLocations(ctx: ReservationContext, channel: string): string[] | undefined {
  if (!ctx.pools) return undefined;
  return poolOfChannel(ctx.pools.current(), channel)?.locations.map((l) => l.locationId);
}
