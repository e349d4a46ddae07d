import { StockSnapshot } from '@stockflow/contracts';
import { Queryable } from '../queryable';

export async function findStock(db: Queryable, sku: string): Promise<StockSnapshot | undefined> {
  const [level] = await db.query('SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = $1', [sku]);
  if (!level) return undefined;
  const locations = await db.query(
    'SELECT location_id, on_hand FROM stock_locations WHERE sku = $1 ORDER BY location_id',
    [sku],
  );
  const onHand = Number(level.on_hand);
  const reserved = Number(level.reserved);
  return {
    sku: level.sku,
    onHand,
    reserved,
    available: onHand - reserved,
    locations: locations.map((l: { location_id: string; on_hand: string }) => ({
      locationId: l.location_id,
      onHand: Number(l.on_hand),
    })),
    version: Number(level.version),
  };
}

export interface JournalPage {
  sku: string;
  entries: {
    eventId: string;
    version: number;
    type: string;
    channel: string;
    occurredAt: string;
    onHandDelta: number;
    reservedDelta: number;
    locationDeltas: { locationId: string; delta: number }[];
    reservationId: string | null;
    wentNegative: boolean;
    recordedAt: string;
  }[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** Newest first, keyset-paginated on version (stable while new events arrive). */
export async function findJournal(db: Queryable, sku: string, limit: number, before?: number): Promise<JournalPage> {
  const rows = await db.query(
    `SELECT event_id, version, type, channel, occurred_at, on_hand_delta, reserved_delta, location_deltas,
            reservation_id, went_negative, recorded_at
     FROM journal WHERE sku = $1 AND version < $2 ORDER BY version DESC LIMIT $3`,
    [sku, before ?? Number.MAX_SAFE_INTEGER, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    sku,
    entries: page.map((r: Record<string, any>) => ({
      eventId: r.event_id,
      version: Number(r.version),
      type: r.type,
      channel: r.channel,
      occurredAt: new Date(r.occurred_at).toISOString(),
      onHandDelta: Number(r.on_hand_delta),
      reservedDelta: Number(r.reserved_delta),
      locationDeltas: r.location_deltas,
      reservationId: r.reservation_id,
      wentNegative: r.went_negative,
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
    nextBefore: rows.length > limit ? Number(page[page.length - 1].version) : null,
  };
}
