import { BatchResult, JournalEntry, JournalSources, LedgerState } from '@stockflow/ledger-core';
import { copyText } from '../copy-text';
import { Queryable } from '../queryable';
import { SqlTransaction } from '../sql-pool';

/**
 * Writes what one folded batch changed: SKU rows, location rows, reservations and
 * journal entries, each as one set-based statement whatever the batch size. Call
 * it inside the transaction that also moves the consumer offset.
 */
export async function writeBatch(
  db: SqlTransaction,
  result: BatchResult,
  sources: JournalSources,
): Promise<void> {
  if (result.entries.length === 0) return;
  await writeProjections(db, result.state, result.changedSkus, result.changedReservations);
  await writeJournal(db, result.entries, sources);
}

/** Upserts the given SKUs (with their locations) and reservations of `state` (unnest). */
export async function writeProjections(
  db: Queryable,
  state: LedgerState,
  skus: readonly string[],
  reservationIds: readonly string[],
): Promise<void> {
  const states = skus.map((sku) => state.stock.get(sku)!);
  await db.query(
    `INSERT INTO stock_levels (sku, on_hand, reserved, version, updated_at)
     SELECT *, now() FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::bigint[])
     ON CONFLICT (sku) DO UPDATE
       SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,
           version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
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
  if (locations.length > 0) {
    await db.query(
      `INSERT INTO stock_locations (sku, location_id, on_hand, committed, reserved, damaged, quality_control, safety_stock, incoming)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],
                            $7::bigint[], $8::bigint[], $9::jsonb[])
       ON CONFLICT (sku, location_id) DO UPDATE
         SET on_hand = EXCLUDED.on_hand, committed = EXCLUDED.committed, reserved = EXCLUDED.reserved,
             damaged = EXCLUDED.damaged, quality_control = EXCLUDED.quality_control,
             safety_stock = EXCLUDED.safety_stock, incoming = EXCLUDED.incoming`,
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

  const reservations = reservationIds.map((id) => state.reservations.get(id)!);
  if (reservations.length > 0) {
    await db.query(
      `INSERT INTO reservations (reservation_id, sku, order_id, quantity, open, kind, allocations, updated_at)
       SELECT *, now() FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::int[], $6::varchar[], $7::jsonb[])
       ON CONFLICT (reservation_id) DO UPDATE
         SET open = EXCLUDED.open, allocations = EXCLUDED.allocations, updated_at = EXCLUDED.updated_at`,
      [
        reservations.map((r) => r.reservationId),
        reservations.map((r) => r.sku),
        reservations.map((r) => r.orderId ?? null),
        reservations.map((r) => r.quantity),
        reservations.map((r) => r.open),
        reservations.map((r) => r.kind),
        reservations.map((r) => JSON.stringify(r.allocations)),
      ],
    );
  }
}

/** Appends journal entries (COPY), each with the event and log position in `sources`. */
export async function writeJournal(
  db: SqlTransaction,
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
  await db.copyFrom(
    `COPY journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,
                   location_deltas, reservation_id, went_negative, event, kafka_partition, kafka_offset,
                   available_delta, state_deltas, allocations, reference_document_uri) FROM STDIN`,
    copyText(rows),
  );
}
