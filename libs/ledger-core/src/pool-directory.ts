import {
  DEFAULT_POOL_ID,
  LogMessage,
  PoolDefinition,
  PoolEvent,
  decodePoolEvent,
} from '@stockflow/contracts';

/**
 * Every defined pool and which pool each channel sells from: the fold of the
 * inventory.pools topic. A channel in no pool sells from `default`, the
 * implicit pool of every location of a SKU (lowest locationId first).
 */
export interface PoolDirectory {
  pools: ReadonlyMap<string, PoolDefinition>;
  /** channel -> poolId, for channels of defined pools only. */
  channelPools: ReadonlyMap<string, string>;
}

export type PoolRefusalCode = 'channel_in_other_pool' | 'unknown_pool';

export type PoolOutcome =
  | { applied: true; directory: PoolDirectory; pool?: PoolDefinition }
  | { applied: false; code: PoolRefusalCode; reason: string };

export function emptyDirectory(): PoolDirectory {
  return { pools: new Map(), channelPools: new Map() };
}

/**
 * Applies one pool event. A definition that would put a channel in two pools is
 * refused whole, here rather than only at the HTTP edge: two gateways may accept
 * conflicting PUTs at once, and every reader must come to the same answer.
 */
export function foldPoolEvent(directory: PoolDirectory, event: PoolEvent): PoolOutcome {
  const pools = new Map(directory.pools);
  const channelPools = new Map(directory.channelPools);
  const previous = pools.get(event.poolId);
  if (event.type === 'PoolDeleted') {
    if (!previous)
      return {
        applied: false,
        code: 'unknown_pool',
        reason: `pool ${event.poolId} is not defined`,
      };
    pools.delete(event.poolId);
    for (const channel of previous.channels) channelPools.delete(channel);
    return { applied: true, directory: { pools, channelPools } };
  }
  const taken = event.channels.filter(
    (c) => (channelPools.get(c) ?? event.poolId) !== event.poolId,
  );
  if (taken.length > 0) {
    const owners = taken.map((c) => `${c} (pool ${channelPools.get(c)})`).join(', ');
    return {
      applied: false,
      code: 'channel_in_other_pool',
      reason: `channels already sell from another pool: ${owners}`,
    };
  }
  for (const channel of previous?.channels ?? []) channelPools.delete(channel);
  const pool: PoolDefinition = {
    poolId: event.poolId,
    locations: sortByPriority(event.locations),
    channels: [...event.channels].sort(),
    version: (previous?.version ?? 0) + 1,
  };
  pools.set(pool.poolId, pool);
  for (const channel of pool.channels) channelPools.set(channel, pool.poolId);
  return { applied: true, directory: { pools, channelPools }, pool };
}

/** The pool a channel sells from; undefined means the implicit `default` pool. */
export function poolOfChannel(
  directory: PoolDirectory,
  channel: string,
): PoolDefinition | undefined {
  const poolId = directory.channelPools.get(channel);
  return poolId === undefined ? undefined : directory.pools.get(poolId);
}

export function poolIdOfChannel(directory: PoolDirectory, channel: string): string {
  return directory.channelPools.get(channel) ?? DEFAULT_POOL_ID;
}

/** A pool's locations in reservation order: priority 1 first, ties by locationId. */
export function sortByPriority<T extends { locationId: string; priority: number }>(
  locations: readonly T[],
): T[] {
  return [...locations].sort(
    (a, b) =>
      a.priority - b.priority ||
      (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0),
  );
}

/** Where a service reads the current pool directory (the fold of inventory.pools so far). */
export interface PoolDirectorySource {
  current(): PoolDirectory;
}

/** Folds pool messages (inventory.pools, in log order) over a directory; foreign writes are skipped. */
export function foldPoolMessages(
  directory: PoolDirectory,
  messages: readonly LogMessage[],
): PoolDirectory {
  let next = directory;
  for (const message of messages) {
    const event = decodePoolEvent(message.value);
    if (!event) continue;
    const outcome = foldPoolEvent(next, event);
    if (outcome.applied) next = outcome.directory;
  }
  return next;
}
