import { Controller, Get, Inject, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { Matches } from 'class-validator';
import { SKU_PATTERN } from '@stockflow/contracts';
import { CHANNEL_NAME_PATTERN, SafetyStock, channelAvailability } from '@stockflow/channels';
import { PoolFeed } from '@stockflow/kafka';
import { stockSnapshot } from '@stockflow/ledger-core';
import { StockRepository } from '@stockflow/persistence';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';

/** Injection token: channel name -> its safety stock, from CHANNELS_FILE. */
export const CHANNEL_SAFETY_STOCK = Symbol('CHANNEL_SAFETY_STOCK');

class ChannelStockParams {
  @Matches(CHANNEL_NAME_PATTERN, {
    message: 'channel must be 1-32 characters of a-z, 0-9, _ or -, starting with a letter or digit',
  })
  channel: string;

  @Matches(SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })
  sku: string;
}

/**
 * What a channel may sell (docs/pools.md "Channels"). Reads are open to every
 * token, like GET /v1/stock: a channel may see another's numbers, which are
 * derived from stock it can read anyway. Any channel name is answered; one
 * without a channels-file entry holds no safety stock.
 */
@Controller('v1/channels')
@UseGuards(ChannelAuthGuard)
@AllowAccess('read')
export class ChannelStockController {
  constructor(
    private readonly stockLevels: StockRepository,
    private readonly pools: PoolFeed,
    @Inject(CHANNEL_SAFETY_STOCK) private readonly safety: ReadonlyMap<string, SafetyStock>,
  ) {}

  @Get(':channel/stock/:sku')
  async stock(@Param() { channel, sku }: ChannelStockParams) {
    const state = await this.stockLevels.state(sku);
    if (!state) throw new NotFoundException(`unknown sku ${sku}`);
    const { locations } = stockSnapshot(state);
    const level = { sku, version: state.version, available: 0, locations };
    return channelAvailability(
      channel,
      level,
      { directory: this.pools.current(), version: this.pools.version() },
      this.safety.get(channel),
    );
  }
}
