import { KafkaMessage } from 'kafkajs';
import { InventoryEvent, parseEvent } from '@stockflow/contracts';

export type Decoded =
  | { ok: true; message: KafkaMessage; event: InventoryEvent }
  | { ok: false; message: KafkaMessage; code: 'invalid_json' | 'schema'; reason: string; details?: unknown };

/** Turns raw log messages into contract events; anything else is a poison message with its reason. */
export function decodeMessage(message: KafkaMessage): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return { ok: false, message, code: 'invalid_json', reason: `value is not JSON: ${(error as Error).message}` };
  }
  const parsed = parseEvent(raw);
  if (!parsed.ok) {
    const reason = parsed.errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ');
    return { ok: false, message, code: 'schema', reason, details: parsed.errors };
  }
  const key = message.key?.toString();
  if (key !== parsed.event.sku) {
    // A wrongly keyed event may sit on another partition than its SKU's history,
    // which would break per-SKU ordering: refuse it rather than apply it out of order.
    return { ok: false, message, code: 'schema', reason: `message key ${JSON.stringify(key ?? null)} is not the sku` };
  }
  return { ok: true, message, event: parsed.event };
}
