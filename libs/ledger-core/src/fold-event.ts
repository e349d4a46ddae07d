import {
  Allocation,
  InventoryEvent,
  MovableState,
  isCounterReservation,
} from '@stockflow/contracts';
import { allocateInOrder } from './allocation';
import { JournalEntry, StateDelta } from './journal-entry';
import { QUANTITY_NAMES, locationQuantities } from './quantities';
import { Refusal, RefusalCode } from './refusal';
import {
  LocationStock,
  ReservationAllocation,
  ReservationState,
  StockState,
  emptyLocation,
  locationAvailable,
  locationIds,
  reservationKind,
} from './stock-state';

export type EventOutcome =
  | { applied: true; stock: StockState; reservation?: ReservationState; entry: JournalEntry }
  | { applied: false; refusal: Refusal };

type StoredState =
  'onHand' | 'committed' | 'reserved' | 'damaged' | 'qualityControl' | 'safetyStock';

/** One stored quantity of one location moved by delta. */
interface Move {
  locationId: string;
  state: StoredState;
  delta: number;
}

/** Open incoming of one document at one location moved by delta. */
interface IncomingMove {
  locationId: string;
  document: string;
  delta: number;
}

interface Effect {
  moves: Move[];
  incoming?: IncomingMove[];
  reservation?: ReservationState;
  allocations?: Allocation[];
}

type Problem = { code: RefusalCode; reason: string; current?: number };

const STORED_STATE: Record<Exclude<MovableState, 'available'>, StoredState> = {
  damaged: 'damaged',
  quality_control: 'qualityControl',
  safety_stock: 'safetyStock',
};

/**
 * Applies one event to the state of its SKU (and, for reservation events, to the
 * reservation it names). Pure: the inputs are never modified. A refused event
 * changes nothing; the refusal says why.
 */
export function foldEvent(
  stock: StockState,
  reservation: ReservationState | undefined,
  event: InventoryEvent,
): EventOutcome {
  const effect = effectOf(stock, reservation, event);
  if ('code' in effect)
    return { applied: false, refusal: { eventId: event.eventId, sku: event.sku, ...effect } };

  const locations: Record<string, LocationStock> = { ...stock.locations };
  const touched = new Set<string>();
  const own = (id: string): LocationStock & Record<StoredState, number> => {
    if (!touched.has(id)) {
      touched.add(id);
      locations[id] = { ...(stock.locations[id] ?? emptyLocation()) };
    }
    return locations[id] as LocationStock & Record<StoredState, number>;
  };
  let wentNegative = false;
  for (const { locationId, state, delta } of effect.moves) {
    const location = own(locationId);
    location[state] += delta;
    if (state === 'onHand' && delta < 0 && location.onHand < 0) wentNegative = true;
  }
  for (const { locationId, document, delta } of effect.incoming ?? []) {
    const location = own(locationId);
    const incoming = { ...location.incoming };
    const next = (incoming[document] ?? 0) + delta;
    if (next === 0) delete incoming[document];
    else incoming[document] = next;
    location.incoming = incoming;
  }

  const stateDeltas = diffStates(stock, locations, touched);
  const sum = (names: string[]) =>
    stateDeltas.filter((d) => names.includes(d.state)).reduce((t, d) => t + d.delta, 0);
  const onHandDelta = sum(['on_hand']);
  const reservedDelta = sum(['committed', 'reserved']);
  const next: StockState = {
    sku: stock.sku,
    locations,
    onHand: stock.onHand + onHandDelta,
    reserved: stock.reserved + reservedDelta,
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
    reservedDelta,
    availableDelta: sum(['available']),
    locationDeltas: stateDeltas
      .filter((d) => d.state === 'on_hand')
      .map(({ locationId, delta }) => ({ locationId, delta })),
    stateDeltas,
    reservationId: 'reservationId' in event ? event.reservationId : undefined,
    allocations: effect.allocations,
    referenceDocumentUri: event.referenceDocumentUri,
    wentNegative,
  };
  return { applied: true, stock: next, reservation: effect.reservation, entry };
}

