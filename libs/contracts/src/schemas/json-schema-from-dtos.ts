import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { MAX_ALLOCATIONS, MAX_METADATA_BYTES, MAX_QUANTITY } from '../events/event-dtos';

// class-transformer keeps its @Type() metadata here and exports no typed path to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonSchema = Record<string, any>;

/**
 * Where class-validator-jsonschema's defaults would lose a rule the validators
 * apply. Min/Max default to `type: number`, which merged over IsInt would let
 * 1.5 through; our custom isSmallJson has no JSON Schema counterpart (size is
 * not expressible), so it is described rather than dropped.
 */
const CONVERTERS: ISchemaConverters = {
  min: (meta) => ({ minimum: meta.constraints[0] }),
  max: (meta) => ({ maximum: meta.constraints[0] }),
  // Standard base64 (what IsBase64 accepts by default), as a pattern: "base64" is no JSON Schema format.
  isBase64: {
    type: 'string',
    pattern: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
  },
  isSmallJson: (meta) => ({
    type: 'object',
    description: `at most ${meta.constraints[0] ?? MAX_METADATA_BYTES} bytes as JSON`,
  }),
  // The custom isAllocations rule of StockReserved, stated as the schema it checks by hand.
  isAllocations: {
    type: 'array',
    minItems: 1,
    maxItems: MAX_ALLOCATIONS,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['locationId', 'quantity'],
      properties: {
        locationId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
        quantity: { type: 'integer', minimum: 1, maximum: MAX_QUANTITY },
      },
    },
  },
  [ValidationTypes.CUSTOM_VALIDATION]: {},
};

/**
 * The JSON Schema of a class-validator DTO, from the very decorators its
 * validator runs (inherited ones included), nested DTOs inlined. With
 * `closed`, unknown properties are refused, as validation with
 * forbidNonWhitelisted does.
 */
export function schemaOfDto(dto: new () => object, options: { closed?: boolean } = {}): JsonSchema {
  const schema = targetConstructorToSchema(dto, {
    additionalConverters: CONVERTERS,
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as JsonSchema;
  return options.closed ? { ...schema, additionalProperties: false } : schema;
}
