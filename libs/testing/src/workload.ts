import { randomUUID } from 'crypto';
import { InventoryEvent } from '@stockflow/contracts';

/** Small deterministic PRNG (mulberry32): a workload is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WorkloadOptions {
  count: number;
  skus: number;
  seed?: number;
  skuPrefix?: string;
  /** Share of events that are re-sent copies of an earlier one (same eventId). */
  duplicateRate?: number;
  /**
   * Share of events that are quantity-state writes (state moves, incoming and its
   * cancels, receipts against a document, compare-and-set counts), some refused;
   * 0 (the default) gives the first wave's mix.
   */
  statesRate?: number;
}

/**
 * A realistic mixed stream of every event type: receipts, POS sales that may go
 * negative, adjustments, counts, transfers, and reservations that later get
 * fulfilled or released — sometimes by more than they hold (refused). A
 * reservation is only ever drawn by events of its own SKU, so the result of a
 * fold does not depend on how SKUs interleave across partitions.
 */
export function generateWorkload(options: WorkloadOptions): InventoryEvent[] {
  const random = seededRandom(options.seed ?? 42);
  const pick = (n: number) => Math.floor(random() * n);
  const prefix = options.skuPrefix ?? 'SKU-';
  const open = new Map<string, { reservationId: string; quantity: number }[]>();
  const events: InventoryEvent[] = [];
  const occurredAt = new Date().toISOString();
  let reservationSeq = 0;

  while (events.length < options.count) {
    if (events.length > 0 && random() < (options.duplicateRate ?? 0.01)) {
      events.push(events[pick(events.length)]);
      continue;
    }
    const sku = `${prefix}${pick(options.skus)}`;
    const base = { eventId: randomUUID(), sku, channel: 'pos', occurredAt, schemaVersion: 1 };
    const location = `L${pick(3)}`;
    if (random() < (options.statesRate ?? 0)) {
      events.push(stateEvent(base, location, pick));
      continue;
    }
    const roll = random();
    const reservations = open.get(sku) ?? [];
    if (roll < 0.3) {
      events.push({ ...base, type: 'StockReceived', locationId: location, quantity: 1 + pick(50) });
    } else if (roll < 0.45) {
      events.push({ ...base, type: 'ItemSold', locationId: location, quantity: 1 + pick(5) });
    } else if (roll < 0.5) {
      events.push({
        ...base,
        type: 'StockAdjusted',
        locationId: location,
        delta: pick(2) ? 1 + pick(5) : -1 - pick(5),
        reason: 'audit',
      });
    } else if (roll < 0.53) {
      events.push({
        ...base,
        type: 'StockCounted',
        locationId: location,
        countedQuantity: pick(100),
      });
    } else if (roll < 0.58) {
      events.push({
        ...base,
        type: 'StockTransferred',
        fromLocationId: location,
        toLocationId: `L${3 + pick(2)}`,
        quantity: 1 + pick(5),
      });
    } else if (roll < 0.8 || reservations.length === 0) {
      const reservation = { reservationId: `${sku}-r${reservationSeq++}`, quantity: 1 + pick(4) };
      reservations.push(reservation);
      open.set(sku, reservations);
      events.push({
        ...base,
        type: 'StockReserved',
        reservationId: reservation.reservationId,
        orderId: `o-${reservationSeq}`,
        quantity: reservation.quantity,
      });
    } else {
      const reservation = reservations.splice(pick(reservations.length), 1)[0];
      // One in ten draws asks for more than the reservation holds: the ledger must refuse it whole.
      const quantity = random() < 0.1 ? reservation.quantity + 1 : reservation.quantity;
      if (random() < 0.5) {
        events.push({
          ...base,
          type: 'ReservationFulfilled',
          reservationId: reservation.reservationId,
          locationId: location,
          quantity,
        });
      } else {
        events.push({
          ...base,
          type: 'ReservationReleased',
          reservationId: reservation.reservationId,
          quantity,
          reason: 'cart_cancel',
        });
      }
    }
  }
  return events;
}

const STATES = ['available', 'damaged', 'quality_control', 'safety_stock'] as const;

/** One quantity-state write: about one in five is refused (moves or cancels larger than their source, stale sets). */
function stateEvent(
  base: {
    eventId: string;
    sku: string;
    channel: string;
    occurredAt: string;
    schemaVersion: number;
  },
  locationId: string,
  pick: (n: number) => number,
): InventoryEvent {
  const referenceDocumentUri = `gid://erp/PurchaseOrder/${pick(20)}`;
  const roll = pick(5);
  if (roll === 0)
    return {
      ...base,
      type: 'StockIncoming',
      locationId,
      quantity: 1 + pick(40),
      referenceDocumentUri,
    };
  if (roll === 1)
    return {
      ...base,
      type: 'IncomingCancelled',
      locationId,
      quantity: 1 + pick(10),
      referenceDocumentUri,
    };
  if (roll === 2)
    return {
      ...base,
      type: 'StockReceived',
      locationId,
      quantity: 1 + pick(30),
      referenceDocumentUri,
    };
  if (roll === 3) {
    const from = STATES[pick(4)];
    const to = STATES.filter((s) => s !== from)[pick(3)];
    return { ...base, type: 'StockStateChanged', locationId, quantity: 1 + pick(5), from, to };
  }
  return {
    ...base,
    type: 'StockCounted',
    locationId,
    countedQuantity: pick(100),
    name: pick(2) ? 'on_hand' : 'available',
    changeFromQuantity: pick(2) ? null : pick(100),
  };
}
