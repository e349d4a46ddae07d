import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Module,
  NotImplementedException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from './gateway-api.dto';
import {
  CartCancelledDto,
  DeadLetterSummaryDto,
  DlqPageDto,
  DlqQueryDto,
  HoldDto,
  HoldViewDto,
  OrderDto,
  PlaceOrderDto,
  ReplayDto,
} from './proxied-api.dto';

/*
 * The routes the gateway forwards to orders and channel-sync, declared as Nest
 * controllers so @nestjs/swagger documents them like the gateway's own. They
 * live in a module only the docs builder instantiates (never mounted: the
 * reverse proxy serves these paths), hence the handlers that never run.
 */
const proxied = (): never => {
  throw new NotImplementedException('documentation only: the gateway proxies this route');
};
const errors = [401, 403, 404, 502, 504].map((status) => ApiResponse({ status, type: ErrorDto }));
const apply =
  (...decorators: MethodDecorator[]): MethodDecorator =>
  (target, key, descriptor) => {
    for (const d of decorators) d(target, key, descriptor);
  };

@ApiTags('orders (proxied to orders)')
@ApiBearerAuth()
@Controller('v1/orders')
class OrdersDocs {
  @Post()
  @ApiOperation({
    summary: "Place an order for the token's channel",
    description:
      'Async mode: 202 received, decided later. Sync mode: 201 pending or 409 rejected (out_of_stock, nothing reserved).',
  })
  @apply(
    ApiResponse({ status: 202, type: OrderDto }),
    ApiResponse({ status: 201, type: OrderDto }),
    ApiResponse({ status: 409, type: OrderDto }),
    ApiResponse({ status: 400, type: ErrorDto }),
    ...errors,
  )
  place(@Body() _body: PlaceOrderDto): never {
    return proxied();
  }

  @Get(':orderId')
  @ApiOperation({ summary: "An order of the token's channel (others are 404)" })
  @apply(ApiResponse({ status: 200, type: OrderDto }), ...errors)
  get(@Param('orderId') _orderId: string): never {
    return proxied();
  }
}

@ApiTags('carts (proxied to orders)')
@ApiBearerAuth()
@Controller('v1/carts')
class CartsDocs {
  @Post(':cartId/holds')
  @ApiOperation({
    summary: 'Hold stock for a cart for CART_HOLD_TTL_SECONDS',
    description: "Replaces the cart's previous hold of that sku. 409 when not enough stock.",
  })
  @apply(
    ApiResponse({ status: 201, type: HoldViewDto }),
    ApiResponse({ status: 409, type: ErrorDto }),
    ApiResponse({ status: 400, type: ErrorDto }),
    ...errors,
  )
  hold(@Param('cartId') _cartId: string, @Body() _body: HoldDto): never {
    return proxied();
  }

  @Delete(':cartId')
  @ApiOperation({
    summary: 'Cancel a cart: release all its holds',
    description: 'No body; a Content-Type: application/json header without a body is accepted.',
  })
  @apply(ApiResponse({ status: 200, type: CartCancelledDto }), ...errors)
  cancel(@Param('cartId') _cartId: string): never {
    return proxied();
  }
}

@ApiTags('dead letters (proxied to channel-sync)')
@ApiBearerAuth()
@Controller('v1/channels')
class DeadLettersDocs {
  @Get(':channel/dlq')
  @ApiOperation({
    summary: "A channel's dead letters, newest first",
    description: 'Any token; `_input` lists poison stock-level messages.',
  })
  @ApiParam({ name: 'channel', example: 'web' })
  @apply(ApiResponse({ status: 200, type: DlqPageDto }), ...errors)
  list(@Param('channel') _channel: string, @Query() _query: DlqQueryDto): never {
    return proxied();
  }

  @Post(':channel/dlq/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: "Replay a channel's dead letters: sends each SKU's newest state once",
    description: "The channel's operators (its own token by default) or an operator token.",
  })
  @apply(
    ApiResponse({ status: 202, description: 'replay started' }),
    ApiResponse({ status: 409, type: ErrorDto }),
    ...errors,
  )
  replay(@Param('channel') _channel: string, @Body() _body: ReplayDto): never {
    return proxied();
  }

  @Get('dead-letters')
  @ApiOperation({
    summary: "Every channel's dead-letter depth and newest entries (operator token)",
  })
  @apply(ApiResponse({ status: 200, type: DeadLetterSummaryDto }), ...errors)
  summary(): never {
    return proxied();
  }
}

@Module({ controllers: [OrdersDocs, CartsDocs, DeadLettersDocs] })
export class ProxiedRoutesDocsModule {}
