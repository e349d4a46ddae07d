import { Controller, Get, Headers, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrderRepository } from '@stockflow/persistence';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';
import { DeadLetterSummaryDto } from '../docs/proxied-api.dto';
import { ConsumerLagPageDto, OrdersWindowDto, ServicesDto, SessionDto } from '../docs/ops-api.dto';
import { ConsumerLagSource } from './consumer-lag-source';
import { DeadLetterSummary } from './dead-letter-summary';
import { OrdersWindowQuery } from './ops.dto';
import { ServiceHealth } from './service-health';

/**
 * Operator endpoints behind the console: operator tokens only (a channel token
 * gets 403, none 401). Each answers one console section and is cheap enough
 * to poll every few seconds.
 */
@ApiTags('operator')
@ApiBearerAuth()
@Controller('v1/ops')
@UseGuards(ChannelAuthGuard)
@AllowAccess('operator')
export class OpsController {
  constructor(
    private readonly health: ServiceHealth,
    private readonly lag: ConsumerLagSource,
    private readonly deadLetters: DeadLetterSummary,
    private readonly orderRepository: OrderRepository,
  ) {}

  /** The console's sign-in check: 200 only for an operator token. */
  @Get('session')
  @ApiOperation({
    summary: 'Whether the token is an operator token (the console signs in with it)',
  })
  @ApiOkResponse({ type: SessionDto })
  session() {
    return { role: 'operator' };
  }

  @Get('services')
  @ApiOperation({ summary: 'Readiness of every service (GET /health/ready of each)' })
  @ApiOkResponse({ type: ServicesDto })
  async services() {
    return { services: await this.health.all() };
  }

  @Get('consumer-lag')
  @ApiOperation({ summary: 'Lag of every Stockflow consumer group, per partition' })
  @ApiOkResponse({ type: ConsumerLagPageDto })
  async consumerLag() {
    return { partitions: await this.lag.read() };
  }

  @Get('dead-letters')
  @ApiOperation({ summary: "Every channel's dead-letter depth and newest entries" })
  @ApiOkResponse({ type: DeadLetterSummaryDto })
  deadLetterSummary(@Headers('authorization') authorization: string) {
    return this.deadLetters.read(authorization);
  }

  @Get('orders')
  @ApiOperation({ summary: 'Orders created in the last minutes, by status now' })
  @ApiOkResponse({ type: OrdersWindowDto })
  orders(@Query() query: OrdersWindowQuery) {
    return this.orderRepository.countByStatus(query.minutes ?? 15);
  }
}
