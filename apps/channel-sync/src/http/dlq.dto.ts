import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { SKU_PATTERN } from '@stockflow/contracts';
import { REPLAY_STATUSES } from '@stockflow/persistence';

/** Path alias of the dead letters that belong to no channel: poison messages of the input topic. */
export const INPUT_DLQ = '_input';

export class ChannelParams {
  @Matches(/^([a-z0-9][a-z0-9_-]{0,31}|_input)$/, {
    message: 'channel must be a channel name or _input',
  })
  channel: string;
}

export class DlqListQuery {
  /** `dead` (default: not replayed yet), another status, or `all`. */
  @IsOptional()
  @IsIn([...REPLAY_STATUSES, 'all'], {
    message: `status must be one of: ${[...REPLAY_STATUSES, 'all'].join(', ')}`,
  })
  status?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Id cursor: entries older than it (from `nextBefore` of the previous page). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

export class ReplayBody {
  /** Only these SKUs' dead letters; all of the channel's when absent. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @Matches(SKU_PATTERN, { each: true, message: 'each sku must match ^[A-Za-z0-9._-]{1,64}$' })
  skus?: string[];
}
