import {
  Equals,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateIf,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import {
  EVENT_TYPES,
  EventType,
  MAX_REFERENCE_LENGTH,
  MOVABLE_STATES,
  RELEASE_REASONS,
  SCHEMA_VERSION,
  SETTABLE_QUANTITIES,
  SKU_PATTERN,
} from './event-types';

/** `metadata` rides along on every event and into the journal, so it must stay small. */
export const MAX_METADATA_BYTES = 2048;
/** Upper bound of any quantity: keeps journal deltas within a 32-bit column and catches typos. */
export const MAX_QUANTITY = 1_000_000_000;
/** A reservation split over more locations than this is a mistake, not a plan. */
export const MAX_ALLOCATIONS = 50;
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const ID_MESSAGE = '$property must be 1-128 characters of letters, digits, . _ : -';

function IsSmallJson(maxBytes: number) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSmallJson',
      target: target.constructor,
      propertyName,
      constraints: [maxBytes],
      options: {
        message: (a: ValidationArguments) =>
          `${a.property} must serialize to at most ${maxBytes} bytes`,
      },
      validator: {
        validate: (value: unknown) =>
          value === undefined || Buffer.byteLength(JSON.stringify(value)) <= maxBytes,
      },
    });
}

const REFERENCE_REQUIRED: readonly EventType[] = ['StockIncoming', 'IncomingCancelled'];

/** Fields every event carries. Class-validator rules mirror the contract's table. */
export class EventBaseDto {
  @IsUUID('all')
  eventId: string;

  @IsIn(EVENT_TYPES as unknown as string[])
  type: EventType;

  @IsString()
  @Matches(SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })
  sku: string;

  @IsString()
  @Matches(/^[a-z0-9_-]{1,32}$/, { message: 'channel must be 1-32 characters of a-z, 0-9, _ or -' })
  channel: string;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @Equals(SCHEMA_VERSION)
  schemaVersion: number;

  // Absent is fine; null is not an object (IsOptional would let null through).
  @ValidateIf((o: EventBaseDto) => o.metadata !== undefined)
  @IsObject()
  @IsSmallJson(MAX_METADATA_BYTES)
  metadata?: Record<string, unknown>;

  // Optional, except on the events that are about a document (StockIncoming, IncomingCancelled).
  @ValidateIf(
    (o: EventBaseDto) =>
      o.referenceDocumentUri !== undefined || REFERENCE_REQUIRED.includes(o.type),
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REFERENCE_LENGTH)
  referenceDocumentUri?: string;
}

class LocationEventDto extends EventBaseDto {
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  locationId: string;
}

export class StockReceivedDto extends LocationEventDto {
  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;
}

export class ItemSoldDto extends LocationEventDto {
  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;
}

export class StockAdjustedDto extends LocationEventDto {
  @IsInt() @NotEquals(0) @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) delta: number;

  @IsString() @IsNotEmpty() @MaxLength(64) reason: string;
}

export class StockCountedDto extends LocationEventDto {
  @IsInt() @Min(0) @Max(MAX_QUANTITY) countedQuantity: number;

  @ValidateIf((o: StockCountedDto) => o.name !== undefined)
  @IsIn(SETTABLE_QUANTITIES as unknown as string[])
  name?: string;

  @ValidateIf(
    (o: StockCountedDto) => o.changeFromQuantity !== undefined && o.changeFromQuantity !== null,
  )
  @IsInt()
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  changeFromQuantity?: number | null;
}

/**
 * 1 to MAX_ALLOCATIONS rows of exactly {locationId, quantity}. A custom rule, not
 * ValidateNested: events are validated as the plain objects JSON.parse gives
 * (see parseEvent), and nested DTO classes would need class-transformer there.
 * That they add up to `quantity` is checked in parse-event.ts.
 */
function IsAllocations() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAllocations',
      target: target.constructor,
      propertyName,
      options: {
        message: `allocations must be 1-${MAX_ALLOCATIONS} objects {locationId (${ID_MESSAGE.replace('$property ', '')}), quantity (integer 1-${MAX_QUANTITY})}`,
      },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length >= 1 &&
          value.length <= MAX_ALLOCATIONS &&
          value.every(
            (row) =>
              row !== null &&
              typeof row === 'object' &&
              Object.keys(row).every((k) => k === 'locationId' || k === 'quantity') &&
              typeof row.locationId === 'string' &&
              ID_PATTERN.test(row.locationId) &&
              Number.isInteger(row.quantity) &&
              row.quantity >= 1 &&
              row.quantity <= MAX_QUANTITY,
          ),
      },
    });
}

export class ReservationFulfilledDto extends LocationEventDto {
  @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) reservationId: string;

  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;
}

export class StockReservedDto extends EventBaseDto {
  @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) reservationId: string;

  @ValidateIf((o: StockReservedDto) => o.orderId !== undefined)
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  orderId?: string;

  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;

  @ValidateIf((o: StockReservedDto) => o.allocations !== undefined)
  @IsAllocations()
  allocations?: { locationId: string; quantity: number }[];
}

export class ReservationReleasedDto extends EventBaseDto {
  @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) reservationId: string;

  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;

  @IsIn(RELEASE_REASONS as unknown as string[]) reason: string;
}

export class StockTransferredDto extends EventBaseDto {
  @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) fromLocationId: string;

  @IsString() @Matches(ID_PATTERN, { message: ID_MESSAGE }) toLocationId: string;

  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;
}

export class StockStateChangedDto extends LocationEventDto {
  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;

  @IsIn(MOVABLE_STATES as unknown as string[]) from: string;

  @IsIn(MOVABLE_STATES as unknown as string[]) to: string;
}

export class StockIncomingDto extends LocationEventDto {
  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;

  @ValidateIf((o: StockIncomingDto) => o.expectedAt !== undefined)
  @IsISO8601({ strict: true })
  expectedAt?: string;
}

export class IncomingCancelledDto extends LocationEventDto {
  @IsInt() @Min(1) @Max(MAX_QUANTITY) quantity: number;
}

export const EVENT_DTOS: Record<EventType, new () => EventBaseDto> = {
  StockReceived: StockReceivedDto,
  StockAdjusted: StockAdjustedDto,
  StockCounted: StockCountedDto,
  ItemSold: ItemSoldDto,
  StockReserved: StockReservedDto,
  ReservationReleased: ReservationReleasedDto,
  ReservationFulfilled: ReservationFulfilledDto,
  StockTransferred: StockTransferredDto,
  StockStateChanged: StockStateChangedDto,
  StockIncoming: StockIncomingDto,
  IncomingCancelled: IncomingCancelledDto,
};
