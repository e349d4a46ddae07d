import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { AllowAccess, Caller, ChannelAuthGuard, CurrentCaller } from '@stockflow/service-kit';
import { ChannelFleet } from '../consumers/channel-fleet';
import { DeadLetterReplay } from '../dlq/dead-letter-replay';
import {
  ChannelDeadLetterRepository,
  IndexedDeadLetter,
  REPLAY_STATUSES,
  ReplayStatus,
} from '@stockflow/persistence';
import { ChannelParams, DlqListQuery, INPUT_DLQ, ReplayBody } from './dlq.dto';

/**
 * Operating a channel's dead letters. Any valid token may list them (they hold
 * stock quantities, which every channel may read through GET /v1/stock); only
 * the channel's operators (its own token by default) and operator tokens may
 * replay, since that makes calls to the channel.
 */
@Controller('v1/channels/:channel/dlq')
@UseGuards(ChannelAuthGuard)
@AllowAccess('read')
export class DlqController {
  constructor(
    private readonly fleet: ChannelFleet,
    private readonly store: ChannelDeadLetterRepository,
    private readonly replayer: DeadLetterReplay,
  ) {}

  @Get()
  async list(@Param() { channel }: ChannelParams, @Query() query: DlqListQuery) {
    if (channel !== INPUT_DLQ) this.configured(channel);
    const statuses: readonly ReplayStatus[] =
      query.status === 'all' ? REPLAY_STATUSES : [(query.status ?? 'dead') as ReplayStatus];
    const limit = query.limit ?? 50;
    const rows = await this.store.list(
      channel === INPUT_DLQ ? null : channel,
      statuses,
      limit,
      query.before,
    );
    return {
      channel,
      deadLetters: rows.map(present),
      nextBefore: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }

  @Post('replay')
  @HttpCode(202)
  replay(
    @Param() { channel }: ChannelParams,
    @Body() body: ReplayBody,
    @CurrentCaller() caller: Caller,
  ) {
    if (channel === INPUT_DLQ) {
      throw new ConflictException(
        'poison input messages cannot be replayed: fix the producer and re-publish the stock level',
      );
    }
    const settings = this.configured(channel);
    if (caller.kind === 'channel' && !settings.operators.includes(caller.channel)) {
      throw new ForbiddenException(
        `token of channel '${caller.channel}' may not replay dead letters of '${channel}' (operators: ${settings.operators.join(', ')})`,
      );
    }
    return this.replayer.replay(channel, body.skus);
  }

  private configured(channel: string) {
    const settings = this.fleet.settings(channel);
    if (!settings) throw new NotFoundException(`unknown channel ${channel}`);
    return settings;
  }
}

export function present(row: IndexedDeadLetter) {
  const { record } = row;
  return {
    id: row.id,
    channel: record.channel,
    sku: record.sku,
    code: record.code,
    reason: record.reason,
    attempts: record.attempts,
    update: record.update,
    payload: record.payload,
    failedAt: record.failedAt,
    source: { topic: record.sourceTopic, partition: record.partition, offset: record.offset },
    ...(record.channel === null ? { originalValue: record.originalValue } : {}),
    status: row.status,
    replayedAt: row.replayedAt,
    replayedVersion: row.replayedVersion,
  };
}
