import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import {
  ChannelAvailabilityMessage,
  ChannelDeadLetter,
  TopicNames,
  channelAvailabilityKey,
} from '@stockflow/contracts';
import { BatchingPublisher, InjectTopics, PoolFeed } from '@stockflow/kafka';
import { Readiness, counter } from '@stockflow/runtime';
import { createAdapter } from '../adapters/create-adapter';
import { ChannelSyncConfig } from '../channel-sync.config';
import { ChannelPipeline, PipelineHooks } from '../delivery/channel-pipeline';
import { ChannelSettings } from '../delivery/channel-settings';
import { DeadLetterStore } from '../dlq/dead-letter-store';
import { ChannelFeed } from './channel-feed';

const availabilityFailures = counter({
  name: 'stockflow_channel_availability_publish_failures_total',
  help: 'Messages to inventory.channel-availability Kafka did not take (the next change of the SKU writes it again)',
  labelNames: ['channel'],
});

/** Injection token of the resolved ChannelSettings[] (from CHANNELS_FILE). */
export const CHANNEL_SETTINGS = Symbol('CHANNEL_SETTINGS');

/** Starts one independent pipeline and feed per configured channel, and stops them on SIGTERM. */
@Injectable()
export class ChannelFleet implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ChannelFleet.name);
  private readonly pipelines = new Map<string, ChannelPipeline>();
  private readonly feeds: ChannelFeed[] = [];

  constructor(
    private readonly config: ChannelSyncConfig,
    @Inject(CHANNEL_SETTINGS) private readonly channels: ChannelSettings[],
    private readonly kafka: Kafka,
    private readonly publisher: BatchingPublisher,
    @InjectTopics() private readonly topics: TopicNames,
    private readonly store: DeadLetterStore,
    private readonly pools: PoolFeed,
    readiness: Readiness,
  ) {
    readiness.register('channel-feeds', () => {
      const waiting = this.feeds.filter((f) => !f.joined || f.crashed).map((f) => f.channel);
      if (this.feeds.length === 0 || waiting.length > 0)
        throw new Error(`not consuming yet: ${waiting.join(', ') || 'all'}`);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // A channel's numbers depend on its pool: deciding them on a half-read directory would send wrong ones.
    await this.pools.whenCaughtUp();
    for (const settings of this.channels) {
      const { name } = settings.definition;
      const adapter = createAdapter(settings.definition, settings.concurrency, settings.timeoutMs);
      const pipeline = new ChannelPipeline(settings, adapter, this.hooks());
      this.pipelines.set(name, pipeline);
      const groupId = `${this.config.KAFKA_TOPIC_PREFIX}${this.config.CHANNEL_SYNC_GROUP_ID}.${name}`;
      const feed = new ChannelFeed(
        this.kafka,
        pipeline,
        {
          groupId,
          topic: this.topics.stockLevels,
          commitIntervalMs: this.config.CHANNEL_COMMIT_INTERVAL_MS,
        },
        name,
      );
      this.feeds.push(feed);
    }
    await Promise.all(this.feeds.map((f) => f.start()));
    this.logger.log(
      `syncing ${this.channels.map((c) => `${c.definition.name} (${c.definition.adapter})`).join(', ')}`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.feeds.map((f) => f.stop()));
  }

  /** Every configured channel, in CHANNELS_FILE order. */
  names(): string[] {
    return this.channels.map((c) => c.definition.name);
  }

  settings(channel: string): ChannelSettings | undefined {
    return this.channels.find((c) => c.definition.name === channel);
  }

  pipeline(channel: string): ChannelPipeline | undefined {
    return this.pipelines.get(channel);
  }

  private hooks(): PipelineHooks {
    return {
      deadLetter: (record: ChannelDeadLetter) =>
        this.publisher.publish(this.topics.channelSyncDlq, [
          {
            key: `${record.channel}:${record.sku}`,
            value: JSON.stringify(record),
            headers: { 'x-dlq-code': record.code },
          },
        ]),
      availability: (message: ChannelAvailabilityMessage) => {
        const record = {
          key: channelAvailabilityKey(message.channel, message.sku),
          value: JSON.stringify(message),
        };
        this.publisher.publish(this.topics.channelAvailability, [record]).catch((error: Error) => {
          availabilityFailures.inc({ channel: message.channel });
          this.logger.error(
            `channel-availability of ${message.channel}:${message.sku}@${message.version} not written: ${error.message}`,
          );
        });
      },
      pools: () => ({ directory: this.pools.current(), version: this.pools.version() }),
      replaySettled: (ids, outcome, version) => {
        // Left 'replaying' if this fails: the next replay of the channel takes such rows again.
        this.store.settleReplay(ids, outcome, version).catch((error: Error) => {
          this.logger.error(
            `could not record replay outcome of dead letters ${ids.join(', ')}: ${error.message}`,
          );
        });
      },
    };
  }
}
