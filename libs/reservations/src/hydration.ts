import { DataSource } from 'typeorm';
import { PoolDirectorySource } from '@stockflow/ledger-core';
import { Queryable, sqlPool } from '@stockflow/persistence';
import { InFlightReservation, planHydration } from './hydration-plan';
import { RedisStock } from './redis-stock';
import { reservationMetrics } from './reservation-metrics';

export interface ReservationContext {
  stock: RedisStock;
  db: DataSource;
  /** Which pool each channel sells from (PoolFeed in the orders service); absent = every channel sells from default. */
  pools?: PoolDirectorySource;
}

export interface SkuSnapshot {
  /** updatedAt: when the ledger last changed the sku (null when it does not know it). */
  ledger: {
    available: number;
    version: number;
    updatedAt: Date | null;
    locations: Record<string, number>;
  };
  rows: InFlightReservation[];
}

/**
 * Reads, in one REPEATABLE READ snapshot, the ledger's available/version of each
 * sku and the unsettled reservations the orders service issued for it, with
 * whether the journal already holds their events. Projections and journal move
 * together in the ledger's transactions, so the two always agree.
 */
export async function readSnapshots(
  db: DataSource,
  skus: string[],
): Promise<Map<string, SkuSnapshot>> {
  return sqlPool(db).transaction(async (tx) => {
    const [levels, locations, rows] = await Promise.all([
      tx.query<{
        sku: string;
        on_hand: string;
        reserved: string;
        version: string;
        updated_at: Date;
      }>(
        'SELECT sku, on_hand, reserved, version, updated_at FROM stock_levels WHERE sku = ANY($1)',
        [skus],
      ),
      // available per location, as ledger-core's locationAvailable computes it
      tx.query<{ sku: string; location_id: string; available: string }>(
        `SELECT sku, location_id, on_hand - committed - reserved - damaged - quality_control - safety_stock AS available
         FROM stock_locations WHERE sku = ANY($1)`,
        [skus],
      ),
      inFlight(tx, skus),
    ]);
    const snapshots = new Map<string, SkuSnapshot>(
      skus.map((sku) => [
        sku,
        { ledger: { available: 0, version: 0, updatedAt: null, locations: {} }, rows: [] },
      ]),
    );
    for (const l of levels) {
      const ledger = snapshots.get(l.sku)!.ledger;
      ledger.available = Number(l.on_hand) - Number(l.reserved);
      ledger.version = Number(l.version);
      ledger.updatedAt = l.updated_at;
    }
    for (const l of locations)
      snapshots.get(l.sku)!.ledger.locations[l.location_id] = Number(l.available);
    for (const row of rows) snapshots.get(row.sku)!.rows.push(row);
    return snapshots;
  }, 'REPEATABLE READ');
}

/** An order_reservations row with whether the journal holds its events. */
interface InFlightRow {
  reservation_id: string;
  sku: string;
  quantity: number;
  kind: InFlightReservation['kind'];
  order_id: string | null;
  cart_id: string | null;
  channel: string;
  state: InFlightReservation['state'];
  release_reason: string | null;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  reserve_folded: boolean;
  release_folded: boolean;
  allocations: InFlightReservation['allocations'] | null;
}

async function inFlight(db: Queryable, skus: string[]): Promise<InFlightReservation[]> {
  const rows = await db.query<InFlightRow>(
    `SELECT r.*,
            EXISTS (SELECT 1 FROM journal j WHERE j.event_id = r.reserve_event_id) AS reserve_folded,
            EXISTS (SELECT 1 FROM journal j WHERE j.event_id = r.release_event_id) AS release_folded
     FROM order_reservations r WHERE r.sku = ANY($1) AND NOT r.settled
     ORDER BY r.created_at`,
    [skus],
  );
  return rows.map((r) => ({
    rid: r.reservation_id,
    sku: r.sku,
    quantity: r.quantity,
    kind: r.kind,
    orderId: r.order_id,
    cartId: r.cart_id,
    channel: r.channel,
    state: r.state,
    releaseReason: r.release_reason,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    reserveFolded: r.reserve_folded,
    releaseFolded: r.release_folded,
    allocations: r.allocations ?? [],
  }));
}

/**
 * Rebuilds the counters of the given skus that are missing in Redis. Safe to run
 * concurrently with checkout: a missing counter refuses every reservation of its
 * sku ('missing'), and every reservation the old counter had taken was recorded
 * as an intent before its script ran, so the snapshot taken now includes it.
 * Callers hydrate the counters they need BEFORE recording their own intents.
 * Returns the skus this call wrote.
 */
export async function hydrate(ctx: ReservationContext, skus: string[]): Promise<string[]> {
  const missing = await ctx.stock.missing([...new Set(skus)]);
  if (missing.length === 0) return [];
  const snapshots = await readSnapshots(ctx.db, missing);
  const wrote = await Promise.all(
    missing.map(async (sku) => {
      const snapshot = snapshots.get(sku)!;
      return (await ctx.stock.seed(sku, planHydration(snapshot.ledger, snapshot.rows)))
        ? sku
        : undefined;
    }),
  );
  const written = wrote.filter((sku): sku is string => sku !== undefined);
  reservationMetrics.hydrated.inc(written.length);
  return written;
}

/** Startup: every sku the ledger knows or that has reservations in flight, in pages. */
export async function hydrateAll(ctx: ReservationContext, pageSize = 500): Promise<number> {
  let written = 0;
  let after = '';
  for (;;) {
    const rows = await sqlPool(ctx.db).query<{ sku: string }>(
      `SELECT sku FROM (SELECT sku FROM stock_levels UNION SELECT sku FROM order_reservations WHERE NOT settled) s
       WHERE sku > $1 ORDER BY sku LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return written;
    const skus = rows.map((r) => r.sku);
    written += (await hydrate(ctx, skus)).length;
    after = skus[skus.length - 1];
  }
}
