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

  const e = result.entries;
  const source = e.map((entry) => events.get(entry.eventId)!);
  await db.query(
    `INSERT INTO journal (event_id, sku, version, type, channel, occurred_at, on_hand_delta, reserved_delta,
                          location_deltas, reservation_id, went_negative, event, kafka_partition, kafka_offset)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::bigint[], $4::varchar[], $5::varchar[], $6::timestamptz[],
                          $7::bigint[], $8::bigint[], $9::jsonb[], $10::varchar[], $11::boolean[], $12::json[],
                          $13::int[], $14::bigint[])`,
    [
      e.map((x) => x.eventId),
      e.map((x) => x.sku),
      e.map((x) => x.version),
      e.map((x) => x.type),
      e.map((x) => x.channel),
      e.map((x) => x.occurredAt),
      e.map((x) => x.onHandDelta),
      e.map((x) => x.reservedDelta),
      e.map((x) => JSON.stringify(x.locationDeltas)),
      e.map((x) => x.reservationId ?? null),
      e.map((x) => x.wentNegative),
      source.map((s) => JSON.stringify(s.event)),
      source.map((s) => s.position.partition),
      source.map((s) => s.position.offset),
    ],
  );
}
