import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BulkJobRepository } from '@stockflow/persistence';
import {
  AllowAccess,
  ChannelAuthGuard,
  CurrentChannel,
  validationFailed,
} from '@stockflow/service-kit';
import { EVENTS_BODY } from '../docs/event-body';
import { BulkAcceptedDto, BulkJobDto, ErrorDto } from '../docs/gateway-api.dto';
import { BulkIngest, MAX_BULK_EVENTS } from './bulk-ingest';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1')
@UseGuards(ChannelAuthGuard)
export class BulkController {
  constructor(
    private readonly bulk: BulkIngest,
    private readonly bulkJobs: BulkJobRepository,
  ) {}

  /** Up to 100,000 events; 202 with a bulkId at once, the work happens in the background. */
  @Post('events/bulk')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Up to 100,000 events, processed in the background',
    description:
      'Not all or nothing: valid events are appended, invalid ones counted with their errors (GET /v1/bulk/:bulkId).',
  })
  @ApiBody(EVENTS_BODY(100_000))
  @ApiResponse({ status: 202, type: BulkAcceptedDto })
  @ApiResponse({ status: 413, type: ErrorDto })
  async submit(@Body() body: unknown, @CurrentChannel() channel: string) {
    const events = Array.isArray(body) ? body : (body as { events?: unknown })?.events;
    if (!Array.isArray(events) || events.length === 0) {
      throw validationFailed([
        {
          field: '(body)',
          messages: ['expected a non-empty array of events (or {"events": [...]})'],
        },
      ]);
    }
    if (events.length > MAX_BULK_EVENTS) {
      throw new PayloadTooLargeException(
        `at most ${MAX_BULK_EVENTS} events per bulk request (got ${events.length})`,
      );
    }
    return { bulkId: await this.bulk.submit(events, channel) };
  }

  /** A channel sees only its own bulk jobs; an operator sees every one. */
  @Get('bulk/:bulkId')
  @AllowAccess('read')
  @ApiOperation({ summary: 'Progress of a bulk job' })
  @ApiResponse({ status: 200, type: BulkJobDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  async status(
    @Param('bulkId', new ParseUUIDPipe()) bulkId: string,
    @CurrentChannel() channel: string | undefined,
  ) {
    const job = await this.bulkJobs.find(bulkId, channel);
    if (!job) throw new NotFoundException(`unknown bulk job ${bulkId}`);
    return job;
  }
}
