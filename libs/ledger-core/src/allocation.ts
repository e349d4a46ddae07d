import { Allocation } from '@stockflow/contracts';

/** A location a reservation may take from, with what it has available now. */
export interface Candidate {
  locationId: string;
  available: number;
}

/**
 * Takes `quantity` from the candidates in the order given (priority order), each
 * up to its available; a location at or below zero gives nothing. `short` is
 * what the candidates could not cover (0 when the allocation is complete). The
 * reserve script (reserve-order.lua) applies exactly this rule inside Redis;
 * allocation.spec.ts and the Lua agreement test keep the two equal.
 */
export function allocateInOrder(
  candidates: readonly Candidate[],
  quantity: number,
): { allocations: Allocation[]; short: number } {
  const allocations: Allocation[] = [];
  let left = quantity;
  for (const { locationId, available } of candidates) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, available));
    if (take > 0) {
      allocations.push({ locationId, quantity: take });
      left -= take;
    }
  }
  return { allocations, short: left };
}

export interface OrderLineDemand {
  sku: string;
  quantity: number;
}

export type OrderAllocation =
  { ok: true; lines: Allocation[][] } | { ok: false; shortSkus: string[] };

/**
 * All lines of an order or none: each line takes from its SKU's candidates in
 * priority order, lines of one SKU drawing on the same units (what an earlier
 * line took is gone for the next). Refused with every SKU that falls short.
 */
export function allocateOrder(
  lines: readonly OrderLineDemand[],
  candidatesOf: (sku: string) => readonly Candidate[],
): OrderAllocation {
  const left = new Map<string, Candidate[]>();
  const result: Allocation[][] = [];
  const short: string[] = [];
  for (const line of lines) {
    let candidates = left.get(line.sku);
    if (!candidates) {
      candidates = candidatesOf(line.sku).map((c) => ({ ...c }));
      left.set(line.sku, candidates);
    }
    const { allocations, short: missing } = allocateInOrder(candidates, line.quantity);
    if (missing > 0 && !short.includes(line.sku)) short.push(line.sku);
    for (const a of allocations)
      candidates.find((c) => c.locationId === a.locationId)!.available -= a.quantity;
    result.push(allocations);
  }
  return short.length > 0 ? { ok: false, shortSkus: short } : { ok: true, lines: result };
}
