import { Controller, Get, NotFoundException, Param, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SKU_PATTERN } from '@stockflow/contracts';
import { PoolFeed } from '@stockflow/kafka';
import { poolsAvailable, stockSnapshot } from '@stockflow/ledger-core';
import { JournalRepository, StockRepository } from '@stockflow/persistence';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';
import { ErrorDto, JournalPageDto, StockDto } from '../docs/gateway-api.dto';

class SkuParams {
  @ApiProperty({ pattern: SKU_PATTERN.source, example: 'TSHIRT-RED-M' })
  @Matches(SKU_PATTERN, { message: 'sku must match ^[A-Za-z0-9._-]{1,64}$' })
  sku: string;
}

class LedgerQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Version cursor: entries strictly older than it (from `nextBefore` of the previous page). */
  @ApiPropertyOptional({
    minimum: 1,
    description: 'version cursor: `nextBefore` of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

/** Reads of the ledger's projections (eventually consistent with the log). */
@ApiTags('stock')
@ApiBearerAuth()
@Controller('v1/stock')
@UseGuards(ChannelAuthGuard)
@AllowAccess('read')
export class StockController {
  constructor(
    private readonly stockLevels: StockRepository,
    private readonly journal: JournalRepository,
    private readonly pools: PoolFeed,
  ) {}

  /** The SKU's quantities per location and in total, and every pool's available. */
  @Get(':sku')
  @ApiOperation({ summary: "A SKU's stock, in total and per location" })
  @ApiResponse({ status: 200, type: StockDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  async stock(@Param() { sku }: SkuParams) {
    const state = await this.stockLevels.state(sku);
    if (!state) throw new NotFoundException(`unknown sku ${sku}`);
    return { ...stockSnapshot(state), pools: poolsAvailable(state, this.pools.current()) };
  }

  @Get(':sku/ledger')
  @ApiOperation({ summary: "A SKU's journal, newest first, paginated" })
  @ApiResponse({ status: 200, type: JournalPageDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  async ledger(@Param() { sku }: SkuParams, @Query() query: LedgerQuery) {
    const page = await this.journal.pageOfSku(sku, query.limit ?? 50, query.before);
    if (page.entries.length === 0 && query.before === undefined) {
      throw new NotFoundException(`unknown sku ${sku}`);
    }
    return page;
  }
}
