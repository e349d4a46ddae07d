import { Kafka } from 'kafkajs';
import { InventoryEvent } from '@stockflow/contracts';
import { emptyLedger, foldEvents } from '@stockflow/ledger-core';
import { LocationRow, StockLevelRow, locationFromRow } from '@stockflow/persistence';
import { readLogRanges } from '@stockflow/kafka';

interface LocationDump {
  sku: string;
  locationId: string;
  onHand: number;
  committed: number;
  reserved: number;
  damaged: number;
  qualityControl: number;
  safetyStock: number;
  incoming: Record<string, number>;
}

/** Projections in a canonical, comparable form (sorted, numbers not strings). */
export interface ProjectionDump {
  stock: { sku: string; onHand: number; reserved: number; version: number }[];
  locations: LocationDump[];
  reservations: {
    reservationId: string;
    sku: string;
    quantity: number;
    open: number;
    allocations: unknown;
  }[];
  journalRows: number;
}

/** A Queryable (rows) or a pg Pool (`{ rows }`): what the tests read projections through. */
export interface ProjectionSource {
  query(sql: string): Promise<unknown>;
}

interface ReservationRow {
  reservation_id: string;
  sku: string;
  quantity: number;
  open: number;
  allocations: unknown;
}

export async function readProjections(db: ProjectionSource): Promise<ProjectionDump> {
  const [stock, locations, reservations, journal] = await Promise.all([
    rowsOf<StockLevelRow>(
      db,
      'SELECT sku, on_hand, reserved, version FROM stock_levels ORDER BY sku COLLATE "C"',
    ),
    rowsOf<LocationRow & { sku: string }>(
      db,
      `SELECT sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming
       FROM stock_locations ORDER BY sku COLLATE "C", location_id COLLATE "C"`,
    ),
    rowsOf<ReservationRow>(
      db,
      'SELECT reservation_id, sku, quantity, open, allocations FROM reservations ORDER BY reservation_id COLLATE "C"',
    ),
    rowsOf<{ n: number }>(db, 'SELECT count(*)::int AS n FROM journal'),
  ]);
  return {
    stock: stock.map((r) => ({
      sku: r.sku,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      version: Number(r.version),
    })),
    locations: locations.map((r) => ({
      sku: r.sku,
      locationId: r.location_id,
      ...locationFromRow(r),
    })),
    reservations: reservations.map((r) => ({
      reservationId: r.reservation_id,
      sku: r.sku,
      quantity: r.quantity,
      open: r.open,
      allocations: r.allocations,
    })),
    journalRows: journal[0].n,
  };
}

/** A Queryable answers rows; a pg Pool answers `{ rows }`. */
async function rowsOf<Row>(db: ProjectionSource, sql: string): Promise<Row[]> {
  const result = await db.query(sql);
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}

/** What the projections must be: the pure fold of every event, exactly once each. */
/** Every event of `topic` up to `ends` (partition -> end offset), each partition in log order. */
export async function readEventLog(
  kafka: Kafka,
  topic: string,
  ends: Map<number, bigint>,
): Promise<InventoryEvent[]> {
  const byPartition = new Map<number, InventoryEvent[]>();
  await readLogRanges({
    kafka,
    topic,
    ranges: new Map([...ends].map(([p, to]) => [p, { from: 0n, to }])),
    concurrency: 6,
    onBatch: async (partition, messages) => {
      const list = byPartition.get(partition) ?? [];
      for (const m of messages) list.push(JSON.parse(m.value!.toString('utf8')));
      byPartition.set(partition, list);
    },
  });
  return [...byPartition.keys()].sort((a, b) => a - b).flatMap((p) => byPartition.get(p)!);
}

export function expectedProjections(events: InventoryEvent[]): ProjectionDump {
  const { state, entries } = foldEvents(emptyLedger(), events);
  const stock = [...state.stock.values()].sort((a, b) => cmp(a.sku, b.sku));
  return {
    stock: stock.map((s) => ({
      sku: s.sku,
      onHand: s.onHand,
      reserved: s.reserved,
      version: s.version,
    })),
    locations: stock.flatMap((s) =>
      Object.entries(s.locations)
        .sort(([a], [b]) => cmp(a, b))
        .map(([locationId, l]) => ({ sku: s.sku, locationId, ...l })),
    ),
    reservations: [...state.reservations.values()]
      .sort((a, b) => cmp(a.reservationId, b.reservationId))
      .map((r) => ({
        reservationId: r.reservationId,
        sku: r.sku,
        quantity: r.quantity,
        open: r.open,
        allocations: r.allocations,
      })),
    journalRows: entries.length,
  };
}

/** Postgres sorts text by collation; compare in JS the way `ORDER BY ... COLLATE "C"` would. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Produces events straight to the log (key = sku) in large batches. */
export async function produceEvents(
  kafka: Kafka,
  topic: string,
  events: InventoryEvent[],
  chunk = 5000,
): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let i = 0; i < events.length; i += chunk) {
      await producer.send({
        topic,
        acks: -1,
        messages: events.slice(i, i + chunk).map((e) => ({ key: e.sku, value: JSON.stringify(e) })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}
