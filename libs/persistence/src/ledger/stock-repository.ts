import { LocationStock, StockState } from '@stockflow/ledger-core';
import { Queryable } from '../queryable';
import { preparedSql } from '../prepared-statements';

/** A stock_levels row (bigints arrive as strings). */
export interface StockLevelRow {
  sku: string;
  on_hand: string;
  reserved: string;
  version: string;
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

/** A stock_locations row as the fold's LocationStock. */
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

/** A SKU's version and per-location available, as readers of stock by pool need it. */
export interface LocationLevel {
  sku: string;
  version: number;
  /** The SKU's total available (on hand less every state that cannot be sold). */
  available: number;
  /** By locationId; `available` is negative where a location is oversold. */
  locations: { locationId: string; available: number }[];
}

/** A SKU as hydrating its Redis counter needs it (updatedAt null: the ledger does not know it). */
export interface LedgerAvailability {
  available: number;
  version: number;
  updatedAt: Date | null;
  locations: Record<string, number>;
}

const LOCATION_COLUMNS =
  'location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming';

// Available per location as ledger-core's locationAvailable computes it (also in LOCATION_LEVELS).
const LOCATION_AVAILABLE =
  'on_hand - committed - reserved - damaged - quality_control - safety_stock';

// Per-location available of the SKUs a `levels` CTE names, one row per location (or one with nulls).
const LOCATION_LEVELS = `
  SELECT l.sku, l.version, s.location_id,
         s.on_hand - s.committed - s.reserved - s.damaged - s.quality_control - s.safety_stock AS available
  FROM levels l LEFT JOIN stock_locations s ON s.sku = l.sku
  ORDER BY l.sku, s.location_id`;

interface LocationLevelRow {
  sku: string;
  version: string;
  location_id: string | null;
  available: string | null;
}

/**
 * Every statement on `stock_levels` and `stock_locations` (migrations
 * LedgerSchema, LocationsAndStates): one SKU's stock is its stock_levels row
 * and its stock_locations rows, read and written together. Built over the
 * ledger's transaction (the fold's slice and its writes) or the pool (API reads).
 * Snapshots copy both tables with INSERT ... SELECT in SnapshotRepository.
 */
export class StockRepository {
  constructor(private readonly db: Queryable) {}

  /** The fold's state of each given SKU that exists (two indexed lookups, whatever the count). */
  async states(skus: readonly string[]): Promise<Map<string, StockState>> {
    // Sequential on purpose: inside a transaction they share one connection anyway.
    const levels = await this.db.query<StockLevelRow>(
      'SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = ANY($1)',
      [skus],
    );
    const locations = await this.db.query<LocationRow & { sku: string }>(
      `SELECT sku, ${LOCATION_COLUMNS} FROM stock_locations WHERE sku = ANY($1)`,
      [skus],
    );
    const stock = new Map<string, MutableStockState>();
    for (const row of levels) stock.set(row.sku, stateFromRow(row));
    for (const row of locations) {
      const state = stock.get(row.sku);
      if (state) state.locations[row.location_id] = locationFromRow(row);
    }
    return stock;
  }

