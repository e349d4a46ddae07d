import { InventoryEvent } from './event-types';
import { parseEvent } from './parse-event';

/** The parts of a log record decoding needs (a kafkajs KafkaMessage fits). */
export interface LogMessage {
  key?: Buffer | null;
  value: Buffer | null;
  offset: string;
}

export type DecodedLogMessage<M extends LogMessage = LogMessage> =
  | { ok: true; message: M; event: InventoryEvent }
  | { ok: false; message: M; code: 'invalid_json' | 'schema'; reason: string; details?: unknown };

/** Turns a raw `inventory.events` record into a contract event; anything else is a poison message with its reason. */
export function decodeLogMessage<M extends LogMessage>(message: M): DecodedLogMessage<M> {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return {
      ok: false,
      message,
      code: 'invalid_json',
      reason: `value is not JSON: ${(error as Error).message}`,
    };
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
    return {
      ok: false,
      message,
      code: 'schema',
      reason: `message key ${JSON.stringify(key ?? null)} is not the sku`,
    };
  }
  return { ok: true, message, event: parsed.event };
}