function effectOf(
  stock: StockState,
  reservation: ReservationState | undefined,
  event: InventoryEvent,
): Effect | Problem {
  const at = (id: string) => stock.locations[id] ?? emptyLocation();
  switch (event.type) {
    case 'StockReceived': {
      const moves = [onHand(event.locationId, event.quantity)];
      const open = event.referenceDocumentUri
        ? (at(event.locationId).incoming[event.referenceDocumentUri] ?? 0)
        : 0;
      if (open === 0) return { moves };
      const document = event.referenceDocumentUri!;
      return {
        moves,
        incoming: [
          { locationId: event.locationId, document, delta: -Math.min(open, event.quantity) },
        ],
      };
    }
    case 'ItemSold':
      return { moves: [onHand(event.locationId, -event.quantity)] };
    case 'StockAdjusted':
      return { moves: [onHand(event.locationId, event.delta)] };
    case 'StockCounted': {
      const location = at(event.locationId);
      const current = event.name === 'available' ? locationAvailable(location) : location.onHand;
      const expected = event.changeFromQuantity;
      if (expected !== undefined && expected !== null && expected !== current) {
        return {
          code: 'change_from_quantity_stale',
          reason: `${event.name ?? 'on_hand'} at ${event.locationId} is ${current}, not ${expected}`,
          current,
        };
      }
      return { moves: [onHand(event.locationId, event.countedQuantity - current)] };
    }
    case 'StockTransferred':
      return {
        moves: [
          onHand(event.fromLocationId, -event.quantity),
          onHand(event.toLocationId, event.quantity),
        ],
      };
    case 'StockReserved':
      return reserve(stock, reservation, event);
    case 'ReservationReleased':
    case 'ReservationFulfilled': {
      const problem = checkDraw(
        reservation,
        event.sku,
        event.reservationId,
        event.quantity,
        event.type,
      );
      if (problem) return problem;
      const shippedFrom = event.type === 'ReservationFulfilled' ? event.locationId : undefined;
      const { allocations, draws } = draw(reservation!.allocations, event.quantity, shippedFrom);
      const state: StoredState = reservation!.kind === 'hold' ? 'reserved' : 'committed';
      const moves: Move[] = draws.map((d) => ({
        locationId: d.locationId,
        state,
        delta: -d.quantity,
      }));
      if (shippedFrom) moves.push(onHand(shippedFrom, -event.quantity));
      return {
        moves,
        reservation: { ...reservation!, open: reservation!.open - event.quantity, allocations },
      };
    }
    case 'StockStateChanged': {
      const location = at(event.locationId);
      const held =
        event.from === 'available'
          ? locationAvailable(location)
          : location[STORED_STATE[event.from]];
      if (held < event.quantity) {
        return {
          code: 'insufficient_quantity',
          reason: `cannot move ${event.quantity} from ${event.from} at ${event.locationId}: it holds ${held}`,
        };
      }
      const moves: Move[] = [];
      if (event.from !== 'available')
        moves.push({
          locationId: event.locationId,
          state: STORED_STATE[event.from],
          delta: -event.quantity,
        });
      if (event.to !== 'available')
        moves.push({
          locationId: event.locationId,
          state: STORED_STATE[event.to],
          delta: event.quantity,
        });
      return { moves };
    }
    case 'StockIncoming':
      return {
        moves: [],
        incoming: [
          {
            locationId: event.locationId,
            document: event.referenceDocumentUri,
            delta: event.quantity,
          },
        ],
      };
    case 'IncomingCancelled': {
      const open = at(event.locationId).incoming[event.referenceDocumentUri] ?? 0;
      if (event.quantity > open) {
        return {
          code: 'insufficient_quantity',
          reason: `cannot cancel ${event.quantity} incoming of ${event.referenceDocumentUri} at ${event.locationId}: ${open} open`,
        };
      }
      return {
        moves: [],
        incoming: [
          {
            locationId: event.locationId,
            document: event.referenceDocumentUri,
            delta: -event.quantity,
          },
        ],
      };
    }
  }
}

function onHand(locationId: string, delta: number): Move {
  return { locationId, state: 'onHand', delta };
}

/**
 * A reservation takes units at locations. Counter reservations (ord:/hold:)
 * were decided by the Redis counters before they reached the log, so they are
 * facts: applied where they say, even if a concurrent sale left a location short.
 * Any other StockReserved is a channel's claim, applied only if every location it
 * names (or, without allocations, the SKU's locations lowest id first) covers it
 * from available at this point in the log: deterministic on replay, and never
 * more than a location holds. docs/pools.md has the whole rule.
 */
