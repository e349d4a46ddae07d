import { randomUUID } from 'node:crypto';
import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { FastifyReply } from 'fastify';
import {
  MAX_QUANTITY,
  MAX_REFERENCE_LENGTH,
  SETTABLE_QUANTITIES,
  SKU_PATTERN,
  SettableQuantity,
  StockCounted,
} from '@stockflow/contracts';
import { ChannelAuthGuard, CurrentChannel } from '@stockflow/service-kit';
import { EventIngest } from '../events/event-ingest';
import { EventResults } from '../events/event-results.consumer';

/** How long a set waits for the ledger before answering 202 (the set is then still decided, in log order). */
const SET_WAIT_MS = 10_000;

class SkuParams {
  @Matches(SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })
  sku: string;
}

class SetQuantityDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, {
    message: 'locationId must be 1-128 characters of letters, digits, . _ : -',
  })
  locationId: string;

  @IsIn(SETTABLE_QUANTITIES as unknown as string[], {
    message: 'name must be on_hand or available',
  })
  name: SettableQuantity;

  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity: number;

  /** The value the caller believes current; null = no check. Required (absent is a 400), so a blind set is a choice. */
  @ValidateIf((o: SetQuantityDto) => o.changeFromQuantity !== null)
  @IsInt({ message: 'changeFromQuantity must be an integer or null' })
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  changeFromQuantity: number | null;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REFERENCE_LENGTH)
  referenceDocumentUri?: string;
}

/**
 * Compare-and-set of a quantity (Shopify's inventorySetQuantities): a
 * StockCounted with `name` and `changeFromQuantity`, decided by the ledger in log
 * order, so two sets from the same `changeFromQuantity` cannot both apply. The
 * answer waits for the decision (read-your-writes through inventory.event-results).
 */
@Controller('v1/stock')
@UseGuards(ChannelAuthGuard)
export class SetQuantityController {
  constructor(
    private readonly ingest: EventIngest,
    private readonly results: EventResults,
  ) {}

  @Post(':sku/set')
  @HttpCode(200)
  async set(
    @Param() { sku }: SkuParams,
    @Body() body: SetQuantityDto,
    @CurrentChannel() channel: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const event: StockCounted = {
      eventId: randomUUID(),
      type: 'StockCounted',
      sku,
      channel,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      locationId: body.locationId,
      countedQuantity: body.quantity,
      name: body.name,
      changeFromQuantity: body.changeFromQuantity,
      ...(body.referenceDocumentUri !== undefined && {
        referenceDocumentUri: body.referenceDocumentUri,
      }),
    };
    const decided = await this.results.await([event.eventId], SET_WAIT_MS, () =>
      this.ingest.publish([event], this.results.instanceId),
    );
    const result = decided?.get(event.eventId);
    if (!result) {
      reply.status(202);
      return {
        applied: null,
        eventId: event.eventId,
        status: 'pending',
        message: `not decided within ${SET_WAIT_MS} ms; see GET /v1/stock/${sku}/ledger`,
      };
    }
    if (result.outcome === 'refused' && result.code === 'change_from_quantity_stale') {
      throw new ConflictException({
        statusCode: 409,
        code: 'CHANGE_FROM_QUANTITY_STALE',
        current: result.current,
        message: result.reason,
      });
    }
    if (result.outcome !== 'applied') {
      throw new ConflictException({
        statusCode: 409,
        code: (result.code ?? result.outcome).toUpperCase(),
        message: result.reason ?? result.outcome,
      });
    }
    const delta = body.name === 'available' ? result.availableDelta : result.onHandDelta;
    return { applied: true, delta, version: result.version, eventId: event.eventId };
  }
}
