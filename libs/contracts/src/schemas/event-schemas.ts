import { EVENT_DTOS } from '../events/event-dtos';
import { EVENT_TYPES, EventType } from '../events/event-types';
import { JsonSchema, schemaOfDto } from './json-schema-from-dtos';

/**
 * Rules parseEvent applies across fields, which JSON Schema cannot state: they
 * are written into the schema's description so a reader sees them.
 */
const EXTRA_RULES: Partial<Record<EventType, string>> = {
  StockTransferred: 'toLocationId must differ from fromLocationId.',
  StockStateChanged: 'to must differ from from.',
  StockReserved: 'allocations, when given, add up to quantity, each locationId once.',
};

/**
 * What a ValidateIf condition decides and the generator cannot read from it:
 * fields it makes required on some types (REFERENCE_REQUIRED in
 * event-dtos.ts), and fields it lets be null.
 */
const REQUIRED_BY_CONDITION: Partial<Record<EventType, string[]>> = {
  StockIncoming: ['referenceDocumentUri'],
  IncomingCancelled: ['referenceDocumentUri'],
};
const NULLABLE_BY_CONDITION: Partial<Record<EventType, string[]>> = {
  StockCounted: ['changeFromQuantity'],
};

/**
 * One JSON Schema per event type, generated from the DTO parseEvent validates
 * that type with (EVENT_DTOS). parseEvent picks the DTO by `type`, so each
 * schema pins `type` to its own value; unknown fields are refused as
 * forbidNonWhitelisted refuses them.
 */
export function eventSchemas(): Record<EventType, JsonSchema> {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => {
      const schema = schemaOfDto(EVENT_DTOS[type], { closed: true });
      const description = [`Event ${type} on inventory.events (key = sku).`, EXTRA_RULES[type]]
        .filter(Boolean)
        .join(' ');
      const properties = { ...schema.properties, type: { type: 'string', enum: [type] } };
      for (const field of NULLABLE_BY_CONDITION[type] ?? []) {
        properties[field] = { anyOf: [properties[field], { type: 'null' }] };
      }
      const required = [...(schema.required ?? []), ...(REQUIRED_BY_CONDITION[type] ?? [])];
      return [type, { ...schema, title: type, description, properties, required }];
    }),
  ) as unknown as Record<EventType, JsonSchema>;
}

/** Any inventory event: exactly one of the per-type schemas (they differ in `type`). */
export function inventoryEventSchema(ref: (type: EventType) => string): JsonSchema {
  return { title: 'InventoryEvent', oneOf: EVENT_TYPES.map((type) => ({ $ref: ref(type) })) };
}
