import { InventoryEvent } from '@stockflow/contracts';
import { JournalEntry } from './journal-entry';
import { Refusal, RefusalCode } from './refusal';
import { ReservationState, StockState } from './stock-state';

export type EventOutcome =
  | { applied: true; stock: StockState; reservation?: ReservationState; entry: JournalEntry }
  | { applied: false; refusal: Refusal };

interface Effect {
  locationDeltas: { locationId: string; delta: number }[];
  reservedDelta: number;
  reservation?: ReservationState;
}

/**
 * Applies one event to the state of its SKU (and, for reservation events, to the
 * reservation it names). Pure: the inputs are never modified. An event that would
 * release or fulfil more than its reservation holds is refused whole.
 */
export function foldEvent(
  stock: StockState,
  reservation: ReservationState | undefined,
  event: InventoryEvent,
): EventOutcome {
  const effect = effectOf(stock, reservation, event);
  if ('code' in effect) return { applied: false, refusal: { eventId: event.eventId, sku: event.sku, ...effect } };

  const locations = { ...stock.locations };
  let onHandDelta = 0;
  let wentNegative = false;
  for (const { locationId, delta } of effect.locationDeltas) {
    const next = (locations[locationId] ?? 0) + delta;
    locations[locationId] = next;
    onHandDelta += delta;
    if (delta < 0 && next < 0) wentNegative = true;
  }
  const next: StockState = {
    sku: stock.sku,
    locations,
    onHand: stock.onHand + onHandDelta,
    reserved: stock.reserved + effect.reservedDelta,
    version: stock.version + 1,
  };
  const entry: JournalEntry = {
    eventId: event.eventId,
    sku: event.sku,
    type: event.type,
    channel: event.channel,
    occurredAt: event.occurredAt,
    version: next.version,
    onHandDelta,
    reservedDelta: effect.reservedDelta,
    locationDeltas: effect.locationDeltas.filter((d) => d.delta !== 0),
    reservationId: 'reservationId' in event ? event.reservationId : undefined,
    wentNegative,
  };
  return { applied: true, stock: next, reservation: effect.reservation, entry };
}

function effectOf(
  stock: StockState,
  reservation: ReservationState | undefined,
  event: InventoryEvent,
): Effect | { code: RefusalCode; reason: string } {
  switch (event.type) {
    case 'StockReceived':
      return moves([event.locationId, event.quantity]);
    case 'ItemSold':
      return moves([event.locationId, -event.quantity]);
    case 'StockAdjusted':
      return moves([event.locationId, event.delta]);
    case 'StockCounted':
      return moves([event.locationId, event.countedQuantity - (stock.locations[event.locationId] ?? 0)]);
    case 'StockTransferred':
      return moves([event.fromLocationId, -event.quantity], [event.toLocationId, event.quantity]);
    case 'StockReserved':
      if (reservation) {
        return { code: 'duplicate_reservation', reason: `reservation ${event.reservationId} already exists` };
      }
      return {
        locationDeltas: [],
        reservedDelta: event.quantity,
        reservation: {
          reservationId: event.reservationId,
          sku: event.sku,
          orderId: event.orderId,
          quantity: event.quantity,
          open: event.quantity,
        },
      };
    case 'ReservationReleased':
    case 'ReservationFulfilled': {
      const problem = checkDraw(reservation, event.sku, event.reservationId, event.quantity, event.type);
      if (problem) return problem;
      const drawn = { ...reservation!, open: reservation!.open - event.quantity };
      const locationDeltas =
        event.type === 'ReservationFulfilled' ? [{ locationId: event.locationId, delta: -event.quantity }] : [];
      return { locationDeltas, reservedDelta: -event.quantity, reservation: drawn };
    }
  }
}

function moves(...deltas: [string, number][]): Effect {
  return { locationDeltas: deltas.map(([locationId, delta]) => ({ locationId, delta })), reservedDelta: 0 };
}

function checkDraw(
  reservation: ReservationState | undefined,
  sku: string,
  reservationId: string,
  quantity: number,
  type: 'ReservationReleased' | 'ReservationFulfilled',
): { code: RefusalCode; reason: string } | undefined {
  if (!reservation) return { code: 'unknown_reservation', reason: `reservation ${reservationId} is not open` };
  if (reservation.sku !== sku) {
    return {
      code: 'reservation_sku_mismatch',
      reason: `reservation ${reservationId} belongs to sku ${reservation.sku}, not ${sku}`,
    };
  }
  if (quantity > reservation.open) {
    const verb = type === 'ReservationReleased' ? 'release' : 'fulfil';
    return {
      code: type === 'ReservationReleased' ? 'over_release' : 'over_fulfil',
      reason: `cannot ${verb} ${quantity} of reservation ${reservationId}: only ${reservation.open} open`,
    };
  }
  return undefined;
}
