import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, PayloadTooLargeException, Post, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findBulkJob } from '@stockflow/persistence';
import { AllowAccess, ChannelAuthGuard, CurrentChannel, validationFailed } from '@stockflow/service-kit';
import { BulkIngest, MAX_BULK_EVENTS } from './bulk-ingest';

@Controller('v1')
@UseGuards(ChannelAuthGuard)
export class BulkController {
  constructor(
    private readonly bulk: BulkIngest,
    private readonly db: DataSource,
  ) {}

  /** Up to 100,000 events; 202 with a bulkId at once, the work happens in the background. */
  @Post('events/bulk')
  @HttpCode(202)
  async submit(@Body() body: unknown, @CurrentChannel() channel: string) {
    const events = Array.isArray(body) ? body : (body as { events?: unknown })?.events;
    if (!Array.isArray(events) || events.length === 0) {
      throw validationFailed([{ field: '(body)', messages: ['expected a non-empty array of events (or {"events": [...]})'] }]);
    }
    if (events.length > MAX_BULK_EVENTS) {
      throw new PayloadTooLargeException(`at most ${MAX_BULK_EVENTS} events per bulk request (got ${events.length})`);
    }
    return { bulkId: await this.bulk.submit(events, channel) };
  }

  /** A channel sees only its own bulk jobs; an operator sees every one. */
  @Get('bulk/:bulkId')
  @AllowAccess('read')
  async status(@Param('bulkId', new ParseUUIDPipe()) bulkId: string, @CurrentChannel() channel: string | undefined) {
    const job = await findBulkJob(this.db, bulkId, channel);
    if (!job) throw new NotFoundException(`unknown bulk job ${bulkId}`);
    return job;
  }
}
