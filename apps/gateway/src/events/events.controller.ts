import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ChannelAuthGuard, CurrentChannel } from '@stockflow/service-kit';
import { ErrorDto, EventsAcceptedDto } from '../docs/gateway-api.dto';
import { EVENTS_BODY } from '../docs/event-body';
import { EventIngest } from './event-ingest';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
@UseGuards(ChannelAuthGuard)
export class EventsController {
  constructor(private readonly ingest: EventIngest) {}

  /** One event or an array of up to 1,000; 202 once they are durably in the log. */
  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Append one event or up to 1,000 (all or nothing)', description: "Every event must be of the token's channel (403 otherwise)." })
  @ApiBody(EVENTS_BODY(1000))
  @ApiResponse({ status: 202, type: EventsAcceptedDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'every field error, nothing appended' })
  @ApiResponse({ status: 413, type: ErrorDto })
  async post(@Body() body: unknown, @CurrentChannel() channel: string) {
    const events = await this.ingest.ingest(body, channel);
    return { accepted: events.length, eventIds: events.map((e) => e.eventId) };
  }
}
