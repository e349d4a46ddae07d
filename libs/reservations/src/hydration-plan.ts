import {
  Allocation,
  ReservationReleased,
  SCHEMA_VERSION,
  StockReserved,
  reservationEventId,
} from '@stockflow/contracts';
import type { InFlightReservation } from '@stockflow/persistence';
import { Counter, RegistryEntry } from './stock-outcomes';

/** The ledger's side of a SKU: available per location at `version` (stock_locations). */
export interface LedgerLevel {
  locations: Record<string, number>;
  version: number;
}

export interface HydrationPlan {
  counter: Counter;
  registry: RegistryEntry[];
  /**
   * Intents counted as reserved although their scripts may not have run: the
   * counter remembers what it took out for each, so a script that runs
   * afterwards takes nothing twice and a refused one gives its units back.
   */
  precounted: { rid: string; allocations: Allocation[] }[];
  /** Events the ledger has not folded, re-published (same eventIds) in case the outbox lost them. */
  republish: string[];
}

/**
 * What a sku's Redis counters must be, per location, from one consistent
 * Postgres snapshot of the ledger's projection (available per location at
 * `version`) and the reservations the orders service issued that the ledger has
 * not folded. Pure.
 *
 * Never oversell a location: an unfolded reservation is subtracted where it was
 * allocated; an unfolded release is given back only when the ledger already
 * folded its reservation. An intent (`reserving`) has no allocation yet: its
 * script may have run on the lost counter at locations nobody knows any more,
 * so it is taken out at EVERY location of the SKU (worst case) until its script
 * settles it (`precounted`, read_counter in Lua). Undersell for that moment only.
 */
export function planHydration(ledger: LedgerLevel, rows: InFlightReservation[]): HydrationPlan {
  const locations = { ...ledger.locations };
  const move = (allocations: readonly Allocation[], sign: 1 | -1) => {
    for (const a of allocations)
      locations[a.locationId] = (locations[a.locationId] ?? 0) + sign * a.quantity;
  };
  const registry: RegistryEntry[] = [];
  const precounted: { rid: string; allocations: Allocation[] }[] = [];
  const republish: string[] = [];
  for (const row of rows) {
    if (row.state === 'reserving') {
      const everywhere = Object.keys(ledger.locations)
        .sort()
        .map((locationId) => ({ locationId, quantity: row.quantity }));
      move(everywhere, -1);
      precounted.push({ rid: row.rid, allocations: everywhere });
      continue;
    }
    if (row.state === 'open') {
      registry.push({
        rid: row.rid,
        quantity: row.quantity,
        kind: row.kind,
        cartId: row.cartId,
        orderId: row.orderId,
        expiresAtMs: row.expiresAt?.getTime() ?? 0,
        channel: row.channel,
        allocations: row.allocations,
      });
      if (!row.reserveFolded) {
        move(row.allocations, -1);
        republish.push(reservedEvent(row));
      }
      continue;
    }
    if (row.releaseFolded) continue;
    if (row.reserveFolded) move(row.allocations, 1);
    else republish.push(reservedEvent(row));
    republish.push(releasedEvent(row));
  }
  const avail = Object.values(locations).reduce((t, v) => t + v, 0);
  return { counter: { avail, ver: ledger.version, locations }, registry, precounted, republish };
}

function reservedEvent(row: InFlightReservation): string {
  const event: StockReserved = {
    eventId: reservationEventId('reserved', row.rid),
    type: 'StockReserved',
    sku: row.sku,
    channel: row.channel,
    occurredAt: row.createdAt.toISOString(),
    schemaVersion: SCHEMA_VERSION,
    reservationId: row.rid,
    quantity: row.quantity,
    ...(row.allocations.length > 0 ? { allocations: row.allocations } : {}),
    ...(row.kind === 'order' && row.orderId ? { orderId: row.orderId } : {}),
  };
  return JSON.stringify(event);
}

function releasedEvent(row: InFlightReservation): string {
  const event: ReservationReleased = {
    eventId: reservationEventId('released', row.rid),
    type: 'ReservationReleased',
    sku: row.sku,
    channel: row.channel,
    occurredAt: row.updatedAt.toISOString(),
    schemaVersion: SCHEMA_VERSION,
    reservationId: row.rid,
    quantity: row.quantity,
    reason: (row.releaseReason ?? 'cart_cancel') as ReservationReleased['reason'],
  };
  return JSON.stringify(event);
}
