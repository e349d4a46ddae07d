import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import { DEFAULT_POOL_ID, PoolBodyDto, PoolDefinition, PoolParams } from '@stockflow/contracts';
import { PoolFeed } from '@stockflow/kafka';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';
import { PoolWrites } from './pool-writes';

/** Pool definitions (docs/pools.md): operator tokens only. */
@Controller('v1/pools')
@UseGuards(ChannelAuthGuard)
@AllowAccess('operator')
export class PoolsController {
  constructor(
    private readonly feed: PoolFeed,
    private readonly writes: PoolWrites,
  ) {}

  /** Every defined pool; channels in none sell from the implicit `default` pool of every location. */
  @Get()
  list() {
    const pools = [...this.feed.current().pools.values()].sort((a, b) =>
      a.poolId < b.poolId ? -1 : 1,
    );
    return { defaultPool: DEFAULT_POOL_ID, pools: pools.map(present) };
  }

  @Get(':poolId')
  get(@Param() { poolId }: PoolParams) {
    const pool = this.feed.pool(poolId);
    if (!pool) throw new NotFoundException(`unknown pool ${poolId}`);
    return present(pool);
  }

  @Put(':poolId')
  async put(@Param() { poolId }: PoolParams, @Body() body: PoolBodyDto) {
    return present(await this.writes.define(poolId, body.locations, body.channels));
  }

  @Delete(':poolId')
  @HttpCode(204)
  async delete(@Param() { poolId }: PoolParams) {
    await this.writes.remove(poolId);
  }
}

function present(pool: PoolDefinition) {
  return {
    poolId: pool.poolId,
    locations: pool.locations,
    channels: pool.channels,
    version: pool.version,
  };
}
