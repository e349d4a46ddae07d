import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Response shapes of the gateway's own endpoints, for the OpenAPI document
 * only: the handlers return the persistence layer's typed rows, which these
 * mirror field for field (GET /openapi.json is checked against real answers
 * in test/gateway/api-docs.e2e-spec.ts).
 */

export class FieldProblemDto {
  @ApiProperty({ example: 'quantity' }) field: string;
  @ApiProperty({ type: [String], example: ['quantity must not be less than 1'] })
  messages: string[];
}

export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'validation failed' }) message: string;
  @ApiPropertyOptional({
    type: [FieldProblemDto],
    description: 'every field problem at once (400 only)',
  })
  errors?: FieldProblemDto[];
}

export class EventsAcceptedDto {
  @ApiProperty({ example: 1 }) accepted: number;
  @ApiProperty({ type: [String], format: 'uuid' }) eventIds: string[];
  @ApiPropertyOptional({
    enum: [true],
    description:
      'present only when the broker had not acknowledged within EVENTS_ACK_WAIT_MS: the events are held in ' +
      "this gateway process's memory and sent as soon as the broker answers; without it, 202 means durably in the log " +
      '(docs/faults.md)',
  })
  buffered?: true;
}

export class BulkAcceptedDto {
  @ApiProperty({ format: 'uuid' }) bulkId: string;
}

export class BulkErrorDto extends FieldProblemDto {
  @ApiProperty({ description: 'position of the event in the submitted array' }) index: number;
}

export class BulkJobDto {
  @ApiProperty({ format: 'uuid' }) bulkId: string;
  @ApiProperty({ enum: ['processing', 'completed', 'failed'] }) status: string;
  @ApiProperty() total: number;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [BulkErrorDto], description: 'at most 1,000 kept per job' })
  errors: BulkErrorDto[];
}

export class QuantitiesDto {
  @ApiProperty({
    description: 'available + committed + reserved + damaged + quality_control + safety_stock',
  })
  on_hand: number;
  @ApiProperty({ description: 'the only quantity that can be reserved or sold to channels' })
  available: number;
  @ApiProperty({ description: 'order reservations' }) committed: number;
  @ApiProperty({ description: 'cart holds' }) reserved: number;
  @ApiProperty() damaged: number;
  @ApiProperty() quality_control: number;
  @ApiProperty() safety_stock: number;
  @ApiProperty({ description: 'expected against open documents; not on hand' }) incoming: number;
}

export class LocationStockDto {
  @ApiProperty({ example: 'WH-EAST' }) locationId: string;
  @ApiProperty({ example: 5 }) onHand: number;
  @ApiProperty({ example: 1, description: 'committed + held here' }) reserved: number;
  @ApiProperty({ example: 4, description: 'negative when oversold' }) available: number;
  @ApiProperty({ type: QuantitiesDto }) quantities: QuantitiesDto;
}

export class PoolAvailableDto {
  @ApiProperty({ example: 'default' }) poolId: string;
  @ApiProperty({ description: "sum of its locations' available (a location below zero counts 0)" })
  available: number;
}

export class StockDto {
  @ApiProperty({ example: 'TSHIRT-RED-M' }) sku: string;
  @ApiProperty({ example: 5 }) onHand: number;
  @ApiProperty({ example: 1, description: 'quantities.committed + quantities.reserved' })
  reserved: number;
  @ApiProperty({ example: 4, description: 'onHand - reserved' }) available: number;
  @ApiProperty({ type: [LocationStockDto] }) locations: LocationStockDto[];
  @ApiProperty({ type: QuantitiesDto }) quantities: QuantitiesDto;
  @ApiProperty({ type: [PoolAvailableDto] }) pools: PoolAvailableDto[];
  @ApiProperty({ example: 3, description: 'events applied to the SKU so far' }) version: number;
}

export class LocationDeltaDto {
  @ApiProperty() locationId: string;
  @ApiProperty() delta: number;
}

export class JournalEntryDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: 'StockReceived' }) type: string;
  @ApiProperty() channel: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() onHandDelta: number;
  @ApiProperty() reservedDelta: number;
  @ApiProperty({ type: [LocationDeltaDto] }) locationDeltas: LocationDeltaDto[];
  @ApiProperty({ nullable: true, type: String }) reservationId: string | null;
  @ApiProperty() wentNegative: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class JournalPageDto {
  @ApiProperty() sku: string;
  @ApiProperty({ type: [JournalEntryDto], description: 'newest first' }) entries: JournalEntryDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'pass as `before` for the next page' })
  nextBefore: number | null;
}
