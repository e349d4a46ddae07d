import { validateSync } from 'class-validator';
import { FieldProblem, flattenValidationErrors } from '../field-problems';
import { EVENT_DTOS } from './event-dtos';
import { fastAccept } from './fast-accept';
import { EVENT_TYPES, EventType, InventoryEvent } from './event-types';

export type FieldError = FieldProblem;

export type ParseResult = { ok: true; event: InventoryEvent } | { ok: false; errors: FieldError[] };

const VALIDATE_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/**
 * Validates one untrusted value against the event contract. Returns every field
 * problem at once (never just the first) so a client can fix a payload in one go.
 */
export function parseEvent(raw: unknown, path = ''): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [{ field: path || '(body)', messages: ['event must be a JSON object'] }],
    };
  }
  return fastAccept(raw as Record<string, unknown>) ? accepted(raw) : validateFully(raw, path);
}

/** The class-validator rules of event-dtos.ts, reporting every problem. */
export function validateFully(raw: object, path = ''): ParseResult {
  const type = (raw as { type?: unknown }).type;
  if (!EVENT_TYPES.includes(type as EventType)) {
    return {
      ok: false,
      errors: [
        { field: join(path, 'type'), messages: [`type must be one of: ${EVENT_TYPES.join(', ')}`] },
      ],
    };
  }
  // A shallow copy, not plainToInstance: class-transformer threw on any nested
  // object with a `constructor` key (e.g. `"metadata":{"constructor":1}`), a
  // poison message for the ledger, and silently dropped top-level keys such as
  // `constructor` or `toString`, letting them through unreported. Such keys can
  // never be contract fields, so they are reported like any unknown field.
  const shadowing = Object.keys(raw).filter((key) => key in Object.prototype);
  const fields = Object.entries(raw).filter(([key]) => !shadowing.includes(key));
  const dto = Object.assign(new EVENT_DTOS[type as EventType](), Object.fromEntries(fields));
  const errors = flattenValidationErrors(validateSync(dto, VALIDATE_OPTIONS), path);
  for (const key of shadowing)
    errors.push({ field: join(path, key), messages: [`property ${key} should not exist`] });
  const transfer = raw as { fromLocationId?: unknown; toLocationId?: unknown };
  // Only compare two present strings: two missing ids are already reported as missing.
  const sameLocation =
    typeof transfer.fromLocationId === 'string' &&
    transfer.fromLocationId === transfer.toLocationId;
  if (type === 'StockTransferred' && sameLocation) {
    errors.push({
      field: join(path, 'toLocationId'),
      messages: ['toLocationId must differ from fromLocationId'],
    });
  }
  errors.push(...crossFieldErrors(type as EventType, raw as Record<string, unknown>, path));
  return errors.length > 0 ? { ok: false, errors } : accepted(raw);
}

/** Rules across fields that class-validator's per-field decorators cannot state. */
function crossFieldErrors(
  type: EventType,
  raw: Record<string, unknown>,
  path: string,
): FieldError[] {
  if (type === 'StockStateChanged' && typeof raw.from === 'string' && raw.from === raw.to) {
    return [{ field: join(path, 'to'), messages: ['to must differ from from'] }];
  }
  if (
    type === 'StockReserved' &&
    Array.isArray(raw.allocations) &&
    Number.isInteger(raw.quantity)
  ) {
    const rows = raw.allocations as { locationId?: unknown; quantity?: unknown }[];
    const sum = rows.reduce(
      (total, a) => total + (typeof a?.quantity === 'number' ? a.quantity : 0),
      0,
    );
    const errors: FieldError[] = [];
    if (sum !== raw.quantity) {
      errors.push({
        field: join(path, 'allocations'),
        messages: [`allocations must add up to quantity (${raw.quantity}); they add up to ${sum}`],
      });
    }
    const ids = rows.map((a) => a?.locationId);
    if (new Set(ids).size !== ids.length) {
      errors.push({
        field: join(path, 'allocations'),
        messages: ['each locationId may appear once in allocations'],
      });
    }
    return errors;
  }
  return [];
}

function accepted(raw: object): ParseResult {
  // UUIDs compare case-insensitively; one spelling keeps dedupe on eventId exact.
  const event = raw as InventoryEvent;
  return { ok: true, event: { ...event, eventId: event.eventId.toLowerCase() } };
}

/** Validates an array of events; the result lists the errors of every element. */
export function parseEvents(
  raw: unknown[],
): { ok: true; events: InventoryEvent[] } | { ok: false; errors: FieldError[] } {
  const events: InventoryEvent[] = [];
  const errors: FieldError[] = [];
  raw.forEach((item, index) => {
    const result = parseEvent(item, `[${index}]`);
    if (result.ok) events.push(result.event);
    else errors.push(...result.errors);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}
