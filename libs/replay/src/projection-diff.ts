import { Queryable, Snapshot, quoteSchema } from '@stockflow/persistence';

export interface RowDifference {
  key: string;
  /** The row as live has it (null: missing there). */
  live: Record<string, unknown> | null;
  /** The row as the rebuild has it (null: missing there). */
  rebuilt: Record<string, unknown> | null;
}

export interface TableDiff {
  table: string;
  /** How many rows differ in all (only the first `limit` are listed). */
  count: number;
  rows: RowDifference[];
}

export interface DiffOptions {
  liveSchema: string;
  /** Live as of a consistent instant: a snapshot and the offsets it recorded. */
  reference: Snapshot;
  rebuiltSchema: string;
  limit?: number;
}

/**
 * Compares a rebuilt schema with live as of `reference`: stock levels, locations,
 * open reservations (netted ones are compacted out of live, so only open ones
 * are comparable) and the journal up to the reference offsets. Runs as SQL in
 * the database (both schemas live there), so a million rows never cross the wire.
 */
export async function diffProjections(db: Queryable, options: DiffOptions): Promise<TableDiff[]> {
  const live = quoteSchema(options.liveSchema);
  const rebuilt = quoteSchema(options.rebuiltSchema);
  const partitions = [...options.reference.offsets.keys()];
  const offsets = partitions.map((p) => options.reference.offsets.get(p)!.toString());
  const tables: { table: string; live: string; rebuilt: string; params: unknown[] }[] = [
    {
      table: 'stock_levels',
      live: `SELECT sku AS key, on_hand, reserved, version FROM ${live}.snapshot_stock_levels WHERE snapshot_id = $1`,
      rebuilt: `SELECT sku AS key, on_hand, reserved, version FROM ${rebuilt}.stock_levels`,
      params: [options.reference.id],
    },
    {
      table: 'stock_locations',
      live: `SELECT sku || ' @ ' || location_id AS key, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming
             FROM ${live}.snapshot_stock_locations WHERE snapshot_id = $1`,
      rebuilt: `SELECT sku || ' @ ' || location_id AS key, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming FROM ${rebuilt}.stock_locations`,
      params: [options.reference.id],
    },
    {
      table: 'reservations (open)',
      live: `SELECT reservation_id AS key, sku, order_id, quantity, open, kind, allocations
             FROM ${live}.snapshot_reservations WHERE snapshot_id = $1`,
      rebuilt: `SELECT reservation_id AS key, sku, order_id, quantity, open, kind, allocations
                FROM ${rebuilt}.reservations WHERE open > 0`,
      params: [options.reference.id],
    },
    {
      // Pool definitions change rarely and carry no offsets: live's table as it is now.
      table: 'pools',
      live: `SELECT pool_id AS key, locations, channels, version FROM ${live}.pools WHERE $1::bigint IS NOT NULL`,
      rebuilt: `SELECT pool_id AS key, locations, channels, version FROM ${rebuilt}.pools`,
      params: [options.reference.id],
    },
    {
      table: 'journal',
      live: `SELECT ${JOURNAL_COLUMNS} FROM ${live}.journal j
             JOIN unnest($1::int[], $2::bigint[]) AS o(partition, next_offset)
               ON j.kafka_partition = o.partition AND j.kafka_offset < o.next_offset`,
      rebuilt: `SELECT ${JOURNAL_COLUMNS} FROM ${rebuilt}.journal j`,
      params: [partitions, offsets],
    },
  ];
  const diffs: TableDiff[] = [];
  for (const spec of tables) {
    const rows = await db.query<{
      key: string;
      live: RowDifference['live'];
      rebuilt: RowDifference['rebuilt'];
      total: string;
    }>(
      `WITH live AS (${spec.live}), rebuilt AS (${spec.rebuilt})
       SELECT coalesce(l.key, r.key)::text AS key, to_jsonb(l) - 'key' AS live, to_jsonb(r) - 'key' AS rebuilt,
              count(*) OVER () AS total
       FROM live l FULL JOIN rebuilt r ON l.key = r.key
       WHERE l IS DISTINCT FROM r
       ORDER BY 1 LIMIT ${Math.max(1, Math.floor(options.limit ?? 20))}`,
      spec.params,
    );
    diffs.push({
      table: spec.table,
      count: rows.length === 0 ? 0 : Number(rows[0].total),
      rows: rows.map((r) => ({ key: r.key, live: r.live, rebuilt: r.rebuilt })),
    });
  }
  return diffs;
}

/**
 * Everything the ledger derives per event; not recorded_at (wall clock of the
 * write). `event` is stored as json (no equality operator): compared as jsonb.
 */
const JOURNAL_COLUMNS = `j.event_id AS key, j.sku, j.version, j.type, j.channel, j.occurred_at, j.on_hand_delta,
  j.reserved_delta, j.location_deltas, j.reservation_id, j.went_negative, j.event::jsonb AS event, j.kafka_partition, j.kafka_offset,
  j.available_delta, j.state_deltas, j.allocations, j.reference_document_uri`;
