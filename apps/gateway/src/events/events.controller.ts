import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ChannelAuthGuard, CurrentChannel } from '@stockflow/service-kit';
import { EventIngest } from './event-ingest';

@Controller('v1/events')
@UseGuards(ChannelAuthGuard)
export class EventsController {
  constructor(private readonly ingest: EventIngest) {}

  /** One event or an array of up to 1,000; 202 once they are durably in the log. */
  @Post()
  @HttpCode(202)
  async post(@Body() body: unknown, @CurrentChannel() channel: string) {
    const events = await this.ingest.ingest(body, channel);
    return { accepted: events.length, eventIds: events.map((e) => e.eventId) };
  }
}
