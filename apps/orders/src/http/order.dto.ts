import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_QUANTITY, SKU_PATTERN } from '@stockflow/contracts';
import { CLIENT_ID_PATTERN } from '@stockflow/reservations';

const CLIENT_ID_MESSAGE = '$property must be 1-64 characters of letters, digits, . _ -';
/** Bounds the Lua script's work and the order's row; large B2B orders go through another path. */
export const MAX_ORDER_LINES = 100;

export class OrderLineDto {
  @IsString()
  @Matches(SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })
  sku: string;

  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity: number;
}

export class PaymentDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'method must be 1-64 characters of letters, digits, _ or -',
  })
  method: string;
}

export class PlaceOrderDto {
  @IsOptional()
  @IsString()
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  orderId?: string;

  @IsOptional()
  @IsString()
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  cartId?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines: OrderLineDto[];

  @IsDefined()
  @ValidateNested()
  @Type(() => PaymentDto)
  payment: PaymentDto;
}

export class OrderParams {
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  orderId: string;
}

export class CartParams {
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  cartId: string;
}

export class HoldDto {
  @IsString()
  @Matches(SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })
  sku: string;

  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity: number;
}
