import { ChannelDefinition } from '@stockflow/channels';
import { ChannelSyncConfig } from '../channel-sync.config';
import { RetryPolicy } from './retry-policy';

/** A channel's definition with every optional knob resolved against the CHANNEL_* defaults. */
export interface ChannelSettings {
  definition: ChannelDefinition;
  concurrency: number;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Token channels allowed to replay this channel's dead letters. */
  operators: string[];
}

export function channelSettings(
  definition: ChannelDefinition,
  config: ChannelSyncConfig,
): ChannelSettings {
  return {
    definition,
    concurrency: definition.concurrency ?? config.CHANNEL_CONCURRENCY,
    timeoutMs: definition.timeoutMs ?? config.CHANNEL_REQUEST_TIMEOUT_MS,
    retry: {
      maxAttempts: definition.maxAttempts ?? config.CHANNEL_RETRY_MAX_ATTEMPTS,
      baseDelayMs: definition.retryBaseMs ?? config.CHANNEL_RETRY_BASE_MS,
      maxDelayMs: definition.retryMaxMs ?? config.CHANNEL_RETRY_MAX_MS,
    },
    operators: definition.operators ?? [definition.name],
  };
}
