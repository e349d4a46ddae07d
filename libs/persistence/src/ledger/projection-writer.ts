import { InventoryEvent } from '@stockflow/contracts';
import { BatchResult } from '@stockflow/ledger-core';
import { Queryable } from '../queryable';

export interface LogPosition {
  partition: number;
  offset: string;
}

/**
 * Writes what one folded batch changed: SKU rows, location rows, reservations and
 * journal entries, each as one set-based statement (unnest), whatever the batch
 * size. Call it inside the transaction that also moves the consumer offset.
 */
export async function writeBatch(
  db: Queryable,
  result: BatchResult,
  events: ReadonlyMap<string, { event: InventoryEvent; position: LogPosition }>,
): Promise<void> {
  if (result.entries.length === 0) return;
  const states = result.changedSkus.map((sku) => result.state.stock.get(sku)!);
  await db.query(
    `INSERT INTO stock_levels (sku, on_hand, reserved, version, updated_at)
     SELECT *, now() FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::bigint[])
     ON CONFLICT (sku) DO UPDATE
       SET on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved,
           version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [states.map((s) => s.sku), states.map((s) => s.onHand), states.map((s) => s.reserved), states.map((s) => s.version)],
  );

  const locations = states.flatMap((s) => Object.entries(s.locations).map(([loc, qty]) => [s.sku, loc, qty] as const));
  if (locations.length > 0) {
    await db.query(
      `INSERT INTO stock_locations (sku, location_id, on_hand)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::bigint[])
       ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = EXCLUDED.on_hand`,
      [locations.map((l) => l[0]), locations.map((l) => l[1]), locations.map((l) => l[2])],
    );
  }

  const reservations = result.changedReservations.map((id) => result.state.reservations.get(id)!);
  if (reservations.length > 0) {
    await db.query(
      `INSERT INTO reservations (reservation_id, sku, order_id, quantity, open, updated_at)
       SELECT *, now() FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::int[])
       ON CONFLICT (reservation_id) DO UPDATE SET open = EXCLUDED.open, updated_at = EXCLUDED.updated_at`,
      [
        reservations.map((r) => r.reservationId),
        reservations.map((r) => r.sku),
        reservations.map((r) => r.orderId ?? null),
        reservations.map((r) => r.quantity),
        reservations.map((r) => r.open),
      ],
    );
  }

  // One JSON document rather than 14 parallel arrays: node-pg escapes every
  // element of an array parameter in JavaScript, which cost more than the
  // insert itself; JSON.stringify is native and json_to_recordset parses in C.
  const rows = result.entries.map((entry) => {
    const source = events.get(entry.eventId)!;
    return {
      event_id: entry.eventId,
      sku: entry.sku,
      version: entry.version,
      type: entry.type,
      channel: entry.channel,
      occurred_at: entry.occurredAt,
      on_hand_delta: entry.onHandDelta,
      reserved_delta: entry.reservedDelta,
      location_deltas: entry.locationDeltas,
      reservation_id: entry.reservationId ?? null,
      went_negative: entry.wentNegative,
      event: source.event,
      kafka_partition: source.position.partition,
      kafka_offset: source.position.offset,
    };
  });
  await db.query(
    `INSERT INTO journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,
                          location_deltas, reservation_id, went_negative, event, kafka_partition, kafka_offset)
     SELECT * FROM json_to_recordset($1::json) AS r(
       event_id uuid, sku varchar, version bigint, type varchar, channel varchar, occurred_at timestamptz,
       on_hand_delta bigint, reserved_delta bigint, location_deltas jsonb, reservation_id varchar,
       went_negative boolean, event json, kafka_partition int, kafka_offset bigint)`,
    [JSON.stringify(rows)],
  );
}
