import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { HttpEnv, WithChannelTokens, WithDatabase, WithKafka } from '@stockflow/config';

export class ChannelSyncConfig extends WithChannelTokens(WithDatabase(WithKafka(HttpEnv))) {
  override PORT = 3003;

  /** JSON array of channels (see docs/channel-sync.md); relative paths start at the working directory. */
  @IsString()
  @MinLength(1)
  CHANNELS_FILE = 'config/channels.dev.json';

  /** Prefix of the consumer groups: `<prefix><group>.<channel>`, `.input` (poison guard) and `.dlq-index`. */
  @IsString()
  CHANNEL_SYNC_GROUP_ID = 'stockflow-channel-sync';

  // Defaults of every channel; a channel's entry in CHANNELS_FILE may override each.

  /** Sends in flight per channel (to different SKUs). */
  @IsInt()
  @Min(1)
  @Max(256)
  CHANNEL_CONCURRENCY = 32;

  /** One send's deadline (connect, headers and body each). */
  @IsInt()
  @Min(100)
  @Max(120_000)
  CHANNEL_REQUEST_TIMEOUT_MS = 10_000;

  /** Sends of an update before it is dead-lettered (the defaults retry for about a minute and a half). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CHANNEL_RETRY_MAX_ATTEMPTS = 10;

  @IsInt()
  @Min(1)
  @Max(600_000)
  CHANNEL_RETRY_BASE_MS = 250;

  @IsInt()
  @Min(1)
  @Max(3_600_000)
  CHANNEL_RETRY_MAX_MS = 30_000;

  /** SKUs per second a re-send after a pool change offers to each channel (it also waits for the channel to be idle). */
  @IsInt()
  @Min(1)
  @Max(100_000)
  CHANNEL_RESEND_PER_SECOND = 500;

  /** How often delivered input offsets are committed: the most a restart sends again. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  CHANNEL_COMMIT_INTERVAL_MS = 500;
}
