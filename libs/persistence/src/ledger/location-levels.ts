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
