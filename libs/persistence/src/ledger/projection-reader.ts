import {
  LedgerState,
  LocationStock,
  ReservationAllocation,
  ReservationKind,
  ReservationState,
  StockState,
  reservationKind,
} from '@stockflow/ledger-core';
import { Queryable } from '../queryable';

/**
 * Loads the slice of the projections a batch of events can touch, so the pure
 * fold can run over it. Three indexed lookups per batch, whatever its size.
 */
export async function loadLedgerSlice(
  db: Queryable,
  skus: string[],
  reservationIds: string[],
  eventIds: string[],
): Promise<LedgerState> {
  // Sequential on purpose: inside a transaction they share one connection anyway.
  const levels = await db.query<StockLevelRow>(
    'SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = ANY($1)',
    [skus],
  );
  const locations = await db.query<LocationRow & { sku: string }>(
    `SELECT sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming
     FROM stock_locations WHERE sku = ANY($1)`,
    [skus],
  );
  const reservations =
    reservationIds.length === 0
      ? []
      : await db.query<ReservationRow>(
          `SELECT reservation_id, sku, order_id, quantity, open, kind, allocations
           FROM reservations WHERE reservation_id = ANY($1)`,
          [reservationIds],
        );
  const applied = await db.query<{ event_id: string }>(
    'SELECT event_id FROM journal WHERE event_id = ANY($1::uuid[])',
    [eventIds],
  );
  const stock = new Map<string, StockState>();
  for (const row of levels) {
    stock.set(row.sku, {
      sku: row.sku,
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
      version: Number(row.version),
      locations: {},
    });
  }
  for (const row of locations) {
    const state = stock.get(row.sku);
    if (state)
      (state.locations as Record<string, LocationStock>)[row.location_id] = locationFromRow(row);
  }
  const reservationMap = new Map<string, ReservationState>();
  for (const row of reservations) {
    reservationMap.set(row.reservation_id, {
      reservationId: row.reservation_id,
      sku: row.sku,
      orderId: row.order_id ?? undefined,
      kind: row.kind,
      quantity: row.quantity,
      open: row.open,
      allocations: row.allocations,
    });
  }
  const missing = reservationIds.filter((id) => !reservationMap.has(id));
  for (const netted of await loadCompactedReservations(db, missing))
    reservationMap.set(netted.reservationId, netted);
  return {
    stock,
    reservations: reservationMap,
    applied: new Set(applied.map((r) => r.event_id)),
  };
}

/**
 * Reservations that compaction deleted: the row is gone, their StockReserved
 * entry is still in the journal, and compaction only ever deletes rows whose
 * `open` reached 0. Folding against them as netted (open 0) gives exactly what a
 * replay of the log gives (duplicate_reservation, over_release, over_fulfil),
 * instead of treating the reservationId as never seen.
 */
async function loadCompactedReservations(
  db: Queryable,
  reservationIds: string[],
): Promise<ReservationState[]> {
  if (reservationIds.length === 0) return [];
  const rows = await db.query<{
    reservation_id: string;
    sku: string;
    order_id: string | null;
    quantity: number;
  }>(
    `SELECT reservation_id, sku, event->>'orderId' AS order_id, (event->>'quantity')::int AS quantity
     FROM journal WHERE type = 'StockReserved' AND reservation_id = ANY($1)`,
    [reservationIds],
  );
  return rows.map((row) => ({
    reservationId: row.reservation_id,
    sku: row.sku,
    orderId: row.order_id ?? undefined,
    kind: reservationKind(row.reservation_id),
    quantity: row.quantity,
    open: 0,
    allocations: [],
  }));
}

/** A stock_levels row (bigints arrive as strings). */
export interface StockLevelRow {
  sku: string;
  on_hand: string;
  reserved: string;
  version: string;
}

/** A reservations row. */
interface ReservationRow {
  reservation_id: string;
  sku: string;
  order_id: string | null;
  quantity: number;
  open: number;
  kind: ReservationKind;
  allocations: ReservationAllocation[];
}

/** A stock_locations row (bigints arrive as strings). */
export interface LocationRow {
  location_id: string;
  on_hand: string;
  committed: string;
  reserved: string;
  damaged: string;
  quality_control: string;
  safety_stock: string;
  incoming: Record<string, number>;
}

/** A stock_locations row (bigints arrive as strings) as the fold's LocationStock. */
export function locationFromRow(row: LocationRow): LocationStock {
  return {
    onHand: Number(row.on_hand),
    committed: Number(row.committed),
    reserved: Number(row.reserved),
    damaged: Number(row.damaged),
    qualityControl: Number(row.quality_control),
    safetyStock: Number(row.safety_stock),
    incoming: row.incoming,
  };
}
