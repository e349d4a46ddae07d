import { PoolEvent } from './pool-types';

/**
 * Reads one message of inventory.pools. Only the gateway writes the topic, after
 * validating the definition, so anything else is a foreign write: readers skip
 * it (and count it) rather than stall every pool change behind it.
 */
export function decodePoolEvent(value: Buffer | string | null): PoolEvent | undefined {
  if (value === null) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString());
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object') return undefined;
  const event = raw as Partial<PoolEvent> & { locations?: unknown; channels?: unknown };
  if (typeof event.poolId !== 'string' || typeof event.eventId !== 'string') return undefined;
  if (event.type === 'PoolDeleted') return event as PoolEvent;
  if (
    event.type !== 'PoolDefined' ||
    !Array.isArray(event.locations) ||
    !Array.isArray(event.channels)
  )
    return undefined;
  const locationsOk = event.locations.every(
    (l: { locationId?: unknown; priority?: unknown }) =>
      typeof l?.locationId === 'string' && Number.isInteger(l?.priority),
  );
  return locationsOk && event.channels.every((c) => typeof c === 'string')
    ? (event as PoolEvent)
    : undefined;
}
