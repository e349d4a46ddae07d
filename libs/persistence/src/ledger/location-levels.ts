import { Queryable } from '../queryable';

/** A SKU's version and per-location available, as readers of stock by pool need it. */
export interface LocationLevel {
  sku: string;
  version: number;
  /** The SKU's total available (on hand less every state that cannot be sold). */
  available: number;
  /** By locationId; `available` is negative where a location is oversold. */
  locations: { locationId: string; available: number }[];
}

interface Row {
  sku: string;
  version: string;
  location_id: string | null;
  available: string | null;
}

// available per location as ledger-core's locationAvailable computes it.
const SELECT = `
  SELECT l.sku, l.version, s.location_id,
         s.on_hand - s.committed - s.reserved - s.damaged - s.quality_control - s.safety_stock AS available
  FROM levels l LEFT JOIN stock_locations s ON s.sku = l.sku
  ORDER BY l.sku, s.location_id`;

/**
 * One page of every SKU's per-location available, in SKU order after `afterSku`
 * (keyset pagination: each page is one index range scan, however many SKUs
 * there are). For a pass over the whole catalog, e.g. after a pool change.
 */
export async function locationLevelsPage(
  db: Queryable,
  afterSku: string,
  limit: number,
): Promise<LocationLevel[]> {
  const rows: Row[] = await db.query(
    `WITH levels AS (SELECT sku, version FROM stock_levels WHERE sku > $1 ORDER BY sku LIMIT $2) ${SELECT}`,
    [afterSku, limit],
  );
  return group(rows);
}

/** The per-location available of the given SKUs (unknown SKUs are absent). */
export async function locationLevelsOf(db: Queryable, skus: string[]): Promise<LocationLevel[]> {
  const rows: Row[] = await db.query(
    `WITH levels AS (SELECT sku, version FROM stock_levels WHERE sku = ANY($1)) ${SELECT}`,
    [skus],
  );
  return group(rows);
}

/** A SKU as hydrating its Redis counter needs it (updatedAt null: the ledger does not know it). */
export interface LedgerAvailability {
  available: number;
  version: number;
  updatedAt: Date | null;
  locations: Record<string, number>;
}

/**
 * Total available (on hand less reserved) and version of each known SKU, and
 * its available per location. Run it in the same REPEATABLE READ transaction
 * as the read of the reservations in flight, so the two agree.
 */
export async function ledgerAvailability(
  db: Queryable,
  skus: string[],
): Promise<Map<string, LedgerAvailability>> {
  const [levels, locations] = await Promise.all([
    db.query<{ sku: string; on_hand: string; reserved: string; version: string; updated_at: Date }>(
      'SELECT sku, on_hand, reserved, version, updated_at FROM stock_levels WHERE sku = ANY($1)',
      [skus],
    ),
    db.query<{ sku: string; location_id: string; available: string }>(
      `SELECT sku, location_id, on_hand - committed - reserved - damaged - quality_control - safety_stock AS available
       FROM stock_locations WHERE sku = ANY($1)`,
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

function group(rows: Row[]): LocationLevel[] {
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
