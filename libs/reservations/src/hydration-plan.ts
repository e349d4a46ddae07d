import { ReservationReleased, SCHEMA_VERSION, StockReserved } from '@stockflow/contracts';
import { reservationEventId } from './reservation-ids';
import { Counter, RegistryEntry } from './redis-stock';

/** An unsettled order_reservations row, with what the ledger's journal already holds of it. */
export interface InFlightReservation {
  rid: string;
  sku: string;
  quantity: number;
  kind: 'order' | 'hold';
  orderId: string | null;
  cartId: string | null;
  channel: string;
  state: 'reserving' | 'open' | 'released';
  releaseReason: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  reserveFolded: boolean;
  releaseFolded: boolean;
}

export interface HydrationPlan {
  counter: Counter;
  registry: RegistryEntry[];
  /**
   * Intents counted as reserved although their scripts may not have run: the
   * counter remembers them, so a script that runs afterwards takes nothing twice
   * and a refused one gives its units back.
   */
  precounted: { rid: string; quantity: number }[];
  /** Events the ledger has not folded, re-published (same eventIds) in case the outbox lost them. */
  republish: string[];
}

/**
 * What a sku's Redis counter must be, from one consistent Postgres snapshot of
 * the ledger's projection (available at `version`) and the reservations the
 * orders service issued that the ledger has not folded. Pure.
 *
 * Never oversell: an intent (`reserving`) counts as reserved, whether its script
 * ran on the lost counter or will run on this one (`precounted` settles which);
 * an unfolded reservation is subtracted; an unfolded release is given back only
 * when the ledger already folded its reservation.
 */
export function planHydration(ledger: { available: number; version: number }, rows: InFlightReservation[]): HydrationPlan {
  let avail = ledger.available;
  const registry: RegistryEntry[] = [];
  const precounted: { rid: string; quantity: number }[] = [];
  const republish: string[] = [];
  for (const row of rows) {
    if (row.state === 'reserving') {
      avail -= row.quantity;
      precounted.push({ rid: row.rid, quantity: row.quantity });
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
      });
      if (!row.reserveFolded) {
        avail -= row.quantity;
        republish.push(reservedEvent(row));
      }
      continue;
    }
    if (row.releaseFolded) continue;
    if (row.reserveFolded) avail += row.quantity;
    else republish.push(reservedEvent(row));
    republish.push(releasedEvent(row));
  }
  return { counter: { avail, ver: ledger.version }, registry, precounted, republish };
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
