import { Quantities, StockSnapshot } from '@stockflow/contracts';
import {
  LocationStock,
  StockState,
  incomingTotal,
  locationAvailable,
  locationIds,
} from './stock-state';

export type { Quantities };

export const QUANTITY_NAMES: readonly (keyof Quantities)[] = [
  'on_hand',
  'available',
  'committed',
  'reserved',
  'damaged',
  'quality_control',
  'safety_stock',
  'incoming',
];

export function locationQuantities(l: LocationStock): Quantities {
  return {
    on_hand: l.onHand,
    available: locationAvailable(l),
    committed: l.committed,
    reserved: l.reserved,
    damaged: l.damaged,
    quality_control: l.qualityControl,
    safety_stock: l.safetyStock,
    incoming: incomingTotal(l),
  };
}

export function totalQuantities(state: StockState): Quantities {
  const total = zeroQuantities();
  for (const l of Object.values(state.locations)) {
    const q = locationQuantities(l);
    for (const name of QUANTITY_NAMES) total[name] += q[name];
  }
  return total;
}

export function zeroQuantities(): Quantities {
  return {
    on_hand: 0,
    available: 0,
    committed: 0,
    reserved: 0,
    damaged: 0,
    quality_control: 0,
    safety_stock: 0,
    incoming: 0,
  };
}

/** The SKU as GET /v1/stock/:sku and inventory.stock-levels show it (locations lowest id first). */
export function stockSnapshot(state: StockState): StockSnapshot {
  const locations = locationIds(state).map((locationId) => {
    const quantities = locationQuantities(state.locations[locationId]);
    return {
      locationId,
      onHand: quantities.on_hand,
      reserved: quantities.committed + quantities.reserved,
      available: quantities.available,
      quantities,
    };
  });
  const quantities = totalQuantities(state);
  return {
    sku: state.sku,
    onHand: state.onHand,
    reserved: state.reserved,
    available: quantities.available,
    locations,
    quantities,
    version: state.version,
  };
}