function reserve(
  stock: StockState,
  existing: ReservationState | undefined,
  event: Extract<InventoryEvent, { type: 'StockReserved' }>,
): Effect | Problem {
  if (existing)
    return {
      code: 'duplicate_reservation',
      reason: `reservation ${event.reservationId} already exists`,
    };
  const decidedByCounters = isCounterReservation(event.reservationId);
  const availableAt = (id: string) => locationAvailable(stock.locations[id] ?? emptyLocation());
  let allocations = event.allocations;
  if (!allocations) {
    const candidates = locationIds(stock).map((locationId) => ({
      locationId,
      available: availableAt(locationId),
    }));
    const plan = allocateInOrder(candidates, event.quantity);
    if (plan.short > 0 && !decidedByCounters)
      return insufficient(event.quantity, event.quantity - plan.short);
    allocations = plan.allocations;
    // A checkout reservation of a version before allocations existed: what no
    // location covers stays at the lowest location (it was promised).
    if (plan.short > 0)
      allocations = withRemainder(
        allocations,
        candidates[0]?.locationId ?? 'unassigned',
        plan.short,
      );
  } else if (!decidedByCounters) {
    const short = allocations.find((a) => availableAt(a.locationId) < a.quantity);
    if (short) {
      return {
        code: 'insufficient_available',
        reason: `location ${short.locationId} has ${availableAt(short.locationId)} available, the reservation asks ${short.quantity}`,
      };
    }
  }
  const kind = reservationKind(event.reservationId);
  const state: StoredState = kind === 'hold' ? 'reserved' : 'committed';
  return {
    moves: allocations.map((a) => ({ locationId: a.locationId, state, delta: a.quantity })),
    allocations,
    reservation: {
      reservationId: event.reservationId,
      sku: event.sku,
      orderId: event.orderId,
      kind,
      quantity: event.quantity,
      open: event.quantity,
      allocations: allocations.map((a) => ({ ...a, open: a.quantity })),
    },
  };
}

function insufficient(asked: number, covered: number): Problem {
  return {
    code: 'insufficient_available',
    reason: `the sku's locations have ${covered} available, the reservation asks ${asked}`,
  };
}

function withRemainder(
  allocations: Allocation[],
  locationId: string,
  quantity: number,
): Allocation[] {
  const index = allocations.findIndex((a) => a.locationId === locationId);
  if (index < 0) return [...allocations, { locationId, quantity }];
  return allocations.map((a, i) => (i === index ? { ...a, quantity: a.quantity + quantity } : a));
}

/**
 * Takes `quantity` out of a reservation's open allocations: from the location it
 * ships from first (a fulfilment), then the last-allocated first, so the units a
 * pool's first-priority location holds are the last to be given back.
 */
function draw(
  allocations: readonly ReservationAllocation[],
  quantity: number,
  preferred?: string,
): { allocations: ReservationAllocation[]; draws: Allocation[] } {
  const next = allocations.map((a) => ({ ...a }));
  const order = next.map((_, i) => i).reverse();
  const first = next.findIndex((a) => a.locationId === preferred);
  if (first >= 0) order.sort((a, b) => (a === first ? -1 : b === first ? 1 : 0));
  const draws: Allocation[] = [];
  let left = quantity;
  for (const i of order) {
    const take = Math.min(left, next[i].open);
    if (take === 0) continue;
    next[i].open -= take;
    draws.push({ locationId: next[i].locationId, quantity: take });
    left -= take;
  }
  return { allocations: next, draws };
}

function diffStates(
  before: StockState,
  after: Record<string, LocationStock>,
  touched: Set<string>,
): StateDelta[] {
  const deltas: StateDelta[] = [];
  for (const locationId of touched) {
    const was = locationQuantities(before.locations[locationId] ?? emptyLocation());
    const now = locationQuantities(after[locationId]);
    for (const state of QUANTITY_NAMES) {
      const delta = now[state] - was[state];
      if (delta !== 0) deltas.push({ locationId, state, delta });
    }
  }
  return deltas;
}

function checkDraw(
  reservation: ReservationState | undefined,
  sku: string,
  reservationId: string,
  quantity: number,
  type: 'ReservationReleased' | 'ReservationFulfilled',
): Problem | undefined {
  if (!reservation)
    return { code: 'unknown_reservation', reason: `reservation ${reservationId} is not open` };
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
