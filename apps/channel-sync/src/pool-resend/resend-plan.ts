import { ChannelAvailabilityMessage, DEFAULT_POOL_ID } from '@stockflow/contracts';
import { PoolView, SafetyStock, SkuLevel, channelAvailability } from '@stockflow/channels';
import { PoolDirectory, poolOfChannel } from '@stockflow/ledger-core';

/**
 * What a pool change can move for a channel: its pool, and the set of
 * locations it sums. A priority change alone moves no number (priorities decide
 * where checkout reserves, not how much a pool holds).
 */
function sellsFrom(directory: PoolDirectory, channel: string): string {
  const pool = poolOfChannel(directory, channel);
  if (!pool) return DEFAULT_POOL_ID;
  return `${pool.poolId}|${pool.locations
    .map((l) => l.locationId)
    .sort()
    .join(',')}`;
}

/**
 * The channels among `channels` whose numbers a pool change can move: the
 * channels of the old and of the new definition, less those whose pool and
 * locations stayed the same.
 */
export function affectedChannels(
  before: PoolDirectory,
  after: PoolDirectory,
  channels: readonly string[],
): string[] {
  return channels.filter((channel) => sellsFrom(before, channel) !== sellsFrom(after, channel));
}

/**
 * The channel's new availability of the SKU if the pool change moved it (its
 * pool, its pool's available or its sellable), else undefined: only SKUs whose
 * numbers moved are sent again.
 */
export function movedAvailability(
  channel: string,
  level: SkuLevel,
  before: PoolView,
  after: PoolView,
  safety: SafetyStock | undefined,
): ChannelAvailabilityMessage | undefined {
  const old = channelAvailability(channel, level, before, safety);
  const now = channelAvailability(channel, level, after, safety);
  return old.poolId !== now.poolId ||
    old.available !== now.available ||
    old.sellable !== now.sellable
    ? now
    : undefined;
}
