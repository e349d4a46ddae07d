import {
  JournalEntry,
  JournalSources,
  ReservationState,
  reservationKind,
} from '@stockflow/ledger-core';
import { copyText } from '../copy-text';
import { Queryable } from '../queryable';
import { SqlTransaction } from '../sql-pool';

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

export interface ReferencePage {
  referenceDocumentUri: string;
  entries: JournalView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/** Whether `cursor` is a ReferencePage's nextBefore (`<recordedAt>|<eventId>`). */
export function isReferenceCursor(cursor: string): boolean {
  const [at, id] = cursor.split('|');
  return !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id ?? '');
}

const VIEW_COLUMNS = `event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta, available_delta,
  location_deltas, state_deltas, reservation_id, allocations, reference_document_uri, went_negative, recorded_at`;

/**
 * recorded_at to the microsecond, as the cursor carries it: a JS Date keeps only
 * milliseconds, and a cursor cut to them skips entries recorded later in the same millisecond.
 */
const CURSOR_TIME = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Every statement on `journal` (migrations LedgerSchema, LocationsAndStates,
 * JournalReservationsIndex): the ledger's append-only record of every applied
 * event, which also makes the fold exactly once (an event id in the journal is
 * applied). Built over the pool or a transaction; `append` (COPY) needs the
 * ledger's transaction, which the type of `db` says.
 */
export class JournalRepository<Db extends Queryable = Queryable> {
  constructor(private readonly db: Db) {}

  /** Which of these event ids the journal already holds (applied before). */
  async appliedOf(eventIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ event_id: string }>(
      'SELECT event_id FROM journal WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  /**
   * Reservations that compaction deleted: the row is gone, their StockReserved
   * entry is still in the journal, and compaction only ever deletes rows whose
   * `open` reached 0. Folding against them as netted (open 0) gives exactly what a
   * replay of the log gives (duplicate_reservation, over_release, over_fulfil),
   * instead of treating the reservationId as never seen.
   */
  async compactedReservations(reservationIds: readonly string[]): Promise<ReservationState[]> {
    if (reservationIds.length === 0) return [];
    const rows = await this.db.query<{
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

  /** Appends entries (COPY), each with the event and log position in `sources`. */
  async append(
    this: JournalRepository<SqlTransaction>,
    entries: readonly JournalEntry[],
    sources: JournalSources,
  ): Promise<void> {
    if (entries.length === 0) return;
    // COPY rather than INSERT: the journal is the biggest write of every batch, and
    // Postgres parses COPY text about three times faster than the json_to_recordset
    // document this used to send (14 parallel arrays were slower still: node-pg
    // escapes every array element in JavaScript).
    const rows = entries.map((entry) => {
      const source = sources.get(entry.eventId)!;
      return [
        entry.eventId,
        entry.sku,
        entry.version,
        entry.type,
        entry.channel,
        entry.occurredAt,
        entry.onHandDelta,
        entry.reservedDelta,
        entry.locationDeltas,
        entry.reservationId ?? null,
        entry.wentNegative,
        source.event,
        source.position.partition,
        source.position.offset,
        entry.availableDelta,
        entry.stateDeltas,
        entry.allocations ?? null,
        entry.referenceDocumentUri ?? null,
      ];
    });
    await this.db.copyFrom(
      `COPY journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,
                     location_deltas, reservation_id, went_negative, event, kafka_partition, kafka_offset,
                     available_delta, state_deltas, allocations, reference_document_uri) FROM STDIN`,
      copyText(rows),
    );
  }

  /** A SKU's entries, newest first, keyset-paginated on version (stable while new events arrive). */
  async pageOfSku(sku: string, limit: number, before?: number): Promise<JournalPage> {
    const rows = await this.db.query<JournalRow>(
      `SELECT ${VIEW_COLUMNS} FROM journal WHERE sku = $1 AND version < $2 ORDER BY version DESC LIMIT $3`,
      [sku, before ?? Number.MAX_SAFE_INTEGER, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      sku,
      entries: page.map(journalView),
      nextBefore: rows.length > limit ? Number(page[page.length - 1].version) : null,
    };
  }

  /**
   * One document's entries across SKUs and locations, newest recorded first.
   * The cursor is `<recordedAt>|<eventId>`: recorded_at alone is not unique
   * (one batch records many entries in the same instant). Check a client's
   * cursor with isReferenceCursor first.
   */
  async pageOfReference(reference: string, limit: number, before?: string): Promise<ReferencePage> {
    const [at, id] = before ? before.split('|') : [null, null];
    const rows = await this.db.query<JournalRow & { cursor_at: string }>(
      `SELECT ${VIEW_COLUMNS}, ${CURSOR_TIME} AS cursor_at FROM journal
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
}

/** A journal row as VIEW_COLUMNS selects it (bigint columns arrive as strings). */
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
