import { Controller, Get, Headers, Query, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countOrdersByStatus } from '@stockflow/persistence';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';
import { ConsumerLagSource } from './consumer-lag-source';
import { DeadLetterSummary } from './dead-letter-summary';
import { OrdersWindowQuery } from './ops.dto';
import { ServiceHealth } from './service-health';

/**
 * Operator endpoints behind the console: operator tokens only (a channel token
 * gets 403, none 401). Each answers one console section and is cheap enough
 * to poll every few seconds.
 */
@Controller('v1/ops')
@UseGuards(ChannelAuthGuard)
@AllowAccess('operator')
export class OpsController {
  constructor(
    private readonly health: ServiceHealth,
    private readonly lag: ConsumerLagSource,
    private readonly deadLetters: DeadLetterSummary,
    private readonly db: DataSource,
  ) {}

  /** The console's sign-in check: 200 only for an operator token. */
  @Get('session')
  session() {
    return { role: 'operator' };
  }

  @Get('services')
  async services() {
    return { services: await this.health.all() };
  }

  @Get('consumer-lag')
  async consumerLag() {
    return { partitions: await this.lag.read() };
  }

  @Get('dead-letters')
  deadLetterSummary(@Headers('authorization') authorization: string) {
    return this.deadLetters.read(authorization);
  }

  @Get('orders')
  orders(@Query() query: OrdersWindowQuery) {
    return countOrdersByStatus(this.db, query.minutes ?? 15);
  }
}
