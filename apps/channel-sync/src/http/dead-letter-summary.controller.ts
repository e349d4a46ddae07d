import { Controller, Get, UseGuards } from '@nestjs/common';
import { AllowAccess, ChannelAuthGuard } from '@stockflow/service-kit';
import { ChannelFleet } from '../consumers/channel-fleet';
import { ChannelDeadLetterRepository } from '@stockflow/persistence';
import { INPUT_DLQ } from './dlq.dto';
import { present } from './dlq.controller';

/** How many entries per channel the summary carries: enough to see what failed, small enough to poll. */
const NEWEST = 5;

/**
 * Every channel's dead letters at a glance, for the operator console: depth
 * (waiting for a replay) and the newest entries. Operators only: it spans
 * every channel, where a channel token sees one channel at a time.
 */
@Controller('v1/channels/dead-letters')
@UseGuards(ChannelAuthGuard)
@AllowAccess('operator')
export class DeadLetterSummaryController {
  constructor(
    private readonly fleet: ChannelFleet,
    private readonly store: ChannelDeadLetterRepository,
  ) {}

  @Get()
  async summary() {
    const depths = await this.store.depths();
    const channels = [...this.fleet.names(), INPUT_DLQ];
    return {
      channels: await Promise.all(
        channels.map(async (channel) => {
          const key = channel === INPUT_DLQ ? null : channel;
          const newest = await this.store.list(key, ['dead', 'replaying'], NEWEST);
          return {
            channel,
            depth: depths.get(key) ?? 0,
            replayable: channel !== INPUT_DLQ,
            newest: newest.map(present),
          };
        }),
      ),
    };
  }
}
