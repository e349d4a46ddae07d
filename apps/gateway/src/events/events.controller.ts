import { Body, Controller, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FastifyReply } from 'fastify';
import { ChannelAuthGuard, CurrentChannel } from '@stockflow/service-kit';
import { ErrorDto, EventsAcceptedDto } from '../docs/gateway-api.dto';
import { EVENTS_BODY } from '../docs/event-body';
import { EventIngest } from './event-ingest';
import { EventResults } from './event-results.consumer';

export const DEFAULT_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 30_000;

class WaitQuery {
  @ApiPropertyOptional({
    enum: ['applied'],
    description: 'answer once the ledger decided every event',
  })
  @IsOptional()
  @Equals('applied', { message: "wait must be 'applied'" })
  wait?: 'applied';

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WAIT_MS, default: DEFAULT_WAIT_MS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_WAIT_MS)
  timeoutMs?: number;
}

@ApiTags('events')
@ApiBearerAuth()
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
  @ApiOperation({
    summary: 'Append one event or up to 1,000 (all or nothing)',
    description:
      "Every event must be of the token's channel (403 otherwise). With ?wait=applied&timeoutMs=N: 200 with each event's outcome once the ledger decided them all, or 202 when the wait runs out.",
  })
  @ApiBody(EVENTS_BODY(1000))
  @ApiResponse({ status: 202, type: EventsAcceptedDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'every field error, nothing appended' })
  @ApiResponse({ status: 413, type: ErrorDto })
  @ApiResponse({
    status: 200,
    description:
      '?wait=applied: {results: [{eventId, outcome: applied | duplicate | refused, reason?, version?}]}',
  })
  async post(
    @Body() body: unknown,
    @Query() query: WaitQuery,
    @CurrentChannel() channel: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (query.wait !== 'applied') {
      return accepted(await this.ingest.ingest(body, channel));
    }
    let ingested: Awaited<ReturnType<EventIngest['ingest']>> = { events: [], durability: 'log' };
    const decided = await this.results.await(
      this.ingest.eventIdsOf(body),
      query.timeoutMs ?? DEFAULT_WAIT_MS,
      async () => {
        ingested = await this.ingest.ingest(body, channel, this.results.instanceId);
      },
    );
    const eventIds = ingested.events.map((e) => e.eventId);
    if (!decided) return accepted(ingested);
    reply.status(200);
    return {
      results: eventIds.map((id) => {
        const { outcome, code, reason, current, version } = decided.get(id)!;
        return {
          eventId: id,
          outcome,
          ...(code && { code }),
          ...(reason && { reason }),
          ...(current !== undefined && { current }),
          ...(version !== undefined && { version }),
        };
      }),
    };
  }
}

/** `buffered: true` only when the broker had not acknowledged yet (docs/faults.md): the 202 then means "held by the gateway". */
function accepted({ events, durability }: Awaited<ReturnType<EventIngest['ingest']>>) {
  return {
    accepted: events.length,
    eventIds: events.map((e) => e.eventId),
    ...(durability === 'buffered' && { buffered: true }),
  };
}
