import {
  Body,
  Controller,
  Get,
  Headers,
  NotFoundException,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { EDGE_ORDER_ID_HEADER } from '@stockflow/contracts';
import { CLIENT_ID_PATTERN } from '@stockflow/reservations';
import {
  AllowAccess,
  ChannelAuthGuard,
  CurrentChannel,
  validationFailed,
} from '@stockflow/service-kit';
import { OrderPlacement } from './order-placement';
import { OrderParams, PlaceOrderDto } from './order.dto';

@Controller('v1/orders')
@UseGuards(ChannelAuthGuard)
export class OrdersController {
  constructor(private readonly placement: OrderPlacement) {}

  /**
   * The token's channel places the order for itself. 202 received | 201 pending | 409 rejected.
   * Without an orderId in the body, the one the gateway assigned at the edge is used, so the
   * gateway's retry on another instance is this same order.
   */
  @Post()
  async place(
    @Body() dto: PlaceOrderDto,
    @CurrentChannel() channel: string,
    @Headers(EDGE_ORDER_ID_HEADER) edgeOrderId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const repeated = dto.lines.map((l) => l.sku).filter((sku, i, all) => all.indexOf(sku) !== i);
    if (repeated.length > 0) {
      throw validationFailed([
        {
          field: 'lines',
          messages: [`each sku may appear once; repeated: ${[...new Set(repeated)].join(', ')}`],
        },
      ]);
    }
    const orderId =
      dto.orderId ?? (edgeOrderId && CLIENT_ID_PATTERN.test(edgeOrderId) ? edgeOrderId : undefined);
    const { code, view } = await this.placement.place({ ...dto, orderId }, channel);
    reply.status(code);
    return view;
  }

  /** Orders of another channel are not found, as if they did not exist; an operator sees them all. */
  @Get(':orderId')
  @AllowAccess('read')
  async get(@Param() { orderId }: OrderParams, @CurrentChannel() channel: string | undefined) {
    const view = await this.placement.view(orderId, channel);
    if (!view) throw new NotFoundException(`unknown order ${orderId}`);
    return view;
  }
}
