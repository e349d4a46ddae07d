import { IsInt, Max, Min } from 'class-validator';
import { HttpEnv, WithDatabase, WithKafka, WithRedis } from '@stockflow/config';

export class CompactionConfig extends WithRedis(WithDatabase(WithKafka(HttpEnv))) {
  override PORT = 3004;

  /** Pause after a slice that found nothing to do: bounds the polling cost of an idle system. */
  @IsInt() @Min(10) @Max(60_000)
  COMPACTION_IDLE_DELAY_MS = 1_000;

  /** First pause after a failed slice; doubles per consecutive failure. */
  @IsInt() @Min(10) @Max(60_000)
  COMPACTION_ERROR_DELAY_MS = 500;

  @IsInt() @Min(10) @Max(600_000)
  COMPACTION_MAX_ERROR_DELAY_MS = 30_000;
}
