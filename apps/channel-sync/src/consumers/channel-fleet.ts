import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  ChannelAvailabilityMessage,
  ChannelDeadLetter,
  TopicNames,
  channelAvailabilityKey,
} from '@stockflow/contracts';
import { BatchingPublisher, InjectTopics, KafkaTransport, PoolFeed } from '@stockflow/kafka';
import { Readiness, counter } from '@stockflow/runtime';
import { createAdapter } from '../adapters/create-adapter';
import { ChannelSyncConfig } from '../channel-sync.config';
import { ChannelPipeline, PipelineHooks } from '../delivery/channel-pipeline';
import { ChannelSettings } from '../delivery/channel-settings';
import { ChannelDeadLetterRepository } from '@stockflow/persistence';
import { channelSubscription } from './channel-subscription';

const availabilityFailures = counter({
  name: 'stockflow_channel_availability_publish_failures_total',
  help: 'Messages to inventory.channel-availability Kafka did not take (the next change of the SKU writes it again)',
  labelNames: ['channel'],
});

/** Injection token of the resolved ChannelSettings[] (from CHANNELS_FILE). */
export const CHANNEL_SETTINGS = Symbol('CHANNEL_SETTINGS');

/** Starts one independent pipeline and feed per configured channel (the transport drains them on SIGTERM). */
@Injectable()
export class ChannelFleet implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChannelFleet.name);
  private readonly pipelines = new Map<string, ChannelPipeline>();
  /** Channels whose subscription has joined its group. */
  private readonly started = new Set<string>();
  private failed?: Error;

  constructor(
    private readonly config: ChannelSyncConfig,
    @Inject(CHANNEL_SETTINGS) private readonly channels: ChannelSettings[],
    private readonly transport: KafkaTransport,
    private readonly publisher: BatchingPublisher,
    @InjectTopics() private readonly topics: TopicNames,
    private readonly store: ChannelDeadLetterRepository,
    private readonly pools: PoolFeed,
    readiness: Readiness,
  ) {
    // Each feed's own check (`feed <channel>`) reports its crashes; this one waits for them all to start.
    readiness.register('channel-feeds', () => {
      if (this.failed) throw new Error(`channel feeds did not start: ${this.failed.message}`);
      const waiting = this.names().filter((name) => !this.started.has(name));
      if (this.channels.length === 0 || waiting.length > 0)
        throw new Error(`not consuming yet: ${waiting.join(', ') || 'all'}`);
    });
  }

  /** The transport is already listening (it starts before the bootstrap hooks): each channel joins now. */
  async onApplicationBootstrap(): Promise<void> {
    // A channel's numbers depend on its pool: deciding them on a half-read directory would send wrong ones.
    await this.pools.whenCaughtUp();
    await Promise.all(
      this.channels.map(async (settings) => {
        const { name } = settings.definition;
        const adapter = createAdapter(
          settings.definition,
          settings.concurrency,
          settings.timeoutMs,
        );
        const pipeline = new ChannelPipeline(settings, adapter, this.hooks());
        this.pipelines.set(name, pipeline);
        const { subscription, handler } = channelSubscription(name, pipeline, {
          groupId: `${this.config.KAFKA_TOPIC_PREFIX}${this.config.CHANNEL_SYNC_GROUP_ID}.${name}`,
          topic: this.topics.stockLevels,
          commitIntervalMs: this.config.CHANNEL_COMMIT_INTERVAL_MS,
        });
        await this.transport.subscribe(subscription, handler);
        this.started.add(name);
      }),
    ).catch((error: Error) => {
      this.failed = error;
      throw error;
    });
    this.logger.log(
      `syncing ${this.channels.map((c) => `${c.definition.name} (${c.definition.adapter})`).join(', ')}`,
    );
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
