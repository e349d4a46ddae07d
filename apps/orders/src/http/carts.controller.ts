import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Inject,
  Logger,
  Param,
  Post,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import {
  RESERVATIONS,
  ReservationContext,
  cancelCart,
  channelCartId,
  placeHold,
} from '@stockflow/reservations';
import { ChannelAuthGuard, CurrentChannel } from '@stockflow/service-kit';
import { currentTraceHeaders } from '@stockflow/tracing';
import { OrdersConfig } from '../orders.config';
import { CartParams, HoldDto } from './order.dto';

/** Cart holds: reservations that expire after CART_HOLD_TTL_SECONDS unless an order converts them. */
@Controller('v1/carts')
@UseGuards(ChannelAuthGuard)
export class CartsController {
  private readonly logger = new Logger(CartsController.name);

  constructor(
    private readonly config: OrdersConfig,
    @Inject(RESERVATIONS) private readonly reservations: ReservationContext,
  ) {}

  /** Holds `quantity` of `sku` for the cart (replacing its previous hold of that sku). 201, or 409 not enough stock. */
  @Post(':cartId/holds')
  async hold(
    @Param() { cartId }: CartParams,
    @Body() { sku, quantity }: HoldDto,
    @CurrentChannel() channel: string,
  ) {
    const cart = channelCartId(channel, cartId);
    const decision = await this.failClosed(() =>
      placeHold(
        this.reservations,
        { cartId: cart, sku, quantity, channel, trace: currentTraceHeaders() },
        this.config.CART_HOLD_TTL_SECONDS,
        new Date(),
      ),
    );
    if (decision.status === 'insufficient') {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'not enough stock',
        sku,
        available: decision.available,
      });
    }
    const { reservationId, expiresAt, allocations } = decision;
    return {
      cartId,
      sku,
      quantity,
      reservationId,
      expiresAt: expiresAt.toISOString(),
      allocations,
    };
  }

  /** Cart cancel: releases every hold of the cart. */
  @Delete(':cartId')
  async cancel(@Param() { cartId }: CartParams, @CurrentChannel() channel: string) {
    const released = await this.failClosed(() =>
      cancelCart(this.reservations, channelCartId(channel, cartId), new Date()),
    );
    return { cartId, released: released.length };
  }

  private async failClosed<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(`cart operation failed: ${(error as Error).message}`);
      throw new ServiceUnavailableException('stock counters are unavailable right now; retry');
    }
  }
}
