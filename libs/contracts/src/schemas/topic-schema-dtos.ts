import { Type } from 'class-transformer';
import {
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EventOutcomeName, EventResultMessage } from '../event-results';
import { SKU_PATTERN } from '../events/event-types';
import { PoolLocationDto } from '../pools/pool-dtos';
import { PoolDefined, PoolDeleted } from '../pools/pool-types';

/*
 * Messages of the topics added with pools and read-your-writes, described like
 * those of message-schema-dtos.ts. The pool events reuse PoolLocationDto, the
 * rule PUT /v1/pools validates locations with; event results implement
 * EventResultMessage. Channel availability follows the contract
 * (shared/ARCHITECTURE.md) until its interface exists, then it should implement it.
 */

const CHANNEL = /^[a-z0-9_-]{1,32}$/;
const POOL_ID = /^[A-Za-z0-9._:-]{1,128}$/;

class PoolEventSchemaBase {
  @IsUUID('all') eventId: string;
  @Matches(POOL_ID) poolId: string;
  @IsISO8601({ strict: true }) occurredAt: string;
  @Equals(1) schemaVersion: 1;
}

export class PoolDefinedSchema extends PoolEventSchemaBase implements PoolDefined {
  @IsIn(['PoolDefined']) type: 'PoolDefined';
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PoolLocationDto)
  locations: PoolLocationDto[];
  @IsArray() @Matches(CHANNEL, { each: true }) channels: string[];
}

export class PoolDeletedSchema extends PoolEventSchemaBase implements PoolDeleted {
  @IsIn(['PoolDeleted']) type: 'PoolDeleted';
}

export class ChannelAvailabilitySchema {
  @Matches(CHANNEL) channel: string;
  @Matches(POOL_ID) poolId: string;
  @Matches(SKU_PATTERN) sku: string;
  @IsInt() available: number;
  @IsInt() @Min(0) sellable: number;
  @IsInt() @Min(0) version: number;
}

export class EventResultSchema implements EventResultMessage {
  @IsString() replyTo: string;
  @IsUUID('all') eventId: string;
  @ValidateIf((o: EventResultSchema) => o.sku !== undefined) @Matches(SKU_PATTERN) sku?: string;
  @IsIn(['applied', 'duplicate', 'refused']) outcome: EventOutcomeName;
  @ValidateIf((o: EventResultSchema) => o.code !== undefined) @IsString() code?: string;
  @ValidateIf((o: EventResultSchema) => o.reason !== undefined) @IsString() reason?: string;
  @ValidateIf((o: EventResultSchema) => o.current !== undefined) @IsInt() current?: number;
  @ValidateIf((o: EventResultSchema) => o.version !== undefined) @IsInt() version?: number;
  @ValidateIf((o: EventResultSchema) => o.onHandDelta !== undefined) @IsInt() onHandDelta?: number;
  @ValidateIf((o: EventResultSchema) => o.availableDelta !== undefined)
  @IsInt()
  availableDelta?: number;
}

/** PoolDefined or PoolDeleted, told apart by `type`. */
export const POOL_EVENT_SCHEMA = {
  title: 'PoolEvent',
  oneOf: [
    { $ref: '#/components/schemas/PoolDefined' },
    { $ref: '#/components/schemas/PoolDeleted' },
  ],
};
