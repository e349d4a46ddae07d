import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Request and response shapes of the routes the gateway forwards untouched to
 * orders and channel-sync, for the OpenAPI document only. Their validation
 * lives in those services (apps/orders/src/http/order.dto.ts,
 * apps/channel-sync/src/http/dlq.dto.ts); apps do not import each other, so
 * the documentation states the same rules here.
 */

const CLIENT_ID = { pattern: '^[A-Za-z0-9._-]{1,64}$' };
const SKU = { pattern: '^[A-Za-z0-9._-]{1,64}$', example: 'TSHIRT-RED-M' };

export class OrderLineDto {
  @ApiProperty(SKU) sku: string;
  @ApiProperty({ minimum: 1, maximum: 1_000_000_000, example: 1 }) quantity: number;
}

export class PaymentDto {
  @ApiProperty({
    pattern: '^[A-Za-z0-9_-]{1,64}$',
    example: 'card',
    description: 'CHECKOUT_SYNC_PAYMENT_METHODS always go synchronous',
  })
  method: string;
}

export class PlaceOrderDto {
  @ApiPropertyOptional({
    ...CLIENT_ID,
    description: 'idempotency: the same orderId answers the same order',
  })
  orderId?: string;
  @ApiPropertyOptional({ ...CLIENT_ID, description: "converts this cart's holds" }) cartId?: string;
  @ApiProperty({
    type: [OrderLineDto],
    minItems: 1,
    maxItems: 100,
    description: 'each sku at most once',
  })
  lines: OrderLineDto[];
  @ApiProperty({ type: PaymentDto }) payment: PaymentDto;
}

export class OrderLineViewDto extends OrderLineDto {
  @ApiPropertyOptional({ description: 'once pending' }) reservationId?: string;
}

export class OrderDto {
  @ApiProperty() orderId: string;
  @ApiProperty({ enum: ['received', 'pending', 'rejected'] }) status: string;
  @ApiPropertyOptional({ example: 'out_of_stock' }) reason?: string;
  @ApiProperty({ type: [OrderLineViewDto] }) lines: OrderLineViewDto[];
}

export class HoldDto {
  @ApiProperty(SKU) sku: string;
  @ApiProperty({ minimum: 1, maximum: 1_000_000_000 }) quantity: number;
}

export class HoldViewDto extends HoldDto {
  @ApiProperty() cartId: string;
  @ApiProperty() reservationId: string;
  @ApiProperty({ format: 'date-time', description: 'after CART_HOLD_TTL_SECONDS (default 900)' })
  expiresAt: string;
}

export class CartCancelledDto {
  @ApiProperty() cartId: string;
  @ApiProperty({ description: 'holds released' }) released: number;
}

export class DlqQueryDto {
  @ApiPropertyOptional({
    enum: ['dead', 'replaying', 'replayed', 'replay_failed', 'all'],
    default: 'dead',
  })
  status?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) limit?: number;
  @ApiPropertyOptional({ minimum: 1, description: 'id cursor: `nextBefore` of the previous page' })
  before?: number;
}

export class DeadLetterEntryDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String }) channel: string | null;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty({ example: 'retries_exhausted' }) code: string;
  @ApiProperty() reason: string;
  @ApiProperty() attempts: number;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '{sku, version, available, quantity} channel-sync tried to deliver',
  })
  update: object | null;
  @ApiProperty({ description: 'the request body the adapter sent' }) payload: object;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
  @ApiProperty({ enum: ['dead', 'replaying', 'replayed', 'replay_failed'] }) status: string;
}

export class DlqPageDto {
  @ApiProperty() channel: string;
  @ApiProperty({ type: [DeadLetterEntryDto], description: 'newest first' })
  deadLetters: DeadLetterEntryDto[];
  @ApiProperty({ nullable: true, type: Number }) nextBefore: number | null;
}

export class ReplayDto {
  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 10_000,
    description: "only these SKUs' dead letters; all of the channel's when absent",
  })
  skus?: string[];
}

export class ChannelDeadLettersDto {
  @ApiProperty({ example: 'web' }) channel: string;
  @ApiProperty({ description: 'dead letters waiting for a replay' }) depth: number;
  @ApiProperty({ description: 'false for _input (poison messages cannot be replayed)' })
  replayable: boolean;
  @ApiProperty({ type: [DeadLetterEntryDto], description: 'the newest 5' })
  newest: DeadLetterEntryDto[];
}

export class DeadLetterSummaryDto {
  @ApiProperty({ type: [ChannelDeadLettersDto] }) channels: ChannelDeadLettersDto[];
}
