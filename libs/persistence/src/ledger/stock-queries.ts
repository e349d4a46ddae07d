import { StockSnapshot } from '@stockflow/contracts';
import { LocationStock, StockState, stockSnapshot } from '@stockflow/ledger-core';
import { Queryable } from '../queryable';
import { LocationRow, StockLevelRow, locationFromRow } from './projection-reader';

/** One SKU's state as the fold keeps it, or undefined for an unknown SKU. */
export async function findStockState(db: Queryable, sku: string): Promise<StockState | undefined> {
  const [level] = await db.query<StockLevelRow>(
    'SELECT sku, on_hand, reserved, version FROM stock_levels WHERE sku = $1',
    [sku],
  );
  if (!level) return undefined;
  const rows = await db.query<LocationRow>(
    `SELECT location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming
     FROM stock_locations WHERE sku = $1`,
    [sku],
  );
  const locations: Record<string, LocationStock> = {};
  for (const row of rows) locations[row.location_id] = locationFromRow(row);
  return {
    sku: level.sku,
    locations,
    onHand: Number(level.on_hand),
    reserved: Number(level.reserved),
    version: Number(level.version),
  };
}

/** A page of the skus the ledger knows, in sku order after `after`. */
export async function stockSkusAfter(
  db: Queryable,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ sku: string }>(
    'SELECT sku FROM stock_levels WHERE sku > $1 ORDER BY sku LIMIT $2',
    [after, limit],
  );
  return rows.map((r) => r.sku);
}

export async function findStock(db: Queryable, sku: string): Promise<StockSnapshot | undefined> {
  const state = await findStockState(db, sku);
  return state && stockSnapshot(state);
}

/** One journal entry as the ledger API shows it. */
export interface JournalView {
  eventId: string;
  sku: string;
  version: number;
  type: string;
  channel: string;
  occurredAt: string;
  onHandDelta: number;
  reservedDelta: number;
  /** Null for entries written before quantity states existed. */
  availableDelta: number | null;
  locationDeltas: { locationId: string; delta: number }[];
  stateDeltas: { locationId: string; state: string; delta: number }[] | null;
  reservationId: string | null;
  allocations: { locationId: string; quantity: number }[] | null;
  referenceDocumentUri: string | null;
  wentNegative: boolean;
  recordedAt: string;
}

export interface JournalPage {
  sku: string;
  entries: JournalView[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: number | null;
}

const JOURNAL_COLUMNS = `event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta, available_delta,
  location_deltas, state_deltas, reservation_id, allocations, reference_document_uri, went_negative, recorded_at`;

/** Newest first, keyset-paginated on version (stable while new events arrive). */
export async function findJournal(
  db: Queryable,
  sku: string,
  limit: number,
  before?: number,
): Promise<JournalPage> {
  const rows = await db.query<JournalRow>(
    `SELECT ${JOURNAL_COLUMNS} FROM journal WHERE sku = $1 AND version < $2 ORDER BY version DESC LIMIT $3`,
    [sku, before ?? Number.MAX_SAFE_INTEGER, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    sku,
    entries: page.map(journalView),
    nextBefore: rows.length > limit ? Number(page[page.length - 1].version) : null,
  };
}

export interface ReferencePage {
  referenceDocumentUri: string;
  entries: JournalView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/**
 * recorded_at to the microsecond, as the cursor carries it: a JS Date keeps only
 * milliseconds, and a cursor cut to them skips entries recorded later in the same millisecond.
 */
const CURSOR_TIME = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One document's entries across SKUs and locations, newest recorded first.
 * The cursor is `<recordedAt>|<eventId>`: recorded_at alone is not unique
 * (one batch records many entries in the same instant).
 */
export async function findJournalByReference(
  db: Queryable,
  reference: string,
  limit: number,
  before?: string,
): Promise<ReferencePage> {
  const [at, id] = before ? splitCursor(before) : [null, null];
  const rows = await db.query<JournalRow & { cursor_at: string }>(
    `SELECT ${JOURNAL_COLUMNS}, ${CURSOR_TIME} AS cursor_at FROM journal
     WHERE reference_document_uri = $1 AND ($2::timestamptz IS NULL OR (recorded_at, event_id) < ($2::timestamptz, $3::uuid))
     ORDER BY recorded_at DESC, event_id DESC LIMIT $4`,
    [reference, at, id, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    referenceDocumentUri: reference,
    entries: page.map(journalView),
    nextBefore: rows.length > limit ? `${last.cursor_at}|${last.event_id}` : null,
  };
}

/** The two parts of a findJournalByReference cursor (check it with isReferenceCursor first). */
export function splitCursor(cursor: string): [string, string] {
  const [at, id] = cursor.split('|');
  return [at, id];
}

export function isReferenceCursor(cursor: string): boolean {
  const [at, id] = cursor.split('|');
  return !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id ?? '');
}

/** A journal row as JOURNAL_COLUMNS selects it (bigint columns arrive as strings). */
interface JournalRow {
  event_id: string;
  sku: string;
  version: string | number;
  type: string;
  channel: string;
  occurred_at: Date | string;
  on_hand_delta: string | number;
  reserved_delta: string | number;
  available_delta: string | number | null;
  location_deltas: JournalView['locationDeltas'];
  state_deltas: JournalView['stateDeltas'];
  reservation_id: string | null;
  allocations: JournalView['allocations'];
  reference_document_uri: string | null;
  went_negative: boolean;
  recorded_at: Date | string;
}

function journalView(r: JournalRow): JournalView {
  return {
    eventId: r.event_id,
    sku: r.sku,
    version: Number(r.version),
    type: r.type,
    channel: r.channel,
    occurredAt: new Date(r.occurred_at).toISOString(),
    onHandDelta: Number(r.on_hand_delta),
    reservedDelta: Number(r.reserved_delta),
    availableDelta: r.available_delta === null ? null : Number(r.available_delta),
    locationDeltas: r.location_deltas,
    stateDeltas: r.state_deltas,
    reservationId: r.reservation_id,
    allocations: r.allocations,
    referenceDocumentUri: r.reference_document_uri,
    wentNegative: r.went_negative,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}
