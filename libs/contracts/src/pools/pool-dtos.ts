// Nest's ValidationPipe turns bodies into these classes (class-transformer needs the metadata API).
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_POOL_ID } from './pool-types';

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const MAX_POOL_LOCATIONS = 50;

export class PoolLocationDto {
  @IsString()
  @Matches(ID_PATTERN, {
    message: 'locationId must be 1-128 characters of letters, digits, . _ : -',
  })
  locationId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  priority: number;
}

/** Body of PUT /v1/pools/:poolId. */
export class PoolBodyDto {
  @IsArray()
  @ArrayMaxSize(MAX_POOL_LOCATIONS)
  @ArrayUnique((l: PoolLocationDto) => l?.locationId, {
    message: 'each locationId may appear once in locations',
  })
  @ValidateNested({ each: true })
  @Type(() => PoolLocationDto)
  locations: PoolLocationDto[];

  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'each channel may appear once in channels' })
  @Matches(/^[a-z0-9_-]{1,32}$/, {
    each: true,
    message: 'each channel must be 1-32 characters of a-z, 0-9, _ or -',
  })
  channels: string[];
}

export class PoolParams {
  @Matches(ID_PATTERN, { message: 'poolId must be 1-128 characters of letters, digits, . _ : -' })
  @NotEquals(DEFAULT_POOL_ID, {
    message: `'${DEFAULT_POOL_ID}' is the implicit pool of every location and cannot be defined`,
  })
  poolId: string;
}
