import { EVENT_DTOS } from '../events/event-dtos';
import { EVENT_TYPES, EventType } from '../events/event-types';
import { JsonSchema, schemaOfDto } from './json-schema-from-dtos';

/**
 * Rules parseEvent applies beyond the DTO decorators, which JSON Schema cannot
 * state: they are written into the schema's description so a reader sees them.
 */
const EXTRA_RULES: Partial<Record<EventType, string>> = {
  StockTransferred: 'toLocationId must differ from fromLocationId.',
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
      return [
        type,
        {
          ...schema,
          title: type,
          description,
          properties: { ...schema.properties, type: { type: 'string', enum: [type] } },
        },
      ];
    }),
  ) as unknown as Record<EventType, JsonSchema>;
}

/** Any inventory event: exactly one of the per-type schemas (they differ in `type`). */
export function inventoryEventSchema(ref: (type: EventType) => string): JsonSchema {
  return { title: 'InventoryEvent', oneOf: EVENT_TYPES.map((type) => ({ $ref: ref(type) })) };
}
