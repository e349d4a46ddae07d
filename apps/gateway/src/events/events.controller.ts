import { Body, Controller, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import { Type } from 'class-transformer';
import { Equals, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FastifyReply } from 'fastify';
import { ChannelAuthGuard, CurrentChannel } from '@stockflow/service-kit';
import { EventIngest } from './event-ingest';
import { EventResults } from './event-results.consumer';

export const DEFAULT_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 30_000;

class WaitQuery {
  @IsOptional() @Equals('applied', { message: "wait must be 'applied'" })
  wait?: 'applied';

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_WAIT_MS)
  timeoutMs?: number;
}

@Controller('v1/events')
@UseGuards(ChannelAuthGuard)
export class EventsController {
  constructor(
    private readonly ingest: EventIngest,
    private readonly results: EventResults,
  ) {}

  /**
   * One event or an array of up to 1,000; 202 once they are durably in the log.
   * With `?wait=applied`: 200 with each event's outcome once the ledger decided
   * them all, or the usual 202 when `timeoutMs` runs out first.
   */
  @Post()
  @HttpCode(202)
  async post(
    @Body() body: unknown,
    @Query() query: WaitQuery,
    @CurrentChannel() channel: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (query.wait !== 'applied') {
      const events = await this.ingest.ingest(body, channel);
      return { accepted: events.length, eventIds: events.map((e) => e.eventId) };
    }
    let eventIds: string[] = [];
    const decided = await this.results.await(this.ingest.eventIdsOf(body), query.timeoutMs ?? DEFAULT_WAIT_MS, async () => {
      eventIds = (await this.ingest.ingest(body, channel, this.results.instanceId)).map((e) => e.eventId);
    });
    if (!decided) return { accepted: eventIds.length, eventIds };
    reply.status(200);
    return {
      results: eventIds.map((id) => {
        const { outcome, code, reason, current, version } = decided.get(id)!;
        return { eventId: id, outcome, ...(code && { code }), ...(reason && { reason }), ...(current !== undefined && { current }), ...(version !== undefined && { version }) };
      }),
    };
  }
}
