import { DataSource } from 'typeorm';
import { PoolDirectorySource } from '@stockflow/ledger-core';
import {
  InFlightReservation,
  LedgerAvailability,
  OrderReservationRepository,
  StockRepository,
  sqlPool,
} from '@stockflow/persistence';
import { planHydration } from './hydration-plan';
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
  ledger: LedgerAvailability;
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
    const [ledgers, rows] = await Promise.all([
      new StockRepository(tx).availability(skus),
      new OrderReservationRepository(tx).inFlight(skus),
    ]);
    const snapshots = new Map<string, SkuSnapshot>(
      skus.map((sku) => [
        sku,
        {
          ledger: ledgers.get(sku) ?? { available: 0, version: 0, updatedAt: null, locations: {} },
          rows: [],
        },
      ]),
    );
    for (const row of rows) snapshots.get(row.sku)!.rows.push(row);
    return snapshots;
  }, 'REPEATABLE READ');
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
    const skus = await new OrderReservationRepository(sqlPool(ctx.db)).skusAfter(after, pageSize);
    if (skus.length === 0) return written;
    written += (await hydrate(ctx, skus)).length;
    after = skus[skus.length - 1];
  }
}
