import { Type } from 'class-transformer';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  Allow,
  IsArray,
  IsBase64,
  IsISO8601,
  IsInt,
  IsNumberString,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ChannelDeadLetter, ChannelStockUpdate } from '../channels/channel-dead-letter';
import { DeadLetter } from '../dead-letter';
import { SKU_PATTERN } from '../events/event-types';
import { LocationSnapshot, Quantities, StockLevelMessage } from '../stock-level';

/*
 * The messages Stockflow itself writes to stock-levels and the two DLQs, as
 * class-validator classes so that their JSON Schemas are generated like the
 * events' (schemaOfDto). Each class `implements` the interface its producer
 * writes, so the compiler keeps the two from drifting apart. Producers may add
 * fields (the lead adds pools): these schemas stay open to unknown properties.
 */

/** ValidateIf(x !== null) lets null through validation; the schema must say so too. */
const NULLABLE_STRING = { type: ['string', 'null'] } as never;

export class QuantitiesSchema implements Quantities {
  @IsInt() on_hand: number;
  @IsInt() available: number;
  @IsInt() committed: number;
  @IsInt() reserved: number;
  @IsInt() damaged: number;
  @IsInt() quality_control: number;
  @IsInt() safety_stock: number;
  @IsInt() incoming: number;
}

export class LocationStockSchema implements LocationSnapshot {
  @IsString() locationId: string;
  @IsInt() onHand: number;
  @IsInt() reserved: number;
  @IsInt() available: number;
  @ValidateNested() @Type(() => QuantitiesSchema) quantities: QuantitiesSchema;
}

export class StockLevelMessageSchema implements StockLevelMessage {
  @Matches(SKU_PATTERN) sku: string;
  @IsInt() onHand: number;
  @IsInt() reserved: number;
  @IsInt() available: number;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LocationStockSchema)
  locations: LocationStockSchema[];
  @IsInt() @Min(1) version: number;
  @IsInt() @Min(0) previousVersion: number;
  @ValidateNested() @Type(() => QuantitiesSchema) quantities: QuantitiesSchema;
  @IsInt() externalAvailableDelta: number;
  @IsObject()
  @JSONSchema({ additionalProperties: { type: 'integer' } } as never)
  externalLocationDeltas: Record<string, number>;
  @IsISO8601({ strict: true }) updatedAt: string;
}

export class DeadLetterSchema implements DeadLetter {
  @IsString() reason: string;
  @IsString() code: string;
  @IsString() sourceTopic: string;
  @IsInt() @Min(0) partition: number;
  @IsNumberString() offset: string;
  @ValidateIf((o: DeadLetterSchema) => o.key !== null)
  @IsString()
  @JSONSchema(NULLABLE_STRING)
  key: string | null;
  @IsBase64() originalValue: string;
  @IsISO8601({ strict: true }) failedAt: string;
  @IsOptional() @Allow() details?: unknown;
}

export class ChannelStockUpdateSchema implements ChannelStockUpdate {
  @Matches(SKU_PATTERN) sku: string;
  @IsInt() version: number;
  @IsInt() available: number;
  @IsInt() @Min(0) quantity: number;
}

export class ChannelDeadLetterSchema extends DeadLetterSchema implements ChannelDeadLetter {
  @ValidateIf((o: ChannelDeadLetterSchema) => o.channel !== null)
  @IsString()
  @JSONSchema(NULLABLE_STRING)
  channel: string | null;
  @ValidateIf((o: ChannelDeadLetterSchema) => o.sku !== null)
  @Matches(SKU_PATTERN)
  @JSONSchema(NULLABLE_STRING)
  sku: string | null;
  @IsInt() @Min(0) attempts: number;
  @ValidateIf((o: ChannelDeadLetterSchema) => o.update !== null)
  @ValidateNested()
  @Type(() => ChannelStockUpdateSchema)
  @JSONSchema((schema) => ({ anyOf: [schema, { type: 'null' }] }))
  update: ChannelStockUpdateSchema | null;
  @Allow() payload: unknown;
}
