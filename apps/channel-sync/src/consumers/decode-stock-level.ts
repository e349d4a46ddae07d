import { KafkaMessage } from '@stockflow/kafka';
import { SKU_PATTERN, StockLevelMessage } from '@stockflow/contracts';

export type DecodedStockLevel =
  | { ok: true; level: StockLevelMessage }
  | { ok: false; code: 'invalid_json' | 'schema'; reason: string }
  /** A compaction tombstone (null value): deletes a key, carries no state. */
  | { ok: false; code: 'tombstone' };

/**
 * Reads a message of inventory.stock-levels. Channel sync needs only sku,
 * version, available and the locations' available, so only those are checked; anything else about the
 * message is the ledger's business.
 */
export function decodeStockLevel(message: Pick<KafkaMessage, 'key' | 'value'>): DecodedStockLevel {
  if (message.value === null) return { ok: false, code: 'tombstone' };
  let raw: unknown;
  try {
    raw = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      code: 'invalid_json',
      reason: `value is not JSON: ${(error as Error).message}`,
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, code: 'schema', reason: 'value must be a JSON object' };
  }
  const level = raw as Partial<StockLevelMessage>;
  const problems: string[] = [];
  if (typeof level.sku !== 'string' || !SKU_PATTERN.test(level.sku))
    problems.push(`sku must match ${SKU_PATTERN.source}`);
  if (!Number.isSafeInteger(level.version) || level.version! < 1)
    problems.push('version must be a positive integer');
  if (!Number.isSafeInteger(level.available)) problems.push('available must be an integer');
  // Optional only for messages written before locations existed; a channel's pool sums them.
  const locationsOk = (l: unknown[]) =>
    l.every(
      (x) =>
        typeof (x as { locationId?: unknown })?.locationId === 'string' &&
        Number.isSafeInteger((x as { available?: unknown }).available),
    );
  if (
    level.locations !== undefined &&
    !(Array.isArray(level.locations) && locationsOk(level.locations))
  ) {
    problems.push('locations must be an array of {locationId, available (integer)}');
  }
  const key = message.key?.toString();
  // Keyed by SKU so that all of a SKU's versions share a partition; a stray key could reorder them.
  if (problems.length === 0 && key !== level.sku)
    problems.push(`message key ${JSON.stringify(key ?? null)} is not the sku`);
  if (problems.length > 0) return { ok: false, code: 'schema', reason: problems.join('; ') };
  return { ok: true, level: level as StockLevelMessage };
}
