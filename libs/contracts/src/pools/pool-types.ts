/**
 * Pools: which locations a channel sells from (Magento MSI's stocks, Saleor's
 * channel warehouses). Definitions are events on the one-partition topic
 * `inventory.pools`, key = poolId; every service folds them in the same order
 * (ledger-core's foldPoolEvent), so replay reproduces them.
 */
export const DEFAULT_POOL_ID = 'default';

export interface PoolLocation {
  locationId: string;
  /** 1 = reserved from first; ties go to the lower locationId. */
  priority: number;
}

export interface PoolDefinition {
  poolId: string;
  locations: PoolLocation[];
  channels: string[];
  /** Times the pool was defined: 1 after its first PUT. */
  version: number;
}

interface PoolEventBase<T extends string> {
  eventId: string;
  type: T;
  poolId: string;
  occurredAt: string;
  schemaVersion: 1;
}

export interface PoolDefined extends PoolEventBase<'PoolDefined'> {
  locations: PoolLocation[];
  channels: string[];
}

export type PoolDeleted = PoolEventBase<'PoolDeleted'>;

export type PoolEvent = PoolDefined | PoolDeleted;