  /** One SKU's state as the fold keeps it, or undefined for an unknown SKU. */
  async state(sku: string): Promise<StockState | undefined> {
    const [level] = await this.db.query<StockLevelRow>(
      'SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = $1',
      [sku],
    );
    if (!level) return undefined;
    const rows = await this.db.query<LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM stock_locations WHERE sku = $1`,
      [sku],
    );
    const state = stateFromRow(level);
    for (const row of rows) state.locations[row.location_id] = locationFromRow(row);
    return state;
  }

  /** Every SKU the ledger knows (a snapshot restore, a rebuild). */
  async allSkus(): Promise<string[]> {
    const rows = await this.db.query<{ sku: string }>('SELECT sku FROM stock_levels');
    return rows.map((r) => r.sku);
  }

  /** A page of the SKUs the ledger knows, in SKU order after `after`. */
  async skusAfter(after: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ sku: string }>(
      'SELECT sku FROM stock_levels WHERE sku > $1 ORDER BY sku LIMIT $2',
      [after, limit],
    );
    return rows.map((r) => r.sku);
  }

  /** Upserts the given states with their locations: one set-based statement per table (unnest). */
  async save(states: readonly StockState[]): Promise<void> {
    if (states.length === 0) return;
    await this.db.query(
      preparedSql(`INSERT INTO stock_levels (sku, on_hand, reserved, version, updated_at)
       SELECT *, now() FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::bigint[])
       ON CONFLICT (sku) DO UPDATE
         SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,
             version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`),
      [
        states.map((s) => s.sku),
        states.map((s) => s.onHand),
        states.map((s) => s.reserved),
        states.map((s) => s.version),
      ],
    );
    const locations = states.flatMap((s) =>
      Object.entries(s.locations).map(([locationId, l]) => ({ sku: s.sku, locationId, l })),
    );
    if (locations.length === 0) return;
    await this.db.query(
      preparedSql(`INSERT INTO stock_locations (sku, ${LOCATION_COLUMNS})
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],
                            $7::bigint[], $8::bigint[], $9::jsonb[])
       ON CONFLICT (sku, location_id) DO UPDATE
         SET on_hand = EXCLUDED.on_hand, committed = EXCLUDED.committed, reserved = EXCLUDED.reserved,
             damaged = EXCLUDED.damaged, quality_control = EXCLUDED.quality_control,
             safety_stock = EXCLUDED.safety_stock, incoming = EXCLUDED.incoming`),
      [
        locations.map((r) => r.sku),
        locations.map((r) => r.locationId),
        locations.map((r) => r.l.onHand),
        locations.map((r) => r.l.committed),
        locations.map((r) => r.l.reserved),
        locations.map((r) => r.l.damaged),
        locations.map((r) => r.l.qualityControl),
        locations.map((r) => r.l.safetyStock),
        locations.map((r) => JSON.stringify(r.l.incoming)),
      ],
    );
  }

  /**
   * One page of every SKU's per-location available, in SKU order after `afterSku`
   * (keyset pagination: each page is one index range scan, however many SKUs
   * there are). For a pass over the whole catalog, e.g. after a pool change.
   */
  async locationLevelsAfter(afterSku: string, limit: number): Promise<LocationLevel[]> {
    const rows = await this.db.query<LocationLevelRow>(
      `WITH levels AS (SELECT sku, version FROM stock_levels WHERE sku > $1 ORDER BY sku LIMIT $2) ${LOCATION_LEVELS}`,
      [afterSku, limit],
    );
    return groupLocationLevels(rows);
  }

  /** The per-location available of the given SKUs (unknown SKUs are absent). */
  async locationLevelsOf(skus: readonly string[]): Promise<LocationLevel[]> {
    const rows = await this.db.query<LocationLevelRow>(
      `WITH levels AS (SELECT sku, version FROM stock_levels WHERE sku = ANY($1)) ${LOCATION_LEVELS}`,
      [skus],
    );
    return groupLocationLevels(rows);
  }

  /**
   * Total available (on hand less reserved) and version of each known SKU, and
   * its available per location. Run it in the same REPEATABLE READ transaction
   * as the read of the reservations in flight, so the two agree.
   */
  async availability(skus: readonly string[]): Promise<Map<string, LedgerAvailability>> {
    const [levels, locations] = await Promise.all([
      this.db.query<StockLevelRow & { updated_at: Date }>(
        'SELECT sku, on_hand, reserved, version, updated_at FROM stock_levels WHERE sku = ANY($1)',
        [skus],
      ),
      this.db.query<{ sku: string; location_id: string; available: string }>(
        `SELECT sku, location_id, ${LOCATION_AVAILABLE} AS available FROM stock_locations WHERE sku = ANY($1)`,
        [skus],
      ),
    ]);
    const bySku = new Map<string, LedgerAvailability>();
    const of = (sku: string) => {
      let ledger = bySku.get(sku);
      if (!ledger)
        bySku.set(sku, (ledger = { available: 0, version: 0, updatedAt: null, locations: {} }));
      return ledger;
    };
    for (const l of levels) {
      const ledger = of(l.sku);
      ledger.available = Number(l.on_hand) - Number(l.reserved);
      ledger.version = Number(l.version);
      ledger.updatedAt = l.updated_at;
    }
    for (const l of locations) of(l.sku).locations[l.location_id] = Number(l.available);
    return bySku;
  }
}

/** A StockState whose locations are still being filled in from their rows. */
type MutableStockState = StockState & { locations: Record<string, LocationStock> };

function stateFromRow(row: StockLevelRow): MutableStockState {
  return {
    sku: row.sku,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    version: Number(row.version),
    locations: {},
  };
}

function groupLocationLevels(rows: LocationLevelRow[]): LocationLevel[] {
  const levels: LocationLevel[] = [];
  for (const row of rows) {
    let level = levels[levels.length - 1];
    if (!level || level.sku !== row.sku) {
      level = { sku: row.sku, version: Number(row.version), available: 0, locations: [] };
      levels.push(level);
    }
    if (row.location_id === null) continue;
    const available = Number(row.available);
    level.locations.push({ locationId: row.location_id, available });
    level.available += available;
  }
  return levels;
}
