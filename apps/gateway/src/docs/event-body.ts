import { ApiBodyOptions, getSchemaPath } from '@nestjs/swagger';

/**
 * Request body of the event endpoints: one event or an array of them. The
 * event schemas are generated from the validators' DTOs (libs/contracts
 * schemas) and added to the document's components by buildOpenApiDocument.
 */
export const EVENTS_BODY = (maxItems: number): ApiBodyOptions => ({
  schema: {
    oneOf: [
      { $ref: getSchemaPath('InventoryEvent') },
      { type: 'array', minItems: 1, maxItems, items: { $ref: getSchemaPath('InventoryEvent') } },
    ],
  },
});
